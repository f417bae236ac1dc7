"""Art 35: within 30 days of receiving the reply the petitioner may ask the handling unit's upper level
for a review (复查), which answers within 30 days; the petitioner then has 30 days to ask for a recheck."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Reply

from .workflow_steps import D, last_event, open_matter, refused, reply_parts, set_today, staff, take

Status = Matter.Status
# Served on 15 July 2026: review may be requested until Friday 14 August.
WINDOW_END = D(2026, 8, 14)


def request_review(city, matter, on, actor=None):
    return services.reconsideration_request(
        actor=actor or city.supervisor,
        matter=matter,
        stage="review",
        reason="对处理意见不服",
        requested_on=on,
    )


REVIEWED = D(2026, 8, 28)


def decide_review(city, matter, actor=None, served_on=REVIEWED, **parts):
    return services.reconsideration_decide(
        actor=actor or city.supervisor,
        matter=matter,
        stage="review",
        served_on=served_on,
        **reply_parts(text="维持原处理意见。", **parts),
    )


def test_it_records_a_review_request_on_the_last_day_of_the_window(city, register):
    matter = take(city, open_matter(register), to="replied")

    case = request_review(city, matter, WINDOW_END)

    matter.refresh_from_db()
    # The upper level of 云中镇 is the city; the bureau records for it.
    assert (case.stage, case.organisation, case.organisation_name) == ("review", city.root, "怀仁市")
    assert (case.requested_on, case.reason, case.actor) == (WINDOW_END, "对处理意见不服", city.supervisor)
    # 30 日 after Friday 14 August: Sunday 13 September, so Monday 14 September.
    assert case.due_on == matter.review_due_on == D(2026, 9, 14)
    assert matter.status == Status.REVIEW_REQUESTED
    assert (matter.due_kind, matter.due_on) == ("review", D(2026, 9, 14))
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.REVIEW_REQUESTED,
        city.supervisor,
        Status.REPLIED,
        Status.REVIEW_REQUESTED,
        "信访人请求怀仁市复查：对处理意见不服",
    )


def test_it_lets_the_bureau_registrar_record_a_review_request(city, register):
    matter = take(city, open_matter(register), to="replied")

    case = request_review(city, matter, D(2026, 8, 3), actor=city.registrar)

    assert case.actor == city.registrar


def test_it_gives_the_review_opinion(city, register):
    matter = take(city, open_matter(register), to="review_requested")

    reply = decide_review(city, matter, outcome="explain")

    matter.refresh_from_db()
    case = matter.reconsiderations.get(stage="review")
    assert (reply.stage, reply.outcome, reply.organisation, reply.served_on, reply.author) == (
        Reply.Stage.REVIEW,
        "explain",
        city.root,
        D(2026, 8, 28),
        city.supervisor,
    )
    assert reply.text == "维持原处理意见。"
    assert case.decided_on == D(2026, 8, 28)
    assert matter.status == Status.REVIEWED
    # 30 日 after Friday 28 August end on Sunday 27 September, in the Mid-Autumn holiday: Monday 28.
    assert matter.recheck_request_due_on == D(2026, 9, 28)
    assert (matter.due_on, matter.due_kind) == (None, "")
    notice = matter.notices.get(kind="review_opinion")
    assert notice.issuer == city.root
    event = last_event(matter)
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.REVIEWED,
        Status.REVIEW_REQUESTED,
        Status.REVIEWED,
        "怀仁市出具复查意见：解释说明",
    )


def test_it_lets_the_township_review_what_its_village_answered(city, register):
    village_handler = staff(city.yunzhong_village, "dg_chengban")
    matter = take(
        city,
        open_matter(register),
        to="replied",
        unit=city.yunzhong_village,
        handler=village_handler,
    )

    case = request_review(city, matter, D(2026, 8, 3), actor=city.yunzhong_handler)
    decide_review(city, matter, actor=city.yunzhong_handler)

    matter.refresh_from_db()
    assert (case.organisation, case.organisation_name) == (city.yunzhong, "云中镇")
    assert matter.status == Status.REVIEWED
    assert matter.replies.get(stage="review").organisation == city.yunzhong
    assert matter.notices.get(kind="review_opinion").number == "云中信〔2026〕1号"


def test_it_refuses_a_review_request_on_day_31_after_the_reply_was_served(city, register):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter, "deadline"):
        request_review(city, matter, D(2026, 8, 15))


def test_it_refuses_a_review_request_received_in_the_future(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 8, 3))
    matter = take(city, open_matter(register), to="replied")

    with refused(matter, "requested_on"):
        request_review(city, matter, D(2026, 8, 4))


@pytest.mark.parametrize("status", ["transferred", "accepted"])
def test_it_refuses_a_review_before_the_reply(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        request_review(city, matter, D(2026, 8, 3))


def test_it_refuses_a_second_review_request(city, register):
    matter = take(city, open_matter(register), to="review_requested")

    with refused(matter, "status"):
        request_review(city, matter, D(2026, 8, 4))


def test_it_refuses_a_review_opinion_nobody_asked_for(city, register):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter, "status"):
        decide_review(city, matter)


def test_it_refuses_an_unknown_stage(city, register):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter, "stage"):
        services.reconsideration_request(
            actor=city.supervisor, matter=matter, stage="appeal", requested_on=WINDOW_END
        )
    with refused(matter, "stage"):
        services.reconsideration_decide(actor=city.supervisor, matter=matter, stage="appeal", **reply_parts())


def test_it_refuses_a_review_recorded_by_a_township_that_cannot_see_the_matter(city, register):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter):
        request_review(city, matter, D(2026, 8, 3), actor=city.jinshatan_handler)

    request_review(city, matter, D(2026, 8, 3))
    with refused(matter):
        decide_review(city, matter, actor=city.jinshatan_handler)


def test_it_refuses_the_unit_that_answered_recording_its_own_review(city, register):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter):
        request_review(city, matter, D(2026, 8, 3), actor=city.yunzhong_handler)

    request_review(city, matter, D(2026, 8, 3))
    with refused(matter):
        decide_review(city, matter, actor=city.yunzhong_handler)


@pytest.mark.parametrize("role", ["leader", "lawyer", "registrar"])
def test_it_refuses_a_review_opinion_from_a_role_that_does_not_answer_matters(city, register, role):
    # A reply needs a handler, a supervisor or an administrator (matter_reply); so does the opinion
    # that reviews it. The lawyer on duty sits in 怀仁市, the reviewing body, but is no staff of it.
    matter = take(city, open_matter(register), to="review_requested")

    with refused(matter):
        decide_review(city, matter, actor=getattr(city, role))


@pytest.mark.parametrize("part", ["request", "facts_and_reasons", "text", "basis", "outcome"])
def test_it_refuses_a_review_opinion_missing_a_part(city, register, part):
    matter = take(city, open_matter(register), to="review_requested")

    with refused(matter, part):
        services.reconsideration_decide(
            actor=city.supervisor,
            matter=matter,
            stage="review",
            served_on=D(2026, 8, 28),
            **reply_parts(**{part: ""}),
        )


def test_it_refuses_a_review_opinion_served_in_the_future(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 8, 27))
    matter = take(city, open_matter(register), to="review_requested")

    with refused(matter, "served_on"):
        decide_review(city, matter, served_on=D(2026, 8, 28))
