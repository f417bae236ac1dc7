"""Joint meetings through the API: the same services and selectors as the pages."""

import datetime as dt
import math

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.schemas import ErrorOut, OrganisationRef

from . import selectors, services
from .models import JointMeeting, MeetingTask

router = Router(tags=["联席会议"])
PAGE_SIZE = 25


class GuestIn(Schema):
    name: str = Field(..., max_length=50)
    unit: str = Field("", max_length=100, description="单位及职务")


class DecisionIn(Schema):
    text: str = Field(..., max_length=2000, description="决定事项")
    organisation_id: int = Field(..., description="责任单位")
    assignee_id: int | None = Field(None, description="责任人（责任单位的工作人员），可不填")
    due_on: dt.date = Field(..., description="完成期限，晚于会议日期")
    kind: MeetingTask.Kind = Field(
        MeetingTask.Kind.TASK, description="task：议定事项；jurisdiction：确定受理单位"
    )
    matter_number: str = Field("", max_length=40, description="涉及的信访事项编号；确定受理单位时必填")


class MeetingIn(Schema):
    held_on: dt.date
    kind: JointMeeting.Kind
    title: str = Field(..., max_length=200)
    minutes: str = Field(..., max_length=20000)
    organisation_id: int | None = Field(None, description="召集单位；默认为调用者的信访局或乡镇")
    place: str = Field("", max_length=200)
    chair_id: int | None = None
    chair_name: str = Field("", max_length=100, description="主持人姓名及职务；选择了 chair_id 时可不填")
    attendee_ids: list[int] = Field(default_factory=list, max_length=200)
    guests: list[GuestIn] = Field(default_factory=list, max_length=200)
    matter_numbers: list[str] = Field(default_factory=list, max_length=100)
    decisions: list[DecisionIn] = Field(default_factory=list, max_length=50)


class MatterRef(Schema):
    id: int
    number: str
    title: str


class AttendeeOut(Schema):
    name: str
    unit: str
    user_id: int | None


class TaskOut(Schema):
    id: int
    meeting_id: int
    position: int
    kind: str
    decision: str
    matter: MatterRef | None
    organisation: OrganisationRef
    assignee_id: int | None
    due_on: dt.date
    status: str
    closed_on: dt.date | None
    applied_on: dt.date | None
    routing_id: int | None


class MeetingOut(Schema):
    id: int
    held_on: dt.date
    kind: str
    title: str
    organisation: OrganisationRef
    place: str
    chair_name: str
    recorded_at: dt.datetime


class MeetingDetailOut(MeetingOut):
    minutes: str
    attendees: list[AttendeeOut]
    matters: list[MatterRef] = Field(..., description="调用者可见的研究事项")
    hidden_matters: int
    tasks: list[TaskOut]


class MeetingListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[MeetingOut]


class MeetingQuery(Schema):
    held_from: dt.date | None = None
    held_to: dt.date | None = None
    kind: JointMeeting.Kind | None = None
    page: int = Field(1, ge=1)


class EntryOut(Schema):
    kind: str
    text: str
    on: dt.date
    actor_id: int | None


class TaskDetailOut(TaskOut):
    entries: list[EntryOut]


class FeedbackIn(Schema):
    text: str = Field(..., max_length=5000)
    on: dt.date | None = Field(None, description="反馈日期，默认今天")


class NoteIn(Schema):
    note: str = Field("", max_length=2000)


class ApplyIn(Schema):
    route_kind: str = Field("assign", description="assign（交办，以完成期限为反馈期限）或 transfer（转送）")


def _task_out(task: MeetingTask) -> dict:
    return {
        "id": task.pk,
        "meeting_id": task.meeting_id,
        "position": task.position,
        "kind": task.kind,
        "decision": task.decision,
        "matter": task.matter,
        "organisation": task.organisation,
        "assignee_id": task.assignee_id,
        "due_on": task.due_on,
        "status": task.status,
        "closed_on": task.closed_on,
        "applied_on": task.applied_on,
        "routing_id": task.routing_id,
    }


def _meeting_detail(request, meeting: JointMeeting) -> dict:
    matters, hidden = selectors.meeting_matters(meeting=meeting, user=request.user)
    visible = {m.pk for m in matters}
    tasks = []
    for task in selectors.meeting_tasks(meeting=meeting):
        out = _task_out(task)
        if task.matter_id and task.matter_id not in visible:
            # The number alone: the title of a matter out of sight is not the caller's to read.
            out["matter"] = {"id": task.matter_id, "number": task.matter.number, "title": ""}
        tasks.append(out)
    return {
        "id": meeting.pk,
        "held_on": meeting.held_on,
        "kind": meeting.kind,
        "title": meeting.title,
        "organisation": meeting.organisation,
        "place": meeting.place,
        "chair_name": meeting.chair_name,
        "recorded_at": meeting.recorded_at,
        "minutes": meeting.minutes,
        "attendees": [
            {"name": a.name, "unit": a.unit, "user_id": a.user_id} for a in meeting.attendees.all()
        ],
        "matters": matters,
        "hidden_matters": hidden,
        "tasks": tasks,
    }


def _lookup(model, pk, field: str, errors: dict):
    if pk is None:
        return None
    found = model.objects.filter(pk=pk).first()
    if found is None:
        errors.setdefault(field, []).append(f"编号 {pk} 不存在")
    return found


API_FIELDS = {"organisation": "organisation_id", "chair": "chair_id", "matters": "matter_numbers"}


def _api_field(key: str) -> str:
    if key.startswith("decisions."):
        prefix, index, field = key.split(".", 2)
        return ".".join(
            [prefix, index, {"organisation": "organisation_id", "assignee": "assignee_id"}.get(field, field)]
        )
    return API_FIELDS.get(key, key)


@router.post(
    "/meetings",
    response={201: MeetingDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="记录联席会议（会后）",
    description="研究事项写入各事项的办理记录；每项决定成为责任单位的任务。错误按字段返回，"
    "决定事项的错误为 decisions.<序号>.<字段>。",
)
def create_meeting(request, body: MeetingIn):
    errors: dict[str, list[str]] = {}
    organisation = _lookup(Organisation, body.organisation_id, "organisation_id", errors)
    chair = _lookup(User, body.chair_id, "chair_id", errors)
    attendees = list(
        User.objects.filter(pk__in=body.attendee_ids, is_active=True).select_related("organisation")
    )
    missing = sorted(set(body.attendee_ids) - {u.pk for u in attendees})
    if missing:
        errors["attendee_ids"] = [f"编号 {pk} 不存在" for pk in missing]
    decisions = []
    for index, d in enumerate(body.decisions):
        org = _lookup(Organisation, d.organisation_id, f"decisions.{index}.organisation_id", errors)
        assignee = _lookup(User, d.assignee_id, f"decisions.{index}.assignee_id", errors)
        decisions.append(
            services.Decision(
                text=d.text,
                organisation=org,
                assignee=assignee,
                due_on=d.due_on,
                kind=d.kind,
                matter_number=d.matter_number,
            )
        )
    if errors:
        raise ValidationError(errors)
    try:
        meeting = services.meeting_record(
            actor=request.user,
            held_on=body.held_on,
            kind=body.kind,
            title=body.title,
            minutes=body.minutes,
            organisation=organisation,
            place=body.place,
            chair=chair,
            chair_name=body.chair_name,
            attendees=attendees,
            guests=[services.Guest(name=g.name, unit=g.unit) for g in body.guests],
            matter_numbers=body.matter_numbers,
            decisions=decisions,
        )
    except ValidationError as exc:
        raise ValidationError({_api_field(k): v for k, v in exc.message_dict.items()}) from exc
    return Status(201, _meeting_detail(request, selectors.meeting_get(user=request.user, pk=meeting.pk)))


@router.get("/meetings", response={200: MeetingListOut, 422: ErrorOut}, summary="联席会议列表（可见范围内）")
def list_meetings(request, query: Query[MeetingQuery]):
    if query.held_from and query.held_to and query.held_from > query.held_to:
        raise ValidationError({"held_to": ["截止日期不能早于起始日期"]})
    meetings = selectors.meeting_list(
        user=request.user,
        filters=selectors.MeetingFilters(
            held_from=query.held_from, held_to=query.held_to, kind=query.kind or ""
        ),
    )
    count = meetings.count()
    chosen = meetings[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {"count": count, "page": query.page, "pages": math.ceil(count / PAGE_SIZE), "items": list(chosen)}


@router.get("/meetings/{meeting_id}", response={200: MeetingDetailOut, 404: ErrorOut}, summary="联席会议详情")
def get_meeting(request, meeting_id: int):
    try:
        meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    except JointMeeting.DoesNotExist as exc:
        raise Http404 from exc
    return _meeting_detail(request, meeting)


def _task(request, task_id: int) -> MeetingTask:
    try:
        return selectors.task_get(user=request.user, pk=task_id)
    except MeetingTask.DoesNotExist as exc:
        raise Http404 from exc


def _task_detail(request, task_id: int) -> dict:
    task = _task(request, task_id)
    out = _task_out(task)
    out["entries"] = list(selectors.task_entries(task=task))
    return out


@router.get("/meeting-tasks", response=list[TaskOut], summary="本单位的联席会议决定事项")
def list_tasks(request, status: MeetingTask.Status | None = None):
    return [_task_out(t) for t in selectors.tasks_of_unit(user=request.user, status=status or "")[:500]]


@router.get(
    "/meeting-tasks/{task_id}", response={200: TaskDetailOut, 404: ErrorOut}, summary="决定事项及其办理记录"
)
def get_task(request, task_id: int):
    return _task_detail(request, task_id)


@router.post(
    "/meeting-tasks/{task_id}/feedback",
    response={200: TaskDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="责任单位反馈办理情况",
)
def task_feedback(request, task_id: int, body: FeedbackIn):
    services.meeting_task_feedback(
        actor=request.user, task=_task(request, task_id), text=body.text, on=body.on
    )
    return _task_detail(request, task_id)


@router.post(
    "/meeting-tasks/{task_id}/close",
    response={200: TaskDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="办结决定事项（召集单位）",
)
def task_close(request, task_id: int, body: NoteIn):
    services.meeting_task_close(actor=request.user, task=_task(request, task_id), note=body.note)
    return _task_detail(request, task_id)


@router.post(
    "/meeting-tasks/{task_id}/return",
    response={200: TaskDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="退回重办（召集单位）",
)
def task_return(request, task_id: int, body: NoteIn):
    services.meeting_task_return(actor=request.user, task=_task(request, task_id), note=body.note)
    return _task_detail(request, task_id)


@router.post(
    "/meeting-tasks/{task_id}/apply",
    response={200: TaskDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="执行确定受理单位的决定（第二十四条）",
    description="通过转送、交办服务将事项交由会议确定的单位办理，事项办理记录写明会议。",
)
def task_apply(request, task_id: int, body: ApplyIn):
    services.meeting_jurisdiction_apply(
        actor=request.user, task=_task(request, task_id), route_kind=body.route_kind
    )
    return _task_detail(request, task_id)
