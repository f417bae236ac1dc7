"""joint_meetings counts the meetings held in the period by the organisation or a unit below it."""

import datetime as dt

from minsheng.meetings.reports import period_figures

from .conftest import record

D = dt.date
H1 = (D(2026, 1, 1), D(2026, 6, 30))


def test_it_counts_the_meetings_held_in_the_period_below_the_organisation(city):
    for day in (D(2026, 1, 1), D(2026, 3, 5), D(2026, 6, 30)):
        record(city, held_on=day)
    record(city, held_on=D(2025, 12, 31))
    record(city, held_on=D(2026, 7, 1), kind="regular")
    record(city, actor=city.yunzhong_handler, held_on=D(2026, 4, 2), kind="regular")

    def count(org, period=H1):
        return period_figures(organisation=org, start=period[0], end=period[1])

    assert count(city.root) == {"joint_meetings": 4}
    assert count(city.bureau) == {"joint_meetings": 3}
    assert count(city.yunzhong) == {"joint_meetings": 1}
    assert count(city.jinshatan) == {"joint_meetings": 0}
    assert count(city.root, (D(2026, 7, 1), D(2026, 12, 31))) == {"joint_meetings": 1}


def test_it_counts_eleven_meetings_as_the_reply_reports_them(city):
    for n in range(11):
        record(
            city, held_on=D(2026, 1, 10) + dt.timedelta(days=15 * n), kind="special" if n % 2 else "regular"
        )

    assert period_figures(organisation=city.root, start=D(2026, 1, 1), end=D(2026, 6, 30)) == {
        "joint_meetings": 11
    }
