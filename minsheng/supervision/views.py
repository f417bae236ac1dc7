import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.documents.views import pdf_response, preview_response
from minsheng.instructions.selectors import instructions_visible_to
from minsheng.lib.forms import apply_errors, form_step
from minsheng.meetings.models import MeetingTask
from minsheng.meetings.selectors import task_get
from minsheng.petitions.selectors import matters_visible_to

from . import selectors, services
from .documents import notice_as_document, notice_filename
from .forms import (
    AcceptForm,
    CloseForm,
    EscalateForm,
    FeedbackForm,
    FollowUpForm,
    ItemFilterForm,
    NoticeForm,
)
from .models import LEVEL_ORDER, SupervisionItem, SupervisionNotice
from .permissions import (
    can_close_supervision,
    can_give_feedback,
    can_issue_notices,
    can_see_supervision,
    can_see_unit_items,
)

# The feedback date a new notice proposes; the supervisor changes it as the case needs.
DEFAULT_FEEDBACK_DAYS = 7


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_GET
def item_list(request):
    """The supervisor's dashboard; a unit's staff are sent to the items addressed to their unit."""
    user = request.user
    if not can_see_supervision(user):
        if can_see_unit_items(user):
            return redirect("supervision:unit_items")
        raise PermissionDenied(_("只有督办员、领导或管理员可以查看督办事项"))
    form = ItemFilterForm(request.GET or None, user=user)
    page = Paginator(
        selectors.item_list(user=user, filters=form.filters()), settings.MATTER_LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(item, selectors.days_overdue(item, today)) for item in page]
    return render(
        request,
        "supervision/item_list.html",
        {
            "page": page,
            "rows": rows,
            "form": form,
            "query": _query(request),
            "dashboard": selectors.dashboard(user=user),
            "can_close": can_close_supervision(user),
            "today": today,
        },
    )


@login_required
@require_GET
def unit_items(request):
    """本单位督办: the items the unit's notices are addressed to, feedback due first."""
    if not can_see_unit_items(request.user):
        raise PermissionDenied(_("只有承办单位的工作人员可以查看本单位的督办事项"))
    items = selectors.unit_items(user=request.user, open_only=request.GET.get("all") != "1")
    page = Paginator(items, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    latest = _latest_notices([item.pk for item in page])
    return render(
        request,
        "supervision/unit_items.html",
        {
            "page": page,
            "rows": [(item, latest.get(item.pk)) for item in page],
            "show_all": request.GET.get("all") == "1",
            "today": timezone.localdate(),
        },
    )


def _latest_notices(item_ids: list[int]) -> dict[int, SupervisionNotice]:
    latest = {}
    for notice in SupervisionNotice.objects.filter(item_id__in=item_ids).order_by("issued_on", "pk"):
        latest[notice.item_id] = notice
    return latest


def _item_or_404(request, pk: int) -> SupervisionItem:
    try:
        return selectors.item_get(user=request.user, pk=pk)
    except SupervisionItem.DoesNotExist as exc:
        raise Http404(_("找不到该督办事项，或您无权查看")) from exc


def _supervises(user, item: SupervisionItem) -> bool:
    return selectors.items_supervised_by(user=user).filter(pk=item.pk).exists()


def _subject_link(user, item: SupervisionItem) -> str:
    if item.matter_id is not None:
        if matters_visible_to(user=user).filter(pk=item.matter_id).exists():
            return reverse("petitions:matter_detail", args=[item.matter_id])
        return ""
    if item.instruction_task_id is not None:
        instruction_id = item.instruction_task.instruction_id
        if instructions_visible_to(user=user).filter(pk=instruction_id).exists():
            return reverse("instructions:instruction_detail", args=[instruction_id])
        return ""
    try:
        task = task_get(user=user, pk=item.meeting_task_id)
    except MeetingTask.DoesNotExist:
        return ""
    return reverse("meetings:task_detail", args=[task.pk])


def _detail(request, item: SupervisionItem, *, forms: dict | None = None, status: int = 200):
    user = request.user
    forms = forms or {}
    supervises = _supervises(user, item)
    notices = list(selectors.item_notices(item=item))
    feedbacks = list(selectors.notice_feedbacks(item=item))
    for notice in notices:
        notice.feedback_rows = [f for f in feedbacks if f.notice_id == notice.pk]
    open_notice = next((n for n in notices if n.is_open), None)
    issuing = supervises and item.is_open and can_issue_notices(user)
    today = timezone.localdate()
    next_level = LEVEL_ORDER[item.level_rank] if item.level_rank < len(LEVEL_ORDER) else None
    context = {
        "item": item,
        "days": selectors.days_overdue(item, today),
        "subject_link": _subject_link(user, item),
        "notices": notices,
        "open_notice": open_notice,
        "history": selectors.item_history(item=item) if supervises else [],
        "supervises": supervises,
        "issuing": issuing,
        "next_level": next_level,
        "can_close": supervises and item.is_open and can_close_supervision(user),
        "can_feed_back": item.is_open and open_notice is not None and can_give_feedback(user, open_notice),
        "today": today,
    }
    due = today + dt.timedelta(days=DEFAULT_FEEDBACK_DAYS)
    if issuing:
        context["notice_form"] = forms.get("notice") or NoticeForm(
            initial={
                "level": next_level or item.level,
                "feedback_due_on": due,
                "addressee": item.organisation_id,
            }
        )
        context["escalate_form"] = forms.get("escalate") or EscalateForm(initial={"feedback_due_on": due})
        context["accept_form"] = forms.get("accept") or AcceptForm()
    if context["can_close"]:
        context["follow_up_form"] = forms.get("follow_up") or FollowUpForm(prefix="follow")
        context["close_form"] = forms.get("close") or CloseForm(prefix="close")
    if context["can_feed_back"]:
        context["feedback_form"] = forms.get("feedback") or FeedbackForm()
    return render(request, "supervision/item_detail.html", context, status=status)


@login_required
@require_GET
def item_detail(request, pk: int):
    return _detail(request, _item_or_404(request, pk))


def _post(request, item, key: str, form, call, success: str):
    """Run one service from a form on the item's page; on a mistake show the page with the form's errors."""
    return form_step(
        request,
        form=form,
        call=call,
        success=success,
        done=reverse("supervision:item_detail", args=[item.pk]),
        failed=lambda: _detail(request, item, forms={key: form}, status=422),
    )


@login_required
@require_POST
def notice_issue(request, pk: int):
    item = _item_or_404(request, pk)
    return _post(
        request,
        item,
        "notice",
        NoticeForm(request.POST),
        lambda data: services.supervision_notice_issue(actor=request.user, item=item, **data),
        _("已发出督办通知书"),
    )


@login_required
@require_POST
def item_escalate(request, pk: int):
    item = _item_or_404(request, pk)
    return _post(
        request,
        item,
        "escalate",
        EscalateForm(request.POST),
        lambda data: services.supervision_item_escalate(actor=request.user, item=item, **data),
        _("已升级督办，并发出新的督办通知书"),
    )


@login_required
@require_POST
def item_follow_up(request, pk: int):
    item = _item_or_404(request, pk)
    return _post(
        request,
        item,
        "follow_up",
        FollowUpForm(request.POST, prefix="follow"),
        lambda data: services.supervision_follow_up(actor=request.user, item=item, note=data["note"]),
        _("已记录跟踪问效情况"),
    )


@login_required
@require_POST
def item_close(request, pk: int):
    item = selectors.supervision_items_open(user=request.user).filter(pk=pk).first()
    if item is None:
        raise Http404(_("找不到该督办事项，或它已办结"))
    if not can_close_supervision(request.user):
        raise PermissionDenied(_("只有督办员或管理员可以办结督办事项"))
    # The dashboard's quick form sends a bare `note`; the item's page a prefixed one.
    data = request.POST.copy()
    if "note" in data and "close-note" not in data:
        data["close-note"] = data["note"]
    form = CloseForm(data, prefix="close")
    if form.is_valid():
        try:
            services.supervision_item_close(actor=request.user, item=item, note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            label = item.matter.number if item.matter_id else item.category_label
            messages.success(request, _("已办结督办事项：%(number)s") % {"number": label})
            return redirect("supervision:item_list")
    return _detail(request, _item_or_404(request, pk), forms={"close": form}, status=422)


def _notice_or_404(request, pk: int) -> SupervisionNotice:
    try:
        return selectors.notice_get(user=request.user, pk=pk)
    except SupervisionNotice.DoesNotExist as exc:
        raise Http404(_("找不到该督办通知书，或您无权查看")) from exc


@login_required
@require_POST
def feedback_submit(request, pk: int):
    notice = _notice_or_404(request, pk)
    item = _item_or_404(request, notice.item_id)
    return _post(
        request,
        item,
        "feedback",
        FeedbackForm(request.POST),
        lambda data: services.supervision_feedback_submit(
            actor=request.user, notice=notice, text=data["text"]
        ),
        _("已提交书面反馈"),
    )


@login_required
@require_POST
def feedback_accept(request, pk: int):
    notice = _notice_or_404(request, pk)
    item = _item_or_404(request, notice.item_id)
    return _post(
        request,
        item,
        "accept",
        AcceptForm(request.POST),
        lambda data: services.supervision_feedback_accept(
            actor=request.user, notice=notice, note=data["note"]
        ),
        _("已认可反馈"),
    )


@login_required
@require_GET
def notice_document(request, pk: int, fmt: str):
    """The notice as a PDF or as a print preview, for the bureau and the addressed unit."""
    notice = _notice_or_404(request, pk)
    document = notice_as_document(notice)
    if fmt == "pdf":
        return pdf_response(document, filename=notice_filename(notice))
    return preview_response(request, document)
