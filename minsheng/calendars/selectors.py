"""Reads of the working-day calendar."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from minsheng.lib.workdays import PACKAGE_YEARS, WorkCalendar

from .models import CalendarOverride, CalendarYear


def work_calendar() -> WorkCalendar:
    """The official calendar with every override applied.

    Queried on each call: the tables hold a few dozen rows a year, and a cached copy would keep
    computing with yesterday's corrections in other processes after an administrator changed a day.
    """
    overrides = dict(CalendarOverride.objects.values_list("day", "is_working_day"))
    covered = CalendarYear.objects.values_list("year", flat=True)
    return WorkCalendar(overrides=overrides, covered_years=covered)


@dataclass(frozen=True)
class YearCoverage:
    year: int
    source: str  # "package", "overrides" or "" (no data: counted Monday to Friday)
    override_count: int


def calendar_coverage(*, today: datetime.date | None = None, years_ahead: int = 1) -> list[YearCoverage]:
    """Where the holiday data of this year and the next comes from, for the administrators' page."""
    today = today or timezone.localdate()
    years = range(today.year, today.year + years_ahead + 1)
    covered = set(CalendarYear.objects.filter(year__in=years).values_list("year", flat=True))
    result = []
    for year in years:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        count = CalendarOverride.objects.filter(day__range=(start, end)).count()
        source = "package" if year in PACKAGE_YEARS else "overrides" if year in covered else ""
        result.append(YearCoverage(year=year, source=source, override_count=count))
    return result
