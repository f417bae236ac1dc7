"""Instruction pages: the list, recording one, its page with the units' tasks, and 批示办理 for units."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from minsheng.accounts.models import Role
from minsheng.petitions.selectors import matters_visible_to
from minsheng.reception.selectors import leaders_available

from . import selectors, services
from .forms import CloseForm, FeedbackForm, InstructionFilterForm, InstructionForm, ReturnForm, TaskFilterForm
from .models import Instruction, InstructionTask
from .permissions import can_record_instruction


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _page(request, queryset):
    return Paginator(queryset, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@require_GET
def instruction_list(request):
    form = InstructionFilterForm(request.GET or None)
    filters = selectors.InstructionFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.InstructionFilters(
            status=data["status"],
            overdue=data["overdue"],
            issued_from=data["issued_from"],
            issued_to=data["issued_to"],
        )
    instructions = selectors.instruction_list(user=request.user, filters=filters)
    return render(
        request,
        "instructions/instruction_list.html",
        {
            "form": form,
            "page": _page(request, instructions),
            "query": _query(request),
            "can_record": can_record_instruction(request.user),
        },
    )


def _leaders_for(user):
    leaders = leaders_available(user=user)
    if user.role == Role.LEADER and not user.is_superuser:
        return leaders.filter(pk=user.pk)
    return leaders


@login_required
def instruction_create(request):
    if not can_record_instruction(request.user):
        raise PermissionDenied(_("只有领导、登记员、督办员或管理员可以录入领导批示"))
    leaders = _leaders_for(request.user)
    form = InstructionForm(request.POST if request.method == "POST" else None, leaders=leaders)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        visible = {
            m.number: m
            for m in matters_visible_to(user=request.user).filter(number__in=data["matter_numbers"])
        }
        for number in data["matter_numbers"]:
            if number not in visible:
                form.add_error(
                    "matter_numbers", _("找不到信访事项 %(number)s，或您无权查看") % {"number": number}
                )
        if not form.errors:
            try:
                instruction = services.instruction_create(
                    actor=request.user,
                    leader=data["leader"],
                    text=data["text"],
                    issued_on=data["issued_on"],
                    due_on=data["due_on"],
                    units=list(data["units"]),
                    matters=[visible[n] for n in data["matter_numbers"]],
                )
            except ValidationError as exc:
                for key, errors in exc.message_dict.items():
                    field = "matter_numbers" if key == "matters" else key
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, _("已录入批示：%(number)s") % {"number": instruction.number})
                return redirect("instructions:instruction_detail", instruction.pk)
    return render(
        request,
        "instructions/instruction_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def _instruction_or_404(request, pk: int) -> Instruction:
    try:
        return selectors.instruction_get(user=request.user, pk=pk)
    except Instruction.DoesNotExist as exc:
        raise Http404(_("找不到该批示，或您无权查看")) from exc


def _detail(request, instruction, bound: dict | None = None, status=200):
    """The instruction page; `bound` is {task pk: {form name: form}} for a form that came back with errors."""
    bound = bound or {}
    tasks = list(selectors.instruction_tasks(user=request.user, instruction=instruction))
    for task in tasks:
        actions = selectors.task_actions(user=request.user, task=task)
        forms = bound.get(task.pk, {})
        task.feedback_form = forms.get("feedback", FeedbackForm()) if actions["feedback"] else None
        task.close_form = forms.get("close", CloseForm()) if actions["decide"] else None
        task.return_form = forms.get("return", ReturnForm()) if actions["decide"] else None
    matters, hidden = selectors.instruction_matters(user=request.user, instruction=instruction)
    return render(
        request,
        "instructions/instruction_detail.html",
        {"instruction": instruction, "tasks": tasks, "matters": matters, "hidden_matters": hidden},
        status=status,
    )


@login_required
@require_GET
def instruction_detail(request, pk: int):
    return _detail(request, _instruction_or_404(request, pk))


@login_required
@require_GET
def task_list(request):
    """批示办理: the tasks of the user's unit (and the units below it)."""
    form = TaskFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    tasks = selectors.unit_tasks(
        user=request.user, status=data.get("status", ""), overdue=data.get("overdue", False)
    )
    return render(
        request,
        "instructions/task_list.html",
        {"form": form, "page": _page(request, tasks), "query": _query(request)},
    )


STEPS = {
    "feedback": (FeedbackForm, services.instruction_task_feedback, gettext_lazy("已提交办理情况")),
    "close": (CloseForm, services.instruction_task_close, gettext_lazy("已办结该任务")),
    "return": (ReturnForm, services.instruction_task_return, gettext_lazy("已退回，请承办单位继续办理")),
}


@login_required
@require_POST
def task_step(request, pk: int, step: str):
    if step not in STEPS:
        raise Http404
    try:
        task = selectors.task_get(user=request.user, pk=pk)
    except InstructionTask.DoesNotExist as exc:
        raise Http404(_("找不到该批示任务，或您无权查看")) from exc
    form_class, service, done = STEPS[step]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, task=task, **form.cleaned_data)
        except ValidationError as exc:
            for key, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(key if key in form.fields else None, message)
        else:
            messages.success(request, done)
            return redirect(
                f"{reverse('instructions:instruction_detail', args=[task.instruction_id])}#task-{task.pk}"
            )
    instruction = _instruction_or_404(request, task.instruction_id)
    return _detail(request, instruction, bound={task.pk: {step: form}}, status=422)
