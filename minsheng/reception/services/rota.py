"""The rota of reception days: a month generated from an ordered list of leaders, single days edited,
field visits added. Planning is the bureau supervisors' (督办员) work."""

import calendar as month_calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.calendars.selectors import work_calendar
from minsheng.lib.workdays import uncertainty_warning

from ..models import CENTRE_PLACE, Kind, ReceptionDay
from ..permissions import can_plan_reception
from .common import Errors, check_in_scope, check_leader, clean_text

CENTRE_ORG_KINDS = (Organisation.Kind.PETITION_BUREAU,)
FIELD_VISIT_ORG_KINDS = (Organisation.Kind.TOWNSHIP, Organisation.Kind.VILLAGE)
DEFAULT_STARTS_AT = dt.time(9, 0)
DEFAULT_ENDS_AT = dt.time(17, 0)
# Plans further ahead than this are taken for a mistyped year.
MAX_DAYS_AHEAD = 400
MAX_LEADERS = 40
DAY_NOTE_MAX = 500


def _require_planner(actor) -> None:
    if not can_plan_reception(actor):
        raise PermissionDenied(_("只有督办员或管理员可以安排领导接访"))


def check_organisation(errors: Errors, kind: str, organisation: Organisation | None) -> None:
    if organisation is None:
        errors.add("organisation", _("请选择接访地单位"))
    elif not organisation.is_active:
        errors.add("organisation", _("%(name)s 已停用") % {"name": organisation.name})
    elif kind == Kind.CENTRE and organisation.kind not in CENTRE_ORG_KINDS:
        errors.add("organisation", _("坐班接访在信访局的群众来访服务中心进行"))
    elif kind == Kind.FIELD_VISIT and organisation.kind not in FIELD_VISIT_ORG_KINDS:
        errors.add("organisation", _("下访的地点应为乡镇（街道）或村（社区）"))


def check_times(errors: Errors, starts_at, ends_at) -> None:
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        errors.add("ends_at", _("结束时间应晚于开始时间"))


def _check_date(errors: Errors, date, today: dt.date) -> None:
    if date is None:
        errors.add("date", _("请填写日期"))
    elif date < today:
        errors.add("date", _("不能安排已经过去的日期"))
    elif (date - today).days > MAX_DAYS_AHEAD:
        errors.add("date", _("只能安排 %(days)d 天以内的接访") % {"days": MAX_DAYS_AHEAD})


def _check_conflicts(errors: Errors, *, kind, leader, date, organisation, exclude_pk=None) -> None:
    if leader is None or date is None or organisation is None:
        return
    days = ReceptionDay.objects.exclude(pk=exclude_pk)
    busy = days.filter(leader=leader, date=date).first()
    if busy is not None:
        errors.add(
            "leader",
            _("%(name)s 在 %(date)s 已有接访安排（%(place)s）")
            % {"name": leader.display_name, "date": f"{date:%Y-%m-%d}", "place": busy.place},
        )
    if kind == Kind.CENTRE:
        taken = (
            days.filter(kind=Kind.CENTRE, organisation=organisation, date=date)
            .select_related("leader")
            .first()
        )
        if taken is not None:
            errors.add(
                "date",
                _("%(date)s 已安排 %(name)s 坐班接访")
                % {"date": f"{date:%Y-%m-%d}", "name": taken.leader.display_name},
            )


def _default_place(kind: str, organisation: Organisation | None, place: str) -> str:
    if place or kind != Kind.CENTRE:
        return place
    return CENTRE_PLACE


@transaction.atomic
def reception_day_plan(
    *,
    actor,
    kind: str,
    leader,
    date: dt.date | None,
    organisation: Organisation | None = None,
    place: str = "",
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> ReceptionDay:
    """Plan one day: a leader at the visitor service centre (kind "centre", organisation the petition
    bureau — the actor's by default — place default 群众来访服务中心) or a field visit (kind
    "field_visit", organisation a township or village, place required). Not in the past; one day a
    leader; one leader a day at the centre."""
    _require_planner(actor)
    today = today or timezone.localdate()
    errors = Errors()
    if kind not in Kind.values:
        errors.add("kind", _("请选择接访方式"))
    if organisation is None and kind == Kind.CENTRE:
        organisation = actor.organisation
    check_leader(errors, leader)
    _check_date(errors, date, today)
    check_organisation(errors, kind, organisation)
    place = clean_text(
        errors,
        _default_place(kind, organisation, place),
        field="place",
        max_length=200,
        required_message=_("请填写下访地点"),
    )
    note = clean_text(errors, note, field="note", max_length=DAY_NOTE_MAX)
    check_times(errors, starts_at, ends_at)
    if not errors:
        check_in_scope(actor, organisation)
        _check_conflicts(errors, kind=kind, leader=leader, date=date, organisation=organisation)
    errors.raise_any()
    return ReceptionDay.objects.create(
        date=date,
        kind=kind,
        leader=leader,
        organisation=organisation,
        place=place,
        starts_at=starts_at,
        ends_at=ends_at,
        note=note,
        created_by=actor,
    )


def _editable(actor, day: ReceptionDay, today: dt.date) -> ReceptionDay:
    _require_planner(actor)
    day = ReceptionDay.objects.select_for_update().select_related("organisation").get(pk=day.pk)
    check_in_scope(actor, day.organisation)
    errors = Errors()
    if hasattr(day, "session"):
        errors.add("__all__", _("该日的接访已经举行，不能再修改安排"))
    elif day.date < today:
        errors.add("__all__", _("已经过去的接访安排不能修改"))
    errors.raise_any()
    return day


@transaction.atomic
def reception_day_update(
    *,
    actor,
    day: ReceptionDay,
    leader,
    place: str,
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> ReceptionDay:
    """Change one planned day's leader, place, times or note (not its date or kind: remove it and
    plan another). Not once the session has been held, nor for a day gone by."""
    today = today or timezone.localdate()
    day = _editable(actor, day, today)
    errors = Errors()
    check_leader(errors, leader)
    place = clean_text(
        errors,
        _default_place(day.kind, day.organisation, place),
        field="place",
        max_length=200,
        required_message=_("请填写地点"),
    )
    note = clean_text(errors, note, field="note", max_length=DAY_NOTE_MAX)
    check_times(errors, starts_at, ends_at)
    if not errors:
        _check_conflicts(
            errors,
            kind=day.kind,
            leader=leader,
            date=day.date,
            organisation=day.organisation,
            exclude_pk=day.pk,
        )
    errors.raise_any()
    day.leader, day.place, day.starts_at, day.ends_at, day.note = leader, place, starts_at, ends_at, note
    day.save(update_fields=["leader", "place", "starts_at", "ends_at", "note", "updated_at"])
    return day


@transaction.atomic
def reception_day_remove(*, actor, day: ReceptionDay, today: dt.date | None = None) -> None:
    """Take a planned day off the rota (a leader called away); not once it has been held."""
    today = today or timezone.localdate()
    day = _editable(actor, day, today)
    day.delete()


@dataclass
class RotaResult:
    created: list[ReceptionDay] = field(default_factory=list)
    already_planned: list[dt.date] = field(default_factory=list)
    no_leader_free: list[dt.date] = field(default_factory=list)
    warning: str = ""


@transaction.atomic
def reception_rota_generate(
    *,
    actor,
    year: int,
    month: int,
    leaders: Sequence,
    organisation: Organisation | None = None,
    place: str = CENTRE_PLACE,
    starts_at: dt.time | None = DEFAULT_STARTS_AT,
    ends_at: dt.time | None = DEFAULT_ENDS_AT,
    today: dt.date | None = None,
) -> RotaResult:
    """Plan a month at the visitor service centre: one leader per working day, taking `leaders` in
    turn (a leader already planned elsewhere that day is passed over for the next one).

    Working days follow the official calendar with its make-up working weekends (调休) and the
    administrators' corrections (minsheng.calendars, minsheng.lib.workdays). Days already planned at
    the centre are skipped and kept; days before `today` are not planned. For a year without holiday
    data the result carries a warning. Returns what was created and what was skipped."""
    _require_planner(actor)
    today = today or timezone.localdate()
    errors = Errors()
    organisation = organisation or actor.organisation
    check_organisation(errors, Kind.CENTRE, organisation)
    if not (isinstance(year, int) and 2000 <= year <= 2100):
        errors.add("month", _("年份不正确"))
    elif not (isinstance(month, int) and 1 <= month <= 12):
        errors.add("month", _("月份不正确"))
    else:
        last = dt.date(year, month, month_calendar.monthrange(year, month)[1])
        if last < today:
            errors.add("month", _("不能为已经过去的月份排班"))
        elif (dt.date(year, month, 1) - today).days > MAX_DAYS_AHEAD:
            errors.add("month", _("只能安排 %(days)d 天以内的接访") % {"days": MAX_DAYS_AHEAD})
    leaders = list(leaders or ())
    if not leaders:
        errors.add("leaders", _("请按顺序选择至少一位领导"))
    elif len(leaders) > MAX_LEADERS:
        errors.add("leaders", _("领导不能超过 %(max)d 位") % {"max": MAX_LEADERS})
    elif len({leader.pk for leader in leaders if leader is not None}) != len(leaders):
        errors.add("leaders", _("同一位领导不能重复选择"))
    for leader in leaders:
        check_leader(errors, leader, "leaders")
    place = clean_text(errors, place, field="place", max_length=200, required_message=_("请填写地点"))
    check_times(errors, starts_at, ends_at)
    if not errors:
        check_in_scope(actor, organisation)
    errors.raise_any()

    work = work_calendar()
    first = max(dt.date(year, month, 1), today)
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    planned = set(
        ReceptionDay.objects.filter(
            kind=Kind.CENTRE, organisation=organisation, date__range=(first, last)
        ).values_list("date", flat=True)
    )
    busy = set(
        ReceptionDay.objects.filter(leader__in=leaders, date__range=(first, last)).values_list(
            "leader_id", "date"
        )
    )
    result = RotaResult(warning="" if work.has_data(year) else uncertainty_warning([year]))
    turn = 0
    for day in days:
        if not work.is_working_day(day):
            continue
        if day in planned:
            result.already_planned.append(day)
            continue
        free = [n for n in range(len(leaders)) if (leaders[(turn + n) % len(leaders)].pk, day) not in busy]
        if not free:
            result.no_leader_free.append(day)
            continue
        index = (turn + free[0]) % len(leaders)
        result.created.append(
            ReceptionDay(
                date=day,
                kind=Kind.CENTRE,
                leader=leaders[index],
                organisation=organisation,
                place=place,
                starts_at=starts_at,
                ends_at=ends_at,
                created_by=actor,
            )
        )
        turn = index + 1
    result.created = ReceptionDay.objects.bulk_create(result.created)
    return result
