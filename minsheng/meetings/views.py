from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from minsheng.lib.forms import form_step
from minsheng.petitions.selectors import matters_visible_to
from minsheng.supervision.selectors import items_visible_to

from . import selectors, services
from .forms import (
    DEFAULT_DECISION_ROWS,
    ApplyForm,
    CloseForm,
    FeedbackForm,
    MeetingFilterForm,
    MeetingForm,
    ReturnForm,
    apply_errors,
    decision_formset,
)
from .models import JointMeeting, MeetingTask
from .permissions import can_feed_back, can_manage_meeting, can_record_meetings
from .services.record import DECISIONS_MAX


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_GET
def meeting_list(request):
    form = MeetingFilterForm(request.GET or None)
    filters = selectors.MeetingFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.MeetingFilters(**form.cleaned_data)
    meetings = selectors.meeting_list(user=request.user, filters=filters)
    page = Paginator(meetings, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "page": page,
            "query": _query(request),
            "can_record": can_record_meetings(request.user),
            "has_tasks": selectors.tasks_of_unit(user=request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request):
    user = request.user
    if not can_record_meetings(user):
        raise PermissionDenied(_("您的角色无权记录联席会议"))
    if request.method == "POST":
        form = MeetingForm(request.POST, user=user)
        decisions = decision_formset()(request.POST, prefix="decisions")
        rows = [row for row in decisions.forms if row.has_changed()]
        if form.is_valid() and decisions.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_record(
                    actor=user,
                    held_on=data["held_on"],
                    kind=data["kind"],
                    title=data["title"],
                    minutes=data["minutes"],
                    organisation=data["organisation"],
                    place=data["place"],
                    chair=data["chair"],
                    chair_name=data["chair_name"],
                    attendees=list(data["attendees"]),
                    guests=data["guests"],
                    matter_numbers=data["matter_numbers"],
                    decisions=[_decision(row.cleaned_data) for row in rows],
                )
            except ValidationError as exc:
                apply_errors(form, exc, rows)
            else:
                messages.success(request, _("已记录联席会议：%(title)s") % {"title": meeting.title})
                return redirect("meetings:meeting_detail", meeting.pk)
        status = 422
    else:
        convener = services.default_convener(user)
        form = MeetingForm(user=user, initial={"organisation": convener.pk if convener else None})
        rows = request.GET.get("rows", "")
        decisions = decision_formset(int(rows) if rows.isdigit() else DEFAULT_DECISION_ROWS)(
            prefix="decisions"
        )
        status = 200
    more = min(decisions.total_form_count() + DEFAULT_DECISION_ROWS, DECISIONS_MAX)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "decisions": decisions, "more": more},
        status=status,
    )


def _decision(data: dict) -> services.Decision:
    return services.Decision(
        text=data["text"],
        kind=data["kind"],
        matter_number=data["matter_number"],
        organisation=data["organisation"],
        assignee=data["assignee"],
        due_on=data["due_on"],
    )


def _meeting_or_404(request, pk: int) -> JointMeeting:
    try:
        return selectors.meeting_get(user=request.user, pk=pk)
    except JointMeeting.DoesNotExist as exc:
        raise Http404(_("找不到该联席会议，或您无权查看")) from exc


@login_required
@require_GET
def meeting_detail(request, pk: int):
    return _meeting_page(request, _meeting_or_404(request, pk))


def _meeting_page(request, meeting: JointMeeting, *, apply_forms: dict | None = None, status: int = 200):
    matters, hidden = selectors.meeting_matters(meeting=meeting, user=request.user)
    can_manage = can_manage_meeting(request.user, meeting)
    tasks = list(selectors.meeting_tasks(meeting=meeting))
    visible_matters = {m.pk for m in matters}
    apply_forms = apply_forms or {}
    for task in tasks:
        task.matter_visible = task.matter_id in visible_matters
        if can_manage and task.is_jurisdiction and not task.is_applied:
            task.apply_form = apply_forms.get(task.pk) or ApplyForm(prefix=f"apply-{task.pk}")
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.all(),
            "matters": matters,
            "hidden": hidden,
            "tasks": tasks,
            "can_manage": can_manage,
        },
        status=status,
    )


@login_required
@require_GET
def task_list(request):
    status = request.GET.get("status", "")
    if status not in MeetingTask.Status.values:
        status = ""
    tasks = selectors.tasks_of_unit(user=request.user, status=status)
    page = Paginator(tasks, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/task_list.html",
        {"page": page, "status": status, "statuses": MeetingTask.Status.choices, "query": _query(request)},
    )


def _task_or_404(request, pk: int) -> MeetingTask:
    try:
        return selectors.task_get(user=request.user, pk=pk)
    except MeetingTask.DoesNotExist as exc:
        raise Http404(_("找不到该决定事项，或您无权查看")) from exc


def _task_page(request, task: MeetingTask, *, forms: dict | None = None, status: int = 200):
    user = request.user
    forms = forms or {}
    can_manage = can_manage_meeting(user, task.meeting)
    open_task = task.status != MeetingTask.Status.CLOSED
    fed_back = task.status == MeetingTask.Status.FED_BACK
    context = {
        "task": task,
        "meeting": task.meeting,
        "entries": selectors.task_entries(task=task),
        "can_feed_back": open_task and can_feed_back(user, task),
        "can_decide": can_manage and fed_back,
        "supervision_items": items_visible_to(user=user).filter(meeting_task=task).order_by("opened_on"),
        "matter_visible": bool(
            task.matter_id and matters_visible_to(user=user).filter(pk=task.matter_id).exists()
        ),
    }
    if context["can_feed_back"]:
        context["feedback_form"] = forms.get("feedback") or FeedbackForm()
    if context["can_decide"]:
        context["close_form"] = forms.get("close") or CloseForm()
        context["return_form"] = forms.get("return") or ReturnForm()
    return render(request, "meetings/task_detail.html", context, status=status)


@login_required
@require_GET
def task_detail(request, pk: int):
    return _task_page(request, _task_or_404(request, pk))


def _task_post(request, pk: int, key: str, form_class, call, success: str):
    task = _task_or_404(request, pk)
    form = form_class(request.POST)
    return form_step(
        request,
        form=form,
        call=lambda data: call(task, data),
        success=success,
        done=reverse("meetings:task_detail", args=[task.pk]),
        failed=lambda: _task_page(request, task, forms={key: form}, status=422),
    )


@login_required
@require_POST
def task_feedback(request, pk: int):
    return _task_post(
        request,
        pk,
        "feedback",
        FeedbackForm,
        lambda task, data: services.meeting_task_feedback(actor=request.user, task=task, text=data["text"]),
        _("已提交办理情况"),
    )


@login_required
@require_POST
def task_close(request, pk: int):
    return _task_post(
        request,
        pk,
        "close",
        CloseForm,
        lambda task, data: services.meeting_task_close(actor=request.user, task=task, note=data["note"]),
        _("决定事项已办结"),
    )


@login_required
@require_POST
def task_return(request, pk: int):
    return _task_post(
        request,
        pk,
        "return",
        ReturnForm,
        lambda task, data: services.meeting_task_return(actor=request.user, task=task, note=data["note"]),
        _("已退回责任单位重办"),
    )


@login_required
@require_POST
def task_apply(request, pk: int):
    task = _task_or_404(request, pk)
    form = ApplyForm(request.POST, prefix=f"apply-{task.pk}")
    if form.is_valid():
        try:
            services.meeting_jurisdiction_apply(
                actor=request.user, task=task, route_kind=form.cleaned_data["route_kind"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("已按会议决定将 %(number)s 交由%(unit)s办理")
                % {"number": task.matter.number, "unit": task.organisation.name},
            )
            return redirect("meetings:meeting_detail", task.meeting_id)
    return _meeting_page(request, task.meeting, apply_forms={task.pk: form}, status=422)
