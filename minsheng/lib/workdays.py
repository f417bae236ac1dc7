"""Working days and statutory deadlines (计算期间), without Django.

Two units, as the law words them:

- "日" (CALENDAR_DAYS): counting starts the day after the event (民法典 Art 201); when the last day is a
  rest day or public holiday, the period ends on the next working day instead (Art 203).
- "工作日" (WORKING_DAYS): the n-th working day after the event.

Which days are working days follows the State Council's yearly holiday notice, weekend make-up
working days (调休) included. The `chinese_calendar` package carries the published years; the
administrators' overrides correct it and fill in the years it does not know yet (e.g. 2027 before the
package publishes it). For a year with neither, Monday to Friday count as working days and every
deadline that depended on such a day says so (`uncertain`, `warning`), because the real notice almost
always moves some of those days.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import chinese_calendar

CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
UNITS = (CALENDAR_DAYS, WORKING_DAYS)

# The package refuses any year outside the span of its holiday table; mirror that once here instead of
# catching NotImplementedError for every day looked at.
PACKAGE_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)

_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    """A computed due date and how sure we are of it.

    `raw_end` is the last day of the period before the rest-day shift (for working days it equals
    `due`); `extend()` counts from it. `extended_days` is what extensions and pauses have added, in
    calendar days, on top of `amount` `unit`. `unknown_years` are the years without holiday data
    whose days decided `due`. The three have defaults so that a Deadline rebuilt from a stored due
    date is still valid: it is then extended from `due`.
    """

    due: datetime.date
    amount: int
    unit: str
    uncertain: bool
    warning: str
    raw_end: datetime.date | None = None
    extended_days: int = 0
    unknown_years: tuple[int, ...] = ()


def uncertainty_warning(years: Iterable[int]) -> str:
    years = sorted(set(years))
    if not years:
        return ""
    named = "、".join(str(year) for year in years)
    return (
        f"{named} 年的法定节假日安排尚未录入，该期限暂按周一至周五为工作日计算；"
        "国务院办公厅公布放假安排并由管理员录入后，请重新核对。"
    )


def _as_date(day) -> datetime.date:
    # A datetime is also a date, but its .date() is the day in its own time zone (UTC for stored
    # times), which is the wrong day for an event in the evening in Beijing. Callers convert first.
    if isinstance(day, datetime.datetime):
        raise TypeError("pass a date, e.g. django.utils.timezone.localdate(received_at), not a datetime")
    if not isinstance(day, datetime.date):
        raise TypeError(f"expected a date, got {type(day).__name__}")
    return day


def _check_amount(amount: int) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValueError(f"a period is a whole number of days, not {amount!r}")
    return amount


class WorkCalendar:
    """The official working-day calendar with the administrators' corrections on top.

    `overrides` maps a day to True (a working day) or False (a rest day or holiday) and beats the
    package. `covered_years` are years the administrators have entered completely (the whole State
    Council notice), so that a year the package lacks counts as known.
    """

    def __init__(
        self,
        *,
        overrides: Mapping[datetime.date, bool] | None = None,
        covered_years: Iterable[int] = (),
    ):
        self._overrides = dict(overrides or {})
        self._covered_years = frozenset(covered_years)

    # --- single days ------------------------------------------------------------------------------

    def has_data(self, year: int) -> bool:
        return year in PACKAGE_YEARS or year in self._covered_years

    def _is_known(self, day: datetime.date) -> bool:
        # A day an administrator set explicitly is known even when the rest of its year is not.
        return day in self._overrides or self.has_data(day.year)

    def is_working_day(self, day) -> bool:
        day = _as_date(day)
        if day in self._overrides:
            return self._overrides[day]
        if day.year in PACKAGE_YEARS:
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def next_working_day(self, day) -> datetime.date:
        day = _as_date(day)
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def working_days_between(self, start, end) -> int:
        """Working days in (start, end]: from the day after `start` to `end` itself; 0 if end <= start."""
        day, end = _as_date(start), _as_date(end)
        count = 0
        while day < end:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count

    # --- periods ----------------------------------------------------------------------------------

    def _shift(self, raw_end: datetime.date) -> tuple[datetime.date, set[int]]:
        """The next working day from `raw_end`, with the unknown years of the days that decided it."""
        unknown = set()
        day = raw_end
        while True:
            if not self._is_known(day):
                unknown.add(day.year)
            if self.is_working_day(day):
                return day, unknown
            day += _ONE_DAY

    def _deadline(self, due, amount, unit, raw_end, unknown, extended_days=0) -> Deadline:
        years = tuple(sorted(unknown))
        return Deadline(
            due=due,
            amount=amount,
            unit=unit,
            uncertain=bool(years),
            warning=uncertainty_warning(years),
            raw_end=raw_end,
            extended_days=extended_days,
            unknown_years=years,
        )

    def add_calendar_days(self, event_day, days: int) -> Deadline:
        """A period of `days` 日: the days after `event_day`, ending on a working day."""
        event_day, days = _as_date(event_day), _check_amount(days)
        raw_end = event_day + datetime.timedelta(days=days)
        # Only the last day and the rest days after it depend on the calendar; the days in between
        # count whatever they are.
        due, unknown = self._shift(raw_end)
        return self._deadline(due, days, CALENDAR_DAYS, raw_end, unknown)

    def add_working_days(self, event_day, days: int) -> Deadline:
        """A period of `days` 工作日: the `days`-th working day after `event_day`."""
        day, days = _as_date(event_day), _check_amount(days)
        unknown = set()
        counted = 0
        while counted < days:
            day += _ONE_DAY
            if not self._is_known(day):
                unknown.add(day.year)
            counted += self.is_working_day(day)
        return self._deadline(day, days, WORKING_DAYS, day, unknown)

    def add(self, event_day, amount: int, unit: str) -> Deadline:
        if unit == CALENDAR_DAYS:
            return self.add_calendar_days(event_day, amount)
        if unit == WORKING_DAYS:
            return self.add_working_days(event_day, amount)
        raise ValueError(f"unknown unit {unit!r}; expected one of {UNITS}")

    def extend(self, deadline: Deadline, days: int) -> Deadline:
        """`days` more calendar days on a deadline: an extension (Art 34) or a pause (Art 36 hearings).

        Counted from the old period's raw last day, before its rest-day shift, and shifted again if
        the new last day is a rest day. So "60 days, extended by 30" ends exactly where "90 days"
        would: the law limits the total, and a holiday that happened to end the first period must
        not lengthen the extension. Counting from the shifted due date would give a later date than
        the law allows whenever the first period ended on a rest day. Deadlines in working days
        (whose raw end is their due date) get calendar days too, since both statutory extensions
        are worded in 日.

        The unit and amount stay those of the original period; `extended_days` adds up.
        """
        days = _check_amount(days)
        raw_start = deadline.raw_end or deadline.due
        raw_end = raw_start + datetime.timedelta(days=days)
        due, unknown = self._shift(raw_end)
        # A calendar-day period's raw end is plain arithmetic, so its old uncertainty (about the
        # shift) is replaced by the new shift's; a working-day period's due date itself depended on
        # the calendar, so its unknown years carry over.
        if deadline.unit != CALENDAR_DAYS or deadline.raw_end is None:
            unknown |= set(deadline.unknown_years)
        return self._deadline(
            due,
            deadline.amount,
            deadline.unit,
            raw_end,
            unknown,
            extended_days=deadline.extended_days + days,
        )
