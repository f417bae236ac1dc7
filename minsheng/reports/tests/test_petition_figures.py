"""Each petitions figure against the September whose truth was counted by hand (tests/conftest.py)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from minsheng.petitions import services as petitions
from minsheng.reports.periods import Period
from minsheng.reports.selectors import report_build

from .conftest import RATINGS_TRUTH, SEPTEMBER, SEPTEMBER_TRUTH, day


def build(user, organisation, start, end, today=None):
    return report_build(user=user, organisation=organisation, period=Period(start, end), today=today)


def around_today() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today - dt.timedelta(days=1), today + dt.timedelta(days=1)


def test_it_counts_every_petitions_figure_of_the_city_as_counted_by_hand(city, september):
    report = build(city.supervisor, city.root, *SEPTEMBER)

    assert {key: report.values[key] for key in SEPTEMBER_TRUTH} == SEPTEMBER_TRUTH


def test_it_counts_the_current_rating_of_each_matter_once(city, september):
    report = build(city.supervisor, city.root, *around_today())

    assert {key: report.values[key] for key in RATINGS_TRUTH} == RATINGS_TRUTH


def test_a_townships_report_counts_its_subtree_and_nothing_of_another_township(city, september):
    yunzhong = build(city.yunzhong_handler, city.yunzhong, *SEPTEMBER).values
    jinshatan = build(city.jinshatan_handler, city.jinshatan, *SEPTEMBER).values

    # M6 received by the township, M10 by its village; M1, M4, M6 accepted on time, M10 late.
    assert (yunzhong["matters_received"], yunzhong["submissions"]) == (2, 2)
    assert (yunzhong["petition_visit_batches"], yunzhong["petition_person_visits"]) == (1, 4)
    assert (yunzhong["accepted_on_time"], yunzhong["accept_due"], yunzhong["accepted_on_time_rate"]) == (
        3,
        4,
        75.0,
    )
    assert (yunzhong["completed_on_time"], yunzhong["handle_due"]) == (1, 3)
    assert (yunzhong["repeat_submissions"], yunzhong["repeat_rate"]) == (0, 0.0)
    # 金沙滩镇: only M2, accepted late; nothing received, nothing due to be completed.
    assert (jinshatan["matters_received"], jinshatan["submissions"]) == (0, 0)
    assert (jinshatan["accepted_on_time"], jinshatan["accept_due"], jinshatan["accepted_on_time_rate"]) == (
        0,
        1,
        0.0,
    )
    assert (jinshatan["handle_due"], jinshatan["completed_on_time_rate"]) == (0, None)
    assert jinshatan["repeat_rate"] is None


def test_a_townships_ratings_exclude_another_townships(city, september):
    yunzhong = build(city.yunzhong_handler, city.yunzhong, *around_today()).values
    jinshatan = build(city.jinshatan_handler, city.jinshatan, *around_today()).values

    assert (yunzhong["rated_matters"], yunzhong["satisfaction_rate"]) == (3, 66.7)
    assert (jinshatan["rated_matters"], jinshatan["satisfied"], jinshatan["satisfaction_rate"]) == (
        1,
        1,
        100.0,
    )


def test_the_units_rows_add_up_to_the_organisations_figures(city, september):
    report = build(city.supervisor, city.root, *SEPTEMBER)
    rows = {row.organisation.name: row.values for row in report.units}

    assert report.units[0].is_own and report.units[0].organisation == city.root
    assert rows["怀仁市信访局"]["matters_received"] == 4
    assert rows["怀仁市信访局"]["submissions"] == 6
    assert rows["云中镇"]["matters_received"] == 2  # the village's matter rolls up into its township
    assert rows["怀仁市住房和城乡建设局"]["accept_due"] == 1
    assert rows["怀仁市住房和城乡建设局"]["accepted_on_time_rate"] == 0.0
    for key in ("matters_received", "submissions", "accept_due", "accepted_on_time", "handle_due"):
        assert sum(values[key] for values in rows.values()) == report.values[key], key


def test_a_matter_counts_in_the_period_its_on_time_question_was_settled(city, september):
    august = build(city.supervisor, city.root, day(8, 1), day(8, 31)).values
    october = build(city.supervisor, city.root, day(10, 1), day(10, 31)).values

    # M9 was answered on time on 30 August: it belongs to August, not to September when it was due.
    assert (august["completed_on_time"], august["handle_due"]) == (1, 1)
    # M5 is due in October and never decided: late in October, once October's deadline has passed.
    assert (october["accepted_on_time"], october["accept_due"]) == (0, 1)
    # M2 was answered in time on 20 October: it counts in October, though it was due in November.
    assert (october["completed_on_time"], october["handle_due"]) == (1, 1)


def test_a_deadline_still_to_come_is_not_counted_as_late(city, september):
    september.m5.refresh_from_db()
    due = september.m5.accept_due_on
    before = build(city.supervisor, city.root, day(10, 1), day(10, 31), today=due).values
    after = build(
        city.supervisor, city.root, day(10, 1), day(10, 31), today=due + dt.timedelta(days=1)
    ).values

    assert before["accept_due"] == 0 and before["accepted_on_time_rate"] is None
    assert after["accept_due"] == 1 and after["accepted_on_time_rate"] == 0.0


def test_it_counts_with_a_fixed_number_of_queries_however_many_matters(city, september, register_at):
    with CaptureQueriesContext(connection) as few:
        build(city.supervisor, city.root, *SEPTEMBER)
    for n in range(5):
        register_at(city.registrar, when=timezone.make_aware(dt.datetime(2026, 9, 20 + n, 9)))
    with CaptureQueriesContext(connection) as more:
        report = build(city.supervisor, city.root, *SEPTEMBER)

    assert report.values["matters_received"] == SEPTEMBER_TRUTH["matters_received"] + 5
    assert len(more) == len(few)


def test_an_extended_deadline_counts_instead_of_the_statutory_one(city, register_at):
    today = timezone.localdate()
    handler = city.yunzhong_handler

    def accepted_55_days_ago():
        when = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=60), dt.time(10)))
        matter = register_at(city.yunzhong_registrar, when=when).matter
        petitions.matter_accept(actor=handler, matter=matter, on=today - dt.timedelta(days=55))
        matter.refresh_from_db()
        return matter

    extended, plain = accepted_55_days_ago(), accepted_55_days_ago()
    petitions.matter_extend(
        actor=handler, matter=extended, days=30, reason="需要补充调查取证", approved_by=handler
    )
    extended.refresh_from_db()
    statutory, longer = plain.handle_due_on, extended.handle_due_on

    # The day after the statutory deadline, only the matter without an extension is late.
    at_statutory = build(handler, city.yunzhong, statutory, statutory, today=statutory + dt.timedelta(days=1))
    at_extended = build(handler, city.yunzhong, longer, longer, today=longer + dt.timedelta(days=1))

    assert longer > statutory
    assert (at_statutory.values["handle_due"], at_statutory.values["completed_on_time"]) == (1, 0)
    assert (at_extended.values["handle_due"], at_extended.values["completed_on_time"]) == (1, 0)
