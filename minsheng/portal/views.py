"""Public portal pages. Thin: parse, call one service or selector, render. Nothing personal ever goes
into a URL: codes and passwords are POSTed, the verified matter is held in the session."""

import time
from functools import wraps

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from minsheng.audit.services import client_ip
from minsheng.documents.views import pdf_response
from minsheng.petitions.documents import notice_as_document
from minsheng.petitions.models import Notice
from minsheng.policies.guide import bureau_contact

from . import botcheck, pending, selectors, services, throttle
from .forms import RateForm, ReconsiderationForm, SubmitForm, TrackForm
from .legal_route import LIBRARY_QUERY, legal_route_words
from .models import OnlineAccess

ACCESS_KEY = "portal_access"
ACCESS_MINUTES = 30
LARGE_TYPE_COOKIE = "portal_large_type"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def portal_page(view):
    """Headers for every portal page: nothing cached (pages carry personal data or one-time codes),
    a strict content policy, no framing."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, max-age=0"
        response["Pragma"] = "no-cache"
        response.setdefault("Content-Security-Policy", CSP)
        response["X-Content-Type-Options"] = "nosniff"
        # Not "no-referrer": browsers then send Origin: null on POST, which fails the CSRF check.
        response["Referrer-Policy"] = "same-origin"
        response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        return response

    return wrapped


def _ip(request) -> str:
    return client_ip(request) or "unknown"


def _too_many(request, template: str, context: dict, until) -> object:
    minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
    context["locked_message"] = _(
        "尝试次数过多，为保护您的信息，已暂时锁定。请 %(minutes)s 分钟后再试；急事请拨打信访局电话。"
    ) % {"minutes": minutes}
    return render(request, template, context, status=429)


@require_GET
@portal_page
def home(request):
    # One setting (PETITION_BUREAU_CONTACT) for the home page and the guide.
    return render(request, "portal/home.html", {"contact": bureau_contact()})


# ---- 网上信访: fill in → confirm → code and password ----------------------------------------------


def _new_question(form) -> dict:
    """Every showing of the form gets a new question and token, so an answer cannot be replayed."""
    question = botcheck.issue()
    if form.is_bound:
        form.data = form.data.copy()
        form.data["bot_token"] = question["token"]
        form.data["bot_answer"] = ""
    else:
        form.initial["bot_token"] = question["token"]
    return question


def _render_submit(request, form, question, status=200, **extra):
    return render(
        request,
        "portal/submit.html",
        {"form": form, "question": question["question"], "pending": pending.load(request.session), **extra},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@portal_page
def submit(request):
    if request.method == "GET":
        kept = pending.load(request.session)
        initial = kept["fields"] if kept and request.GET.get("edit") else None
        if kept and not initial:
            pending.discard(request.session)
        form = SubmitForm(initial=initial)
        return _render_submit(request, form, _new_question(form))
    until = throttle.locked_until("submit_ip", _ip(request))
    if until is not None:
        # What they typed stays in the form for later; nothing is checked or kept.
        kept = {k: v for k, v in request.POST.items() if k in SubmitForm.base_fields and k in pending.FIELDS}
        form = SubmitForm(initial=kept)
        context = {"form": form, "question": _new_question(form)["question"]}
        return _too_many(request, "portal/submit.html", context, until)
    form = SubmitForm(request.POST, request.FILES)
    errors = {}
    valid = form.is_valid()
    checked = services.check_portal_uploads(form.cleaned_data.get("files") or [], errors) if valid else []
    if not valid or errors:
        for message in errors.get("uploads", []):
            form.add_error("files", message)
        question = _new_question(form)  # after checking: the answer given was checked against the old one
        return _render_submit(request, form, question, status=400)
    fields = {
        k: (v.pk if k == "township" and v else v) for k, v in form.cleaned_data.items() if k in pending.FIELDS
    }
    kept = pending.load(request.session)
    uploads = [u for u, _c in checked]
    if not uploads and kept and kept["files"]:
        # Back from the confirm page without choosing new files: the ones already checked stay.
        uploads = pending.open_files(kept)
    try:
        pending.save(request.session, fields=fields, uploads=uploads)
    finally:
        for upload in uploads:
            if not hasattr(upload, "content_type"):
                upload.close()
    return redirect("portal:submit_confirm")


@require_http_methods(["GET", "POST"])
@portal_page
def submit_confirm(request):
    data = pending.load(request.session)
    if data is None:
        return redirect("portal:submit")
    fields = data["fields"]
    township = services.Organisation.objects.filter(pk=fields.get("township")).first()
    context = {
        "fields": fields,
        "township": township,
        "files": data["files"],
        "legal_words": legal_route_words(fields["title"], fields["content"], fields["demands"]),
        "library_url": f"{reverse('policies:library')}?q={LIBRARY_QUERY}",
    }
    if request.method == "GET":
        return render(request, "portal/confirm.html", context)
    uploads = pending.open_files(data)
    try:
        access, credentials = services.online_submission_register(
            name=fields["name"],
            id_number=fields["id_number"],
            phone=fields["phone"],
            address=fields["address"],
            title=fields["title"],
            content=fields["content"],
            demands=fields["demands"],
            township=township,
            place=fields["place"],
            uploads=uploads,
            client_ip=_ip(request),
        )
    except services.Locked as locked:
        return _too_many(request, "portal/confirm.html", context, locked.until)
    except ValidationError as exc:
        context["errors"] = [m for messages in exc.message_dict.values() for m in messages]
        return render(request, "portal/confirm.html", context, status=400)
    except ImproperlyConfigured:
        context["errors"] = [
            _("网上信访暂时无法受理，请拨打信访局电话或前往信访局，给您带来不便，敬请谅解。")
        ]
        return render(request, "portal/confirm.html", context, status=503)
    finally:
        for upload in uploads:
            upload.close()
    pending.discard(request.session)
    # Shown in this response only, never stored: a reload does not show them again.
    return render(
        request,
        "portal/done.html",
        {
            "number": access.matter.number,
            "query_code": services.format_code(credentials.query_code),
            "password": credentials.password,
            "legal_words": context["legal_words"],
            "library_url": context["library_url"],
        },
    )


# ---- 查询办理进度 ---------------------------------------------------------------------------------


def _access(request) -> OnlineAccess | None:
    held = request.session.get(ACCESS_KEY)
    if not held or held.get("until", 0) < time.time():
        request.session.pop(ACCESS_KEY, None)
        return None
    return OnlineAccess.objects.filter(pk=held["id"]).first()


def _failure_delay(ip: str) -> None:
    # Each failure from one address makes its next answer slower, up to a few seconds.
    step = getattr(settings, "PORTAL_FAILURE_DELAY_SECONDS", 0.4)
    if step:
        time.sleep(min(throttle.failures("track_ip", ip), 5) * step)


@require_http_methods(["GET", "POST"])
@portal_page
def track(request):
    if request.method == "GET":
        if _access(request) is not None:
            return redirect("portal:track_detail")
        return render(request, "portal/track.html", {"form": TrackForm()})
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/track.html", {"form": form}, status=400)
    ip = _ip(request)
    _failure_delay(ip)
    if form.cleaned_data["website"]:
        access = None
    else:
        try:
            access = services.access_verify(
                query_code=form.cleaned_data["query_code"],
                password=form.cleaned_data["password"],
                client_ip=ip,
            )
        except services.Locked as locked:
            return _too_many(request, "portal/track.html", {"form": TrackForm()}, locked.until)
    if access is None:
        form = TrackForm(initial={"query_code": form.cleaned_data["query_code"]})
        return render(
            request,
            "portal/track.html",
            {
                "form": form,
                "failed": _("查询码或密码不正确，请核对后重新输入。连续输错 5 次将暂时锁定 15 分钟。"),
            },
            status=400,
        )
    request.session.cycle_key()
    request.session[ACCESS_KEY] = {"id": access.pk, "until": time.time() + ACCESS_MINUTES * 60}
    return redirect("portal:track_detail")


def _with_access(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        access = _access(request)
        if access is None:
            # Expired or never verified: back to the code and password, never an error page.
            return redirect("portal:track")
        return view(request, access, *args, **kwargs)

    return wrapped


def _render_detail(request, access, status=200, **extra):
    context = selectors.track_context(access)
    context.setdefault("rate_form", RateForm(initial={"value": getattr(context["rating"], "value", None)}))
    context.setdefault("request_form", ReconsiderationForm())
    context["flash"] = request.session.pop("portal_flash", "")
    context["minutes_left"] = max(1, int((request.session[ACCESS_KEY]["until"] - time.time()) // 60))
    context.update(extra)
    return render(request, "portal/track_detail.html", context, status=status)


@require_GET
@portal_page
@_with_access
def track_detail(request, access):
    return _render_detail(request, access)


@require_GET
@portal_page
@_with_access
def track_notice(request, access, pk: int):
    try:
        notice = selectors.notice_for(access, pk)
    except Notice.DoesNotExist as exc:
        raise Http404(_("找不到该文书")) from exc
    return pdf_response(notice_as_document(notice), filename=f"{notice.title}.pdf")


@require_POST
@portal_page
@_with_access
def track_rate(request, access):
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.petitioner_rate(
                access=access, value=form.cleaned_data["value"], comment=form.cleaned_data["comment"]
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
    if form.errors:
        return _render_detail(request, access, status=400, rate_form=form)
    request.session["portal_flash"] = _("谢谢您的评价，已经记录。")
    return redirect(reverse("portal:track_detail") + "#rating")


@require_POST
@portal_page
@_with_access
def track_request(request, access, stage: str):
    form = ReconsiderationForm(request.POST)
    if form.is_valid():
        try:
            services.petitioner_reconsideration_request(
                access=access, stage=stage, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                for message in messages:
                    form.add_error(None, message)
        except PermissionDenied:
            form.add_error(None, _("当前不能提出该申请，请刷新页面查看最新进度。"))
    if form.errors:
        return _render_detail(request, access, status=400, request_form=form)
    request.session["portal_flash"] = _("您的申请已经提交，请留意办理进度和短信。")
    return redirect(reverse("portal:track_detail") + "#request")


@require_POST
@portal_page
def track_logout(request):
    request.session.pop(ACCESS_KEY, None)
    request.session.cycle_key()
    return redirect("portal:track")


@require_POST
def large_type(request):
    """The 大字版 switch without JavaScript; portal.js does the same in place."""
    target = request.POST.get("next") or reverse("portal:home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = reverse("portal:home")
    response = redirect(target)
    on = request.COOKIES.get(LARGE_TYPE_COOKIE) != "1"
    response.set_cookie(
        LARGE_TYPE_COOKIE,
        "1" if on else "0",
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
