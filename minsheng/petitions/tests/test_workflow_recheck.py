"""Art 36: within 30 days of the review opinion the petitioner may ask the reviewing body's upper level
for a recheck (复核), answered within 30 days not counting hearings; the recheck opinion ends the matter."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Reply

from .workflow_steps import D, last_event, open_matter, refused, reply_parts, staff, take

Status = Matter.Status
# Reviewed on Friday 28 August 2026: day 30 is Sunday 27 September, in the Mid-Autumn holiday, so a
# recheck may be requested until Monday 28 September.
WINDOW_END = D(2026, 9, 28)


def request_recheck(city, matter, on, actor=None):
    return services.reconsideration_request(
        actor=actor or city.supervisor,
        matter=matter,
        stage="recheck",
        reason="对复查意见不服",
        requested_on=on,
    )


RECHECKED = D(2026, 10, 9)


def decide_recheck(city, matter, actor=None, served_on=RECHECKED, **parts):
    return services.reconsideration_decide(
        actor=actor or city.supervisor,
        matter=matter,
        stage="recheck",
        served_on=served_on,
        **reply_parts(text="复查意见正确，予以维持。", **parts),
    )


def village_chain(city, register, to):
    """A matter answered by 东关村, reviewed by 云中镇 and rechecked by 怀仁市."""
    village_handler = staff(city.yunzhong_village, "dg_chengban")
    return take(
        city,
        open_matter(register),
        to=to,
        unit=city.yunzhong_village,
        handler=village_handler,
        reviewer=city.yunzhong_handler,
    )


def test_it_records_a_recheck_request_on_the_shifted_last_day_of_the_window(city, register):
    matter = take(city, open_matter(register), to="reviewed")
    assert matter.recheck_request_due_on == WINDOW_END

    case = request_recheck(city, matter, WINDOW_END)

    matter.refresh_from_db()
    # The review was the city's; its upper level is outside this system, and the bureau records for it.
    assert (case.stage, case.organisation, case.organisation_name) == ("recheck", None, "怀仁市的上一级机关")
    # 30 日 after Monday 28 September: Wednesday 28 October.
    assert case.due_on == matter.recheck_due_on == D(2026, 10, 28)
    assert matter.status == Status.RECHECK_REQUESTED
    assert (matter.due_kind, matter.due_on) == ("recheck", D(2026, 10, 28))
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.RECHECK_REQUESTED,
        Status.REVIEWED,
        Status.RECHECK_REQUESTED,
        "信访人请求怀仁市的上一级机关复核：对复查意见不服",
    )


def test_it_sends_the_recheck_to_the_upper_level_of_the_reviewing_body(city, register):
    matter = village_chain(city, register, "reviewed")

    case = request_recheck(city, matter, D(2026, 9, 10))

    assert (case.organisation, case.organisation_name) == (city.root, "怀仁市")


def test_it_moves_the_recheck_deadline_by_the_hearing_time(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")
    assert matter.recheck_due_on == D(2026, 10, 10)

    case = services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=15, note="公开听证")

    matter.refresh_from_db()
    # 10 October + 15 日 = Sunday 25 October, so Monday 26 October.
    assert (case.hearing_days, case.due_on) == (15, D(2026, 10, 26))
    assert matter.recheck_due_on == matter.due_on == D(2026, 10, 26)
    assert (matter.status, matter.due_kind) == (Status.RECHECK_REQUESTED, "recheck")
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.HEARING,
        Status.RECHECK_REQUESTED,
        Status.RECHECK_REQUESTED,
        "听证用时 15 日，不计入复核期限，期限顺延至 2026-10-26：公开听证",
    )


def test_it_adds_the_time_of_several_hearings(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")

    services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=5)
    case = services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=10)

    matter.refresh_from_db()
    assert (case.hearing_days, case.due_on, matter.recheck_due_on) == (15, D(2026, 10, 26), D(2026, 10, 26))


def test_it_gives_the_recheck_opinion_and_the_matter_is_final(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")

    reply = decide_recheck(city, matter, outcome="not_support")

    matter.refresh_from_db()
    case = matter.reconsiderations.get(stage="recheck")
    assert (reply.stage, reply.outcome, reply.served_on) == (
        Reply.Stage.RECHECK,
        "not_support",
        D(2026, 10, 9),
    )
    assert case.decided_on == D(2026, 10, 9)
    assert matter.status == Status.FINAL
    assert matter.closed_on == D(2026, 10, 9)
    assert (matter.due_on, matter.due_kind) == (None, "")
    assert matter.notices.filter(kind="recheck_opinion").count() == 1
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.FINAL,
        Status.RECHECK_REQUESTED,
        Status.FINAL,
        "怀仁市的上一级机关出具复核意见：不支持",
    )


def test_it_refuses_a_recheck_request_after_its_window(city, register):
    matter = take(city, open_matter(register), to="reviewed")

    with refused(matter, "deadline"):
        request_recheck(city, matter, D(2026, 9, 29))


@pytest.mark.parametrize("status", ["accepted", "replied", "review_requested"])
def test_it_refuses_a_recheck_before_the_review(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        request_recheck(city, matter, D(2026, 8, 20))


def test_it_refuses_a_second_recheck_request(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")

    with refused(matter, "status"):
        request_recheck(city, matter, D(2026, 9, 11))


@pytest.mark.parametrize("stage", ["review", "recheck"])
def test_it_accepts_nothing_more_on_a_final_matter(city, register, stage):
    matter = take(city, open_matter(register), to="final")

    with refused(matter, "status"):
        services.reconsideration_request(
            actor=city.supervisor, matter=matter, stage=stage, requested_on=D(2026, 10, 9)
        )


def test_it_refuses_a_hearing_before_a_recheck_was_asked_for(city, register):
    matter = take(city, open_matter(register), to="reviewed")

    with refused(matter, "status"):
        services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=10)


@pytest.mark.parametrize("days", [0, -1, 366, 2.5, "10"])
def test_it_refuses_a_hearing_of_an_impossible_length(city, register, days):
    matter = take(city, open_matter(register), to="recheck_requested")

    with refused(matter, "days"):
        services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=days)


def test_it_refuses_a_hearing_recorded_by_a_unit_that_is_not_the_rechecking_body(city, register):
    matter = village_chain(city, register, "recheck_requested")

    with refused(matter):
        services.recheck_hearing_record(actor=city.yunzhong_handler, matter=matter, days=10)
    with refused(matter):
        decide_recheck(city, matter, actor=city.yunzhong_handler)


@pytest.mark.parametrize("role", ["leader", "lawyer", "registrar"])
def test_it_refuses_a_hearing_or_recheck_opinion_from_a_role_that_does_not_answer_matters(
    city, register, role
):
    # The recheck body is 怀仁市, the lawyer's organisation: sitting there does not make the lawyer on
    # duty the one who records the city's hearing or signs its recheck opinion.
    matter = village_chain(city, register, "recheck_requested")

    with refused(matter):
        services.recheck_hearing_record(actor=getattr(city, role), matter=matter, days=10)
    with refused(matter):
        decide_recheck(city, matter, actor=getattr(city, role))


def test_it_refuses_a_recheck_opinion_missing_its_basis(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")

    with refused(matter, "basis"):
        decide_recheck(city, matter, basis="")
