"""Report periods: presets (今年上半年, 上月, 第三季度 …), validation, and the phrase a report opens with."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_YEARS = 5
EARLIEST = dt.date(2000, 1, 1)
QUARTER_NAMES = ("一", "二", "三", "四")

PRESETS = {
    "h1": gettext_lazy("今年上半年"),
    "h2": gettext_lazy("今年下半年"),
    "year": gettext_lazy("今年"),
    "last_month": gettext_lazy("上月"),
    "q1": gettext_lazy("第一季度"),
    "q2": gettext_lazy("第二季度"),
    "q3": gettext_lazy("第三季度"),
    "q4": gettext_lazy("第四季度"),
    "last_year": gettext_lazy("去年"),
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def phrase(self, today: dt.date) -> str:
        return period_phrase(self.start, self.end, today=today)


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _quarter(year: int, number: int) -> Period:
    first_month = 3 * (number - 1) + 1
    return Period(dt.date(year, first_month, 1), _month_end(year, first_month + 2))


def preset_period(preset: str, *, today: dt.date) -> Period:
    """The period a preset names, relative to `today`. Quarters and halves are of the current year."""
    year = today.year
    if preset == "h1":
        return Period(dt.date(year, 1, 1), dt.date(year, 6, 30))
    if preset == "h2":
        return Period(dt.date(year, 7, 1), dt.date(year, 12, 31))
    if preset == "year":
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if preset == "last_year":
        return Period(dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31))
    if preset == "last_month":
        last_day = today.replace(day=1) - dt.timedelta(days=1)
        return Period(last_day.replace(day=1), last_day)
    if preset in ("q1", "q2", "q3", "q4"):
        return _quarter(year, int(preset[1]))
    raise ValidationError({"preset": [_("未知的统计期间：%(preset)s") % {"preset": preset}]})


def default_period(*, today: dt.date) -> Period:
    """The half-year that contains today: the period the bureau reports on most often."""
    return preset_period("h1" if today.month <= 6 else "h2", today=today)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period_check(start: dt.date | None, end: dt.date | None) -> Period:
    """A period from two dates, or a ValidationError by field with a Chinese message."""
    errors: dict[str, list[str]] = {}
    if start is None:
        errors["start"] = [_("请填写起始日期")]
    if end is None:
        errors["end"] = [_("请填写截止日期")]
    if errors:
        raise ValidationError(errors)
    if start < EARLIEST:
        errors["start"] = [_("起始日期不能早于 2000 年")]
    if end < start:
        errors["end"] = [_("截止日期不能早于起始日期")]
    elif end >= _years_later(start, MAX_YEARS):
        errors["end"] = [_("统计期间不能超过 %(years)s 年") % {"years": MAX_YEARS}]
    if errors:
        raise ValidationError(errors)
    return Period(start, end)


def period_from_input(
    *, start: dt.date | None, end: dt.date | None, preset: str = "", today: dt.date
) -> Period:
    """A preset wins over dates; with neither, the current half-year."""
    if preset:
        return preset_period(preset, today=today)
    if start is None and end is None:
        return default_period(today=today)
    return period_check(start, end)


def _year_word(year: int, today: dt.date) -> str:
    return "今年" if year == today.year else f"{year}年"


def _is_month_end(day: dt.date) -> bool:
    return day == _month_end(day.year, day.month)


# The phrase is part of the report's text, which is always Chinese like every official document (the
# notices of minsheng.petitions are too); the page around it is translated.
def period_phrase(start: dt.date, end: dt.date, *, today: dt.date) -> str:
    """How the reply names a period: 今年上半年, 2025年第三季度, 2026年1月至5月, 2026年3月5日至4月2日."""
    whole_months = start.day == 1 and _is_month_end(end)
    if start.year != end.year:
        if whole_months:
            return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
        return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    year = start.year
    words = _year_word(year, today)
    if (start, end) == (dt.date(year, 1, 1), dt.date(year, 12, 31)):
        return words
    if (start, end) == (dt.date(year, 1, 1), dt.date(year, 6, 30)):
        return f"{words}上半年"
    if (start, end) == (dt.date(year, 7, 1), dt.date(year, 12, 31)):
        return f"{words}下半年"
    for number in range(1, 5):
        if (start, end) == (_quarter(year, number).start, _quarter(year, number).end):
            return f"{words}第{QUARTER_NAMES[number - 1]}季度"
    if whole_months:
        if start.month == end.month:
            return f"{words}{start.month}月"
        return f"{words}{start.month}月至{end.month}月"
    if start == end:
        return f"{year}年{start.month}月{start.day}日"
    return f"{year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
