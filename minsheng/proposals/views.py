"""The proposal pages shared by everyone: lists, the proposal's page, writing one, co-signing, rating.

The office's and the units' actions post from the proposal's page to `views_office` / `views_unit`; the
public page is `views_public`, the PDFs and statistics `views_docs`."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from minsheng.lib.forms import apply_errors as shared_apply_errors
from minsheng.lib.forms import form_step as shared_form_step

from . import selectors, services
from .forms import CosignAnswerForm, ProposalSubmitForm, RateForm, SimilarQueryForm
from .models import Proposal
from .permissions import can_see_proposals_overview, can_submit, is_member, is_office
from .views_context import detail_context

PAGE_SIZE = getattr(settings, "MATTER_LIST_PAGE_SIZE", 25)


# The services name the joined proposals "proposals"; the join form asks for their numbers.
FIELD_NAMES = {"proposals": "numbers"}


def apply_errors(form, exc: ValidationError) -> None:
    shared_apply_errors(form, exc, FIELD_NAMES)


def proposal_or_404(request, pk: int) -> Proposal:
    proposal = selectors.proposals_visible_to(user=request.user).filter(pk=pk).first()
    if proposal is None:
        raise Http404(_("找不到该提案，或您无权查看"))
    return proposal


def render_detail(request, proposal: Proposal, *, forms=None, status: int = 200, extra=None):
    context = {**detail_context(request, proposal, forms or {}), **(extra or {})}
    return render(request, "proposals/detail.html", context, status=status)


def form_step(request, proposal, key, form, call, success):
    """Run one service call for a bound form; on error show the proposal's page with the form in place."""
    return shared_form_step(
        request,
        form=form,
        call=call,
        success=success,
        done=reverse("proposals:detail", args=[proposal.pk]),
        failed=lambda: render_detail(request, proposal, forms={key: form}, status=422),
        names=FIELD_NAMES,
    )


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@require_GET
def index(request):
    """Each role lands on its own list."""
    user = request.user
    if is_office(user):
        return redirect("proposals:inbox")
    if is_member(user):
        return redirect("proposals:mine")
    if can_see_proposals_overview(user):
        return redirect("proposals:unit_list")
    raise PermissionDenied(_("您的角色无权查看政协提案"))


@login_required
@require_GET
def mine(request):
    if not is_member(request.user):
        raise PermissionDenied(_("只有政协委员有“我的提案”"))
    own = selectors.proposals_visible_to(user=request.user).filter(proposer=request.user)
    invitations = selectors.cosign_invitations(user=request.user)
    cosigned = selectors.proposals_visible_to(user=request.user).filter(cosigners__member=request.user)
    return render(
        request,
        "proposals/mine.html",
        {
            "page": _page(request, own.select_related("session")),
            "invitations": invitations,
            "cosigned": cosigned.select_related("session")[:50],
            "awaiting_rating": selectors.proposals_to_rate(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def submit(request):
    user = request.user
    if not can_submit(user):
        raise PermissionDenied(_("只有政协委员或提案委可以提交提案"))
    office = is_office(user) and not is_member(user)
    form = ProposalSubmitForm(request.POST or None, request.FILES or None, office=office, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # The proposal and its attachment are kept together or not at all: a refused attachment must
            # not leave a proposal behind that a second press of the button would duplicate.
            with transaction.atomic():
                proposal = services.proposal_submit(
                    actor=user,
                    proposer=data.get("proposer") or (None if office else user),
                    title=data["title"],
                    reason=data["reason"],
                    suggestions=data["suggestions"],
                    proposer_unit_post=data["proposer_unit_post"],
                    phone=data["phone"],
                    address=data["address"],
                    desired_departments=data["desired_departments"],
                    cosigners=list(data["cosigners"]),
                )
                if data.get("attachment"):
                    services.proposal_attachment_add(actor=user, proposal=proposal, upload=data["attachment"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("提案已提交：%(title)s") % {"title": proposal.title})
            if proposal.multi_matter_warning:
                messages.warning(request, proposal.multi_matter_warning)
            return redirect("proposals:detail", proposal.pk)
    status = 422 if form.is_bound and form.errors else 200
    similar = []
    warning = ""
    if form.is_bound:
        similar = selectors.similar_proposals(
            user=user, title=form.data.get("title", ""), reason=form.data.get("reason", "")
        )
        warning = services.one_matter_check(
            title=form.data.get("title", ""),
            reason=form.data.get("reason", ""),
            suggestions=form.data.get("suggestions", ""),
        ).warning
    return render(
        request,
        "proposals/submit.html",
        {"form": form, "office": office, "similar": similar, "warning": warning},
        status=status,
    )


@login_required
@require_GET
def similar(request):
    """The earlier proposals on the same subject, while the member types (htmx partial)."""
    if not can_submit(request.user):
        raise PermissionDenied(_("只有政协委员或提案委可以提交提案"))
    form = SimilarQueryForm(request.GET)
    title = reason = suggestions = ""
    if form.is_valid():
        title, reason = form.cleaned_data["title"], form.cleaned_data["reason"]
    suggestions = request.GET.get("suggestions", "")[:20000]
    return render(
        request,
        "proposals/_similar.html",
        {
            "similar": selectors.similar_proposals(user=request.user, title=title, reason=reason),
            "warning": services.one_matter_check(title=title, reason=reason, suggestions=suggestions).warning,
            "typed": bool(title.strip() or reason.strip()),
        },
    )


@login_required
@require_GET
def detail(request, pk: int):
    return render_detail(request, proposal_or_404(request, pk))


@login_required
@require_POST
def cosign_answer(request, pk: int):
    proposal = proposal_or_404(request, pk)
    confirm = request.POST.get("answer") == "confirm"
    return form_step(
        request,
        proposal,
        "cosign",
        CosignAnswerForm(request.POST),
        lambda d: services.cosigner_answer(
            actor=request.user, proposal=proposal, confirm=confirm, note=d["note"]
        ),
        _("已确认联名") if confirm else _("已拒绝联名"),
    )


@login_required
@require_POST
def rate(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "rate",
        RateForm(request.POST),
        lambda d: services.proposal_rate(
            actor=request.user, proposal=proposal, rating=d["rating"], comment=d["comment"]
        ),
        _("感谢您的评价"),
    )


@login_required
@require_POST
def contact_reveal(request, pk: int):
    """The proposer's full phone and address in place of the masked ones (htmx), logged."""
    proposal = proposal_or_404(request, pk)
    values = services.proposal_contact_reveal(actor=request.user, proposal=proposal, request=request)
    response = render(request, "proposals/_contact_revealed.html", values)
    add_never_cache_headers(response)
    return response
