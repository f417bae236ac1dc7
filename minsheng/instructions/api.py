"""The instructions API: the same services and selectors as the pages."""

import datetime as dt
import math

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.schemas import ErrorOut, OrganisationRef
from minsheng.petitions.selectors import matters_visible_to

from . import selectors, services
from .models import Instruction, InstructionTask

router = Router(tags=["领导批示"])
PAGE_SIZE = 25


class LeaderOut(Schema):
    id: int
    name: str
    title: str

    @staticmethod
    def resolve_name(user) -> str:
        return user.display_name


class StepOut(Schema):
    kind: str
    text: str
    on: dt.date
    actor: str | None

    @staticmethod
    def resolve_actor(step) -> str | None:
        return step.actor.display_name if step.actor else None


class TaskOut(Schema):
    id: int
    instruction_id: int
    instruction_number: str
    organisation: OrganisationRef
    due_on: dt.date
    status: str
    status_label: str
    overdue: bool
    feedback: str
    fed_back_on: dt.date | None
    returned_count: int
    closed_on: dt.date | None
    steps: list[StepOut] = Field(default_factory=list)


class MatterRef(Schema):
    id: int
    number: str
    title: str


class InstructionOut(Schema):
    id: int
    number: str
    text: str
    leader: LeaderOut
    issued_on: dt.date
    organisation: OrganisationRef = Field(..., description="批示所属辖区（报表按此统计）")
    due_on: dt.date
    status: str = Field(..., description="open 办理中 / fed_back 已全部反馈 / closed 已办结")
    status_label: str
    overdue: bool = Field(..., description="期限已过且未办结")
    closed_on: dt.date | None
    session_id: int | None
    appointment_id: int | None


class InstructionDetailOut(InstructionOut):
    matters: list[MatterRef]
    hidden_matters: int
    tasks: list[TaskOut]


class InstructionListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[InstructionOut]


class TaskListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[TaskOut]


class InstructionIn(Schema):
    leader_id: int
    text: str = Field(..., max_length=5000)
    issued_on: dt.date
    due_on: dt.date
    unit_ids: list[int] = Field(..., max_length=50, description="承办单位")
    matter_numbers: list[str] = Field(default_factory=list, max_length=50)


class FeedbackIn(Schema):
    feedback: str = Field(..., max_length=5000)
    on: dt.date | None = Field(None, description="反馈日期，默认今天")


class CloseIn(Schema):
    note: str = Field("", max_length=2000)


class ReturnIn(Schema):
    reason: str = Field(..., max_length=2000)


def _instruction_out(instruction: Instruction) -> dict:
    return {
        "id": instruction.pk,
        "number": instruction.number,
        "text": instruction.text,
        "leader": instruction.leader,
        "issued_on": instruction.issued_on,
        "organisation": instruction.organisation,
        "due_on": instruction.due_on,
        "status": instruction.status,
        "status_label": instruction.get_status_display(),
        "overdue": bool(getattr(instruction, "is_overdue", False)),
        "closed_on": instruction.closed_on,
        "session_id": instruction.session_id,
        "appointment_id": instruction.appointment_id,
    }


def _task_out(task: InstructionTask, steps: bool = False) -> dict:
    return {
        "id": task.pk,
        "instruction_id": task.instruction_id,
        "instruction_number": task.instruction.number,
        "organisation": task.organisation,
        "due_on": task.due_on,
        "status": task.status,
        "status_label": task.get_status_display(),
        "overdue": bool(getattr(task, "is_overdue", False)),
        "feedback": task.feedback,
        "fed_back_on": task.fed_back_on,
        "returned_count": task.returned_count,
        "closed_on": task.closed_on,
        "steps": list(task.steps.all()) if steps else [],
    }


def _detail(user, instruction: Instruction) -> dict:
    matters, hidden = selectors.instruction_matters(user=user, instruction=instruction)
    tasks = selectors.instruction_tasks(user=user, instruction=instruction)
    return {
        **_instruction_out(instruction),
        "matters": [{"id": m.pk, "number": m.number, "title": m.title} for m in matters],
        "hidden_matters": hidden,
        "tasks": [_task_out(t, steps=True) for t in tasks],
    }


def _instruction(user, pk: int) -> Instruction:
    try:
        return selectors.instruction_get(user=user, pk=pk)
    except Instruction.DoesNotExist as exc:
        raise Http404 from exc


@router.post(
    "/instructions",
    response={201: InstructionDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="录入领导批示",
    description="每个承办单位生成一项办理任务；涉及的信访事项时间线记录批示，承办单位承办人收到通知。",
)
def create_instruction(request, body: InstructionIn):
    errors: dict = {}
    leader = User.objects.filter(pk=body.leader_id).first()
    if leader is None:
        errors["leader_id"] = [_("编号 %(id)s 不存在") % {"id": body.leader_id}]
    units = []
    for pk in dict.fromkeys(body.unit_ids):
        unit = Organisation.objects.filter(pk=pk).first()
        if unit is None:
            errors.setdefault("unit_ids", []).append(_("编号 %(id)s 不存在") % {"id": pk})
        else:
            units.append(unit)
    numbers = list(dict.fromkeys(n.strip() for n in body.matter_numbers if n.strip()))
    visible = {m.number: m for m in matters_visible_to(user=request.user).filter(number__in=numbers)}
    for number in numbers:
        if number not in visible:
            errors.setdefault("matter_numbers", []).append(
                _("找不到信访事项 %(number)s，或您无权查看") % {"number": number}
            )
    if errors:
        raise ValidationError(errors)
    try:
        instruction = services.instruction_create(
            actor=request.user,
            leader=leader,
            text=body.text,
            issued_on=body.issued_on,
            due_on=body.due_on,
            units=units,
            matters=[visible[n] for n in numbers],
        )
    except ValidationError as exc:
        names = {"leader": "leader_id", "units": "unit_ids", "matters": "matter_numbers"}
        raise ValidationError({names.get(k, k): v for k, v in exc.message_dict.items()}) from exc
    return Status(201, _detail(request.user, _instruction(request.user, instruction.pk)))


class ListQuery(Schema):
    status: Instruction.Status | None = None
    overdue: bool = False
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    page: int = Field(1, ge=1)


def _paged(queryset, page: int) -> tuple[int, int, list]:
    count = queryset.count()
    return count, math.ceil(count / PAGE_SIZE), list(queryset[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])


@router.get(
    "/instructions",
    response={200: InstructionListOut, 422: ErrorOut},
    summary="领导批示列表",
    description="信访局：辖区内全部批示；领导：本人的批示；承办单位：交本单位办理的批示。",
)
def list_instructions(request, query: Query[ListQuery]):
    filters = selectors.InstructionFilters(
        status=query.status or "",
        overdue=query.overdue,
        issued_from=query.issued_from,
        issued_to=query.issued_to,
    )
    count, pages, items = _paged(selectors.instruction_list(user=request.user, filters=filters), query.page)
    return {"count": count, "page": query.page, "pages": pages, "items": [_instruction_out(i) for i in items]}


@router.get(
    "/instructions/{instruction_id}",
    response={200: InstructionDetailOut, 404: ErrorOut},
    summary="领导批示及办理任务（承办单位只看到本单位的任务）",
)
def get_instruction(request, instruction_id: int):
    return _detail(request.user, _instruction(request.user, instruction_id))


class TaskQuery(Schema):
    status: InstructionTask.Status | None = None
    overdue: bool = False
    page: int = Field(1, ge=1)


@router.get(
    "/instruction-tasks",
    response={200: TaskListOut, 422: ErrorOut},
    summary="批示办理：本单位及下级单位的批示任务",
)
def list_tasks(request, query: Query[TaskQuery]):
    tasks = selectors.unit_tasks(user=request.user, status=query.status or "", overdue=query.overdue)
    count, pages, items = _paged(tasks, query.page)
    return {"count": count, "page": query.page, "pages": pages, "items": [_task_out(t) for t in items]}


def _task(user, pk: int) -> InstructionTask:
    try:
        return selectors.task_get(user=user, pk=pk)
    except InstructionTask.DoesNotExist as exc:
        raise Http404 from exc


@router.post(
    "/instruction-tasks/{task_id}/feedback",
    response={200: TaskOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="承办单位反馈办理情况（本单位承办人）",
)
def feed_back(request, task_id: int, body: FeedbackIn):
    task = services.instruction_task_feedback(
        actor=request.user, task=_task(request.user, task_id), feedback=body.feedback, on=body.on
    )
    return _reloaded(request.user, task.pk)


@router.post(
    "/instruction-tasks/{task_id}/close",
    response={200: TaskOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="办结批示任务（督办员）",
)
def close_task(request, task_id: int, body: CloseIn):
    task = services.instruction_task_close(
        actor=request.user, task=_task(request.user, task_id), note=body.note
    )
    return _reloaded(request.user, task.pk)


@router.post(
    "/instruction-tasks/{task_id}/return",
    response={200: TaskOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="退回反馈，要求继续办理（督办员）",
)
def return_task(request, task_id: int, body: ReturnIn):
    task = services.instruction_task_return(
        actor=request.user, task=_task(request.user, task_id), reason=body.reason
    )
    return _reloaded(request.user, task.pk)


def _reloaded(user, pk: int) -> dict:
    task = (
        selectors.with_overdue(InstructionTask.objects.filter(pk=pk))
        .select_related("instruction", "organisation")
        .get()
    )
    return _task_out(task, steps=True)
