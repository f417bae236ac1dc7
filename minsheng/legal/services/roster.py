"""The lawyers' duty roster at the visitor service centre (律师值班).

The bureau's supervisor plans a month at a time: the lawyers take the working days in turn, following
the official calendar with its make-up working days (调休) and the administrators' corrections.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation, User
from minsheng.calendars.selectors import work_calendar
from minsheng.lib.workdays import uncertainty_warning

from ..models import DutySession, DutyShift
from ..permissions import can_plan_roster
from ..selectors import month_bounds
from ._common import notify, refuse, require_lawyer, require_text, today

PLACE_MAX = 100
NOTE_MAX = 200
DEFAULT_PLACE = "群众来访服务中心"
# A plan names each lawyer once; more than this is a mistake, not a roster.
LAWYERS_MAX = 60

# Sessions that cannot both be held by one lawyer on one day.
_CLASHES = {
    DutySession.MORNING: (DutySession.MORNING, DutySession.FULL_DAY),
    DutySession.AFTERNOON: (DutySession.AFTERNOON, DutySession.FULL_DAY),
    DutySession.FULL_DAY: (DutySession.MORNING, DutySession.AFTERNOON, DutySession.FULL_DAY),
}


@dataclass
class RosterPlan:
    """What a monthly plan did: the shifts it created, the working days it left as they were."""

    year: int
    month: int
    created: list[DutyShift] = field(default_factory=list)
    skipped: list[dt.date] = field(default_factory=list)
    working_days: int = 0
    warning: str = ""

    @property
    def uncertain(self) -> bool:
        return bool(self.warning)


def _require_planner(actor) -> Organisation:
    if not can_plan_roster(actor):
        raise PermissionDenied(_("只有信访局的督办员或管理员可以安排律师值班"))
    organisation = actor.organisation
    if organisation is None or organisation.kind != Organisation.Kind.PETITION_BUREAU:
        refuse("organisation", _("值班安排属于信访局：请用信访局的账号安排"))
    return organisation


def _require_session(session: str) -> str:
    if session not in DutySession.values:
        refuse("session", _("请选择值班时段：上午、下午或全天"))
    return session


def _clash(lawyer: User, day: dt.date, session: str):
    return DutyShift.objects.filter(lawyer=lawyer, day=day, session__in=_CLASHES[session]).first()


def _lock_lawyers(lawyers) -> None:
    # Two planners booking one lawyer at once would both see the day free; the row lock on the
    # lawyer makes the second one wait and then see the first one's shift.
    list(User.objects.select_for_update().filter(pk__in=[lawyer.pk for lawyer in lawyers]).order_by("pk"))


@transaction.atomic
def duty_shift_create(
    *, actor, day: dt.date, lawyer: User, session: str = DutySession.FULL_DAY, place: str = "", note: str = ""
) -> DutyShift:
    organisation = _require_planner(actor)
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        refuse("day", _("请填写值班日期"))
    if day < today():
        refuse("day", _("不能安排已经过去的日期"))
    lawyer = require_lawyer(lawyer)
    session = _require_session(session)
    place = require_text(place or DEFAULT_PLACE, field="place", label=_("地点"), max_length=PLACE_MAX)
    note = require_text(note, field="note", label=_("备注"), max_length=NOTE_MAX, required=False)
    _lock_lawyers([lawyer])
    existing = _clash(lawyer, day, session)
    if existing is not None:
        refuse(
            "lawyer",
            _("%(name)s 在 %(day)s 已有%(session)s值班")
            % {
                "name": lawyer.display_name,
                "day": f"{day:%Y-%m-%d}",
                "session": existing.get_session_display(),
            },
        )
    shift = DutyShift.objects.create(
        organisation=organisation,
        day=day,
        session=session,
        lawyer=lawyer,
        place=place,
        note=note,
        created_by=actor,
    )
    notify(
        key=f"legal-shift:{shift.pk}",
        recipient=lawyer,
        subject=_("律师值班安排：%(day)s %(session)s")
        % {"day": f"{day:%Y-%m-%d}", "session": shift.get_session_display()},
        body=_("您在 %(day)s %(session)s 于%(place)s值班。")
        % {"day": f"{day:%Y-%m-%d}", "session": shift.get_session_display(), "place": place},
    )
    return shift


@transaction.atomic
def duty_roster_plan(
    *,
    actor,
    year: int,
    month: int,
    lawyers: list[User],
    session: str = DutySession.FULL_DAY,
    place: str = "",
) -> RosterPlan:
    """Give each working day of the month to the next lawyer in turn.

    Days on which the bureau already has a shift for that session stay as they are, so a plan can be
    run again after single days were changed by hand. A lawyer already on duty elsewhere that day is
    passed over for the next one; a day no one is free for is left out and reported."""
    organisation = _require_planner(actor)
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        refuse("year", _("年份应在 2000 至 2100 之间"))
    if not isinstance(month, int) or not 1 <= month <= 12:
        refuse("month", _("月份应为 1 至 12"))
    if not lawyers:
        refuse("lawyers", _("请至少选择一名律师"))
    if len(lawyers) > LAWYERS_MAX:
        refuse("lawyers", _("一次最多安排 %(max)d 名律师") % {"max": LAWYERS_MAX})
    if len({lawyer.pk for lawyer in lawyers}) != len(lawyers):
        refuse("lawyers", _("同一名律师只能选择一次"))
    for lawyer in lawyers:
        require_lawyer(lawyer, field="lawyers")
    session = _require_session(session)
    place = require_text(place or DEFAULT_PLACE, field="place", label=_("地点"), max_length=PLACE_MAX)
    start, end = month_bounds(year, month)
    if end < today():
        refuse("month", _("不能安排已经过去的月份"))
    calendar = work_calendar()
    plan = RosterPlan(year=year, month=month)
    if not calendar.has_data(year):
        plan.warning = uncertainty_warning([year])
    _lock_lawyers(lawyers)
    taken = set(
        DutyShift.objects.filter(
            organisation=organisation, day__range=(start, end), session__in=_CLASHES[session]
        ).values_list("day", flat=True)
    )
    turn = 0
    days = working_days_in(calendar, max(start, today()), end)
    plan.working_days = len(days)
    for day in days:
        if day in taken:
            plan.skipped.append(day)
            continue
        shift, turn = _next_free(organisation, actor, day, session, place, lawyers, turn)
        if shift is None:
            plan.skipped.append(day)
        else:
            plan.created.append(shift)
    _tell_lawyers(plan, lawyers)
    return plan


def working_days_in(calendar, start: dt.date, end: dt.date) -> list[dt.date]:
    """The working days start..end on `calendar` (a lib.workdays.WorkCalendar): holidays out, make-up
    Saturdays and Sundays (调休) in."""
    days, day = [], start
    while day <= end:
        if calendar.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _next_free(organisation, actor, day, session, place, lawyers, turn):
    for offset in range(len(lawyers)):
        lawyer = lawyers[(turn + offset) % len(lawyers)]
        if _clash(lawyer, day, session) is None:
            shift = DutyShift.objects.create(
                organisation=organisation,
                day=day,
                session=session,
                lawyer=lawyer,
                place=place,
                created_by=actor,
            )
            return shift, turn + offset + 1
    return None, turn


def _tell_lawyers(plan: RosterPlan, lawyers: list[User]) -> None:
    if not plan.created:
        return
    first = plan.created[0].pk
    for lawyer in lawyers:
        days = [s.day for s in plan.created if s.lawyer_id == lawyer.pk]
        if not days:
            continue
        notify(
            key=f"legal-roster:{first}:{lawyer.pk}",
            recipient=lawyer,
            subject=_("%(year)d年%(month)d月律师值班安排") % {"year": plan.year, "month": plan.month},
            body=_("您的值班日：%(days)s。") % {"days": "、".join(f"{d:%m-%d}" for d in days)},
        )


@transaction.atomic
def duty_shift_delete(*, actor, shift: DutyShift) -> None:
    organisation = _require_planner(actor)
    if not actor.is_superuser and shift.organisation_id != organisation.pk:
        raise PermissionDenied(_("只能调整本单位的值班安排"))
    if shift.day < today():
        refuse("day", _("已经过去的值班是工作记录，不能删除"))
    lawyer, day, session, pk = shift.lawyer, shift.day, shift.get_session_display(), shift.pk
    shift.delete()
    notify(
        key=f"legal-shift-cancelled:{pk}",
        recipient=lawyer,
        subject=_("律师值班取消：%(day)s %(session)s") % {"day": f"{day:%Y-%m-%d}", "session": session},
        body=_("您在 %(day)s %(session)s 的值班已取消。") % {"day": f"{day:%Y-%m-%d}", "session": session},
    )
