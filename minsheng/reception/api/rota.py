"""The rota, sessions and the people received in them."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Schema, Status

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.schemas import ErrorOut
from minsheng.petitions.services import PetitionerEntry

from .. import selectors, services
from ..forms import parse_month
from ..models import ReceptionDay, ReceptionSession
from ..schemas import DayIn, DayOut, EntryIn, EntryOut, RotaIn, RotaOut, SessionIn, SessionOut
from .common import draft_of, found, get_in_scope, matter_by_number, renamed, require_seeing, router

MAX_RANGE_DAYS = 400


def _day_out(day: ReceptionDay) -> dict:
    session = getattr(day, "session", None)
    return {
        "id": day.pk,
        "date": day.date,
        "kind": day.kind,
        "leader": day.leader,
        "organisation": day.organisation,
        "place": day.place,
        "starts_at": day.starts_at,
        "ends_at": day.ends_at,
        "session_id": session.pk if session else None,
    }


class DaysQuery(Schema):
    start: dt.date | None = None
    end: dt.date | None = None


@router.get(
    "/reception/days",
    response={200: list[DayOut], 403: ErrorOut, 422: ErrorOut},
    summary="接访安排（排班）",
    description="默认今天起 4 周；最长 400 天。只列出调用者管辖范围内的安排。",
)
def list_days(request, query: Query[DaysQuery]):
    require_seeing(request.user)
    start = query.start or timezone.localdate()
    end = query.end or start + dt.timedelta(weeks=4)
    if end < start:
        raise ValidationError({"end": [_("截止日期不能早于起始日期")]})
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError({"end": [_("期间不能超过 %(days)d 天") % {"days": MAX_RANGE_DAYS}]})
    return [_day_out(d) for d in selectors.reception_days(user=request.user, start=start, end=end)]


@router.post(
    "/reception/days", response={201: DayOut, 403: ErrorOut, 422: ErrorOut}, summary="安排一天（坐班或下访）"
)
def plan_day(request, body: DayIn):
    errors: dict = {}
    leader = found(User, body.leader_id, "leader_id", errors)
    organisation = found(Organisation, body.organisation_id, "organisation_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        day = services.reception_day_plan(
            actor=request.user,
            kind=body.kind,
            leader=leader,
            date=body.date,
            organisation=organisation,
            place=body.place,
            starts_at=body.starts_at,
            ends_at=body.ends_at,
            note=body.note,
        )
    except ValidationError as exc:
        raise renamed(exc, {"leader": "leader_id", "organisation": "organisation_id"}) from exc
    return Status(201, _day_out(day))


@router.post(
    "/reception/rota",
    response={201: RotaOut, 403: ErrorOut, 422: ErrorOut},
    summary="按月生成坐班接访排班",
    description=(
        "每个工作日（含调休上班日，不含法定节假日）一位领导，按 leader_ids 顺序轮流；已有安排的日期不变。"
    ),
)
def generate_rota(request, body: RotaIn):
    errors: dict = {}
    month = parse_month(body.month)
    if month is None:
        errors["month"] = [_("月份格式不正确，例如 2026-12")]
    leaders = [found(User, pk, "leader_ids", errors) for pk in body.leader_ids]
    if errors:
        raise ValidationError(errors)
    try:
        result = services.reception_rota_generate(
            actor=request.user,
            year=month[0],
            month=month[1],
            leaders=leaders,
            place=body.place,
            starts_at=body.starts_at,
            ends_at=body.ends_at,
        )
    except ValidationError as exc:
        raise renamed(exc, {"leaders": "leader_ids"}) from exc
    return Status(
        201,
        {
            "created": [_day_out(d) for d in result.created],
            "already_planned": result.already_planned,
            "no_leader_free": result.no_leader_free,
            "warning": result.warning,
        },
    )


def _session_out(session: ReceptionSession, user) -> dict:
    entries = selectors.session_entries(user=user, session=session)
    return {
        "id": session.pk,
        "day_id": session.day_id,
        "held_on": session.held_on,
        "kind": session.kind,
        "leader": session.leader,
        "organisation": session.organisation,
        "place": session.place,
        "started_at": session.started_at,
        "ended_at": session.ended_at,
        "notes": session.notes,
        "visit_batches": len(entries),
        "person_visits": sum(e.submission.head_count for e in entries),
        "entries": [_entry_out(e) for e in entries],
    }


def _entry_out(entry) -> dict:
    instruction = getattr(entry, "instruction", None)
    return {
        "id": entry.pk,
        "matter_id": entry.matter_id,
        "matter_number": entry.matter.number,
        "submission_id": entry.submission_id,
        "head_count": entry.submission.head_count,
        "outcome": entry.outcome,
        "outcome_label": entry.get_outcome_display(),
        "outcome_note": entry.outcome_note,
        "instruction_id": instruction.pk if instruction else None,
    }


@router.post(
    "/reception/sessions",
    response={201: SessionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="记录领导接访（按安排或计划外）",
)
def create_session(request, body: SessionIn):
    require_seeing(request.user)
    errors: dict = {}
    day = None
    if body.day_id is not None:
        day = get_in_scope(selectors.reception_day_get, body.day_id, request.user)
    leader = found(User, body.leader_id, "leader_id", errors)
    organisation = found(Organisation, body.organisation_id, "organisation_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        session = services.reception_session_record(
            actor=request.user,
            day=day,
            leader=leader,
            held_on=body.held_on,
            kind=body.kind,
            organisation=organisation,
            place=body.place,
            started_at=body.started_at,
            ended_at=body.ended_at,
            notes=body.notes,
        )
    except ValidationError as exc:
        raise renamed(
            exc, {"leader": "leader_id", "organisation": "organisation_id", "day": "day_id"}
        ) from exc
    return Status(201, _session_out(session, request.user))


@router.get(
    "/reception/sessions/{session_id}",
    response={200: SessionOut, 403: ErrorOut, 404: ErrorOut},
    summary="接访记录",
)
def get_session(request, session_id: int):
    require_seeing(request.user)
    return _session_out(get_in_scope(selectors.session_get, session_id, request.user), request.user)


@router.post(
    "/reception/sessions/{session_id}/entries",
    response={201: EntryOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="登记领导接待的来访人及接访结果",
    description=(
        "按正常来访登记（同登记页面）并记录结果：现场答复 answered / 现场解决 solved / 现场批示 instructed"
        "（须填 instruction，生成批示）。"
        "attach_existing 为 true 时关联 matter_number 事项当天已在窗口登记的来访。"
    ),
)
def add_entry(request, session_id: int, body: EntryIn):
    require_seeing(request.user)
    session = get_in_scope(selectors.session_get, session_id, request.user)
    errors: dict = {}
    matter = matter_by_number(request.user, body.matter_number, "matter_number", errors)
    if body.attach_existing and not body.matter_number:
        errors["matter_number"] = [_("请填写事项编号")]
    draft = draft_of(body.instruction, errors) if body.outcome == "instructed" else None
    if errors:
        raise ValidationError(errors)
    try:
        if body.attach_existing:
            entry = services.reception_entry_attach(
                actor=request.user,
                session=session,
                matter=matter,
                outcome=body.outcome,
                outcome_note=body.outcome_note,
                instruction=draft,
            )
        else:
            entry = services.reception_entry_register(
                actor=request.user,
                session=session,
                petitioners=[
                    PetitionerEntry(
                        petitioner_id=p.id,
                        name=p.name,
                        id_number=p.id_number,
                        phone=p.phone,
                        address=p.address,
                        region_code=p.region_code,
                        is_representative=p.is_representative,
                    )
                    for p in body.petitioners
                ],
                head_count=body.head_count,
                title=body.title,
                content=body.content,
                demands=body.demands,
                nature=body.nature,
                matter=matter,
                received_at=body.received_at,
                outcome=body.outcome,
                outcome_note=body.outcome_note,
                instruction=draft,
            )
    except ValidationError as exc:
        raise renamed(exc, {"matter": "matter_number", "instruction.units": "instruction.unit_ids"}) from exc
    return Status(201, _entry_out(entry))
