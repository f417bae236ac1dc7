"""Period presets, the phrase a report opens with, and the periods refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from minsheng.reports.periods import (
    Period,
    default_period,
    period_check,
    period_from_input,
    period_phrase,
    preset_period,
)

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("preset", "start", "end"),
    [
        ("h1", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("h2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        ("year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("last_year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("last_month", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
        ("q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("q2", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ],
)
def test_each_preset_names_its_dates_in_the_current_year(preset, start, end):
    assert preset_period(preset, today=TODAY) == Period(start, end)


def test_last_month_in_january_is_last_years_december():
    assert preset_period("last_month", today=dt.date(2027, 1, 15)) == Period(
        dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    )


def test_last_month_in_march_ends_on_the_last_day_of_february():
    assert preset_period("last_month", today=dt.date(2028, 3, 1)).end == dt.date(2028, 2, 29)


def test_without_input_it_reports_on_the_half_year_that_contains_today():
    assert default_period(today=TODAY) == Period(dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert period_from_input(start=None, end=None, today=dt.date(2026, 3, 3)) == Period(
        dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    )


def test_a_preset_wins_over_dates():
    period = period_from_input(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 2), preset="q3", today=TODAY)

    assert period == Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))


@pytest.mark.parametrize(
    ("start", "end", "phrase"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30), "今年上半年"),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "2025年上半年"),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31), "今年下半年"),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "今年"),
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024年"),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "今年第三季度"),
        (dt.date(2025, 7, 1), dt.date(2025, 9, 30), "2025年第三季度"),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 31), "今年10月"),
        (dt.date(2025, 2, 1), dt.date(2025, 2, 28), "2025年2月"),
        (dt.date(2025, 1, 1), dt.date(2025, 5, 31), "2025年1月至5月"),
        (dt.date(2025, 11, 1), dt.date(2026, 2, 28), "2025年11月至2026年2月"),
        (dt.date(2026, 3, 5), dt.date(2026, 4, 2), "2026年3月5日至4月2日"),
        (dt.date(2026, 3, 5), dt.date(2026, 3, 5), "2026年3月5日"),
        (dt.date(2025, 12, 5), dt.date(2026, 1, 3), "2025年12月5日至2026年1月3日"),
    ],
)
def test_the_phrase_names_the_period_as_the_reply_would(start, end, phrase):
    assert period_phrase(start, end, today=TODAY) == phrase


def test_it_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError) as exc:
        period_check(dt.date(2026, 6, 30), dt.date(2026, 1, 1))

    assert exc.value.message_dict == {"end": ["截止日期不能早于起始日期"]}


def test_it_allows_five_years_and_refuses_a_day_more():
    assert period_check(dt.date(2021, 1, 1), dt.date(2025, 12, 31)).days == 1826

    with pytest.raises(ValidationError) as exc:
        period_check(dt.date(2021, 1, 1), dt.date(2026, 1, 1))

    assert exc.value.message_dict == {"end": ["统计期间不能超过 5 年"]}


def test_five_years_from_a_leap_day_end_on_the_27th_of_february():
    assert period_check(dt.date(2024, 2, 29), dt.date(2029, 2, 27))
    with pytest.raises(ValidationError):
        period_check(dt.date(2024, 2, 29), dt.date(2029, 2, 28))


def test_it_asks_for_the_missing_date():
    with pytest.raises(ValidationError) as exc:
        period_from_input(start=dt.date(2026, 1, 1), end=None, today=TODAY)

    assert exc.value.message_dict == {"end": ["请填写截止日期"]}


def test_it_refuses_dates_before_2000_and_unknown_presets():
    with pytest.raises(ValidationError) as early:
        period_check(dt.date(1999, 12, 31), dt.date(2000, 1, 31))
    with pytest.raises(ValidationError) as unknown:
        period_from_input(start=None, end=None, preset="h3", today=TODAY)

    assert early.value.message_dict == {"start": ["起始日期不能早于 2000 年"]}
    assert unknown.value.message_dict == {"preset": ["未知的统计期间：h3"]}
