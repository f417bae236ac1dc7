import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status

from minsheng.petitions.schemas import ErrorOut, OrganisationRef

from .. import selectors, services
from ..models import DutyShift
from . import router
from ._common import Ref, renamed, require_seeing, user_or_error

# A roster read covers at most about a year: enough for any planning view, bounded for the server.
MAX_DAYS = 400


class UserRef(Schema):
    id: int
    name: str


class DutyShiftOut(Schema):
    id: int
    day: dt.date
    session: str = Field(..., description="morning 上午 / afternoon 下午 / full_day 全天")
    lawyer: UserRef
    place: str
    note: str
    organisation: OrganisationRef


class DutyShiftQuery(Schema):
    date_from: dt.date | None = Field(None, description="默认本月第一天")
    date_to: dt.date | None = Field(None, description="默认本月最后一天")
    lawyer_id: int | None = None


class DutyShiftIn(Schema):
    day: dt.date
    lawyer_id: int
    session: str = Field("full_day", description="morning / afternoon / full_day")
    place: str = Field("", max_length=100, description="默认：群众来访服务中心")
    note: str = Field("", max_length=200)


class RosterPlanIn(Schema):
    year: int
    month: int
    lawyer_ids: list[int] = Field(..., max_length=60, description="按此顺序轮流安排工作日")
    session: str = Field("full_day", description="morning / afternoon / full_day")
    place: str = Field("", max_length=100)


class RosterPlanOut(Schema):
    year: int
    month: int
    working_days: int = Field(..., description="本月（自今日起）的工作日数")
    created: list[DutyShiftOut]
    skipped: list[dt.date] = Field(..., description="已有安排而保留、或无律师可排的工作日")
    warning: str = Field(..., description="该年法定节假日未录入时的提示")


def shift_out(shift: DutyShift) -> dict:
    return {
        "id": shift.pk,
        "day": shift.day,
        "session": shift.session,
        "lawyer": Ref.user(shift.lawyer),
        "place": shift.place,
        "note": shift.note,
        "organisation": Ref.org(shift.organisation),
    }


@router.get(
    "/legal/duty-shifts",
    response={200: list[DutyShiftOut], 403: ErrorOut, 422: ErrorOut},
    summary="律师值班安排（律师只看到本人的值班）",
)
def list_duty_shifts(request, query: Query[DutyShiftQuery]):
    require_seeing(request)
    today = timezone.localdate()
    start = query.date_from or today.replace(day=1)
    end = query.date_to or selectors.month_bounds(start.year, start.month)[1]
    if end < start:
        raise ValidationError({"date_to": [_("截止日期不能早于起始日期")]})
    if (end - start).days > MAX_DAYS:
        raise ValidationError({"date_to": [_("一次最多查询 %(n)d 天") % {"n": MAX_DAYS}]})
    shifts = selectors.duty_shifts_visible_to(user=request.user).filter(day__range=(start, end))
    if query.lawyer_id is not None:
        shifts = shifts.filter(lawyer_id=query.lawyer_id)
    return [shift_out(s) for s in shifts.order_by("day", "pk")]


@router.post(
    "/legal/duty-shifts",
    response={201: DutyShiftOut, 403: ErrorOut, 422: ErrorOut},
    summary="安排一个值班（信访局督办员）",
)
def create_duty_shift(request, body: DutyShiftIn):
    errors: dict = {}
    lawyer = user_or_error(body.lawyer_id, "lawyer_id", errors)
    if errors:
        raise ValidationError(errors)
    try:
        shift = services.duty_shift_create(
            actor=request.user,
            day=body.day,
            lawyer=lawyer,
            session=body.session,
            place=body.place,
            note=body.note,
        )
    except ValidationError as exc:
        raise renamed(exc, {"lawyer": "lawyer_id"}) from exc
    return Status(201, shift_out(shift))


@router.post(
    "/legal/duty-roster",
    response={201: RosterPlanOut, 403: ErrorOut, 422: ErrorOut},
    summary="按月轮流排班（信访局督办员）",
    description="每个工作日（按法定节假日和调休）依次安排下一位律师；已有安排的日期保持不变。",
)
def plan_duty_roster(request, body: RosterPlanIn):
    errors: dict = {}
    lawyers = [user_or_error(pk, "lawyer_ids", errors) for pk in body.lawyer_ids]
    if errors:
        raise ValidationError(errors)
    try:
        plan = services.duty_roster_plan(
            actor=request.user,
            year=body.year,
            month=body.month,
            lawyers=lawyers,
            session=body.session,
            place=body.place,
        )
    except ValidationError as exc:
        raise renamed(exc, {"lawyers": "lawyer_ids"}) from exc
    return Status(
        201,
        {
            "year": plan.year,
            "month": plan.month,
            "working_days": plan.working_days,
            "created": [shift_out(s) for s in plan.created],
            "skipped": plan.skipped,
            "warning": plan.warning,
        },
    )


@router.delete(
    "/legal/duty-shifts/{shift_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="取消一个值班（信访局督办员）",
)
def delete_duty_shift(request, shift_id: int):
    require_seeing(request)
    try:
        shift = selectors.duty_shift_get(user=request.user, pk=shift_id)
    except DutyShift.DoesNotExist as exc:
        raise Http404 from exc
    services.duty_shift_delete(actor=request.user, shift=shift)
    return Status(204, None)
