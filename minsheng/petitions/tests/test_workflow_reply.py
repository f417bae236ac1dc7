"""Art 32: the 信访处理意见书 states the request, the facts and reasons, the opinion and its legal basis,
with an outcome; once served, the petitioner has 30 days to ask for a review (Art 35)."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Reply

from .workflow_steps import D, last_event, open_matter, refused, reply_parts, set_today, take

Status = Matter.Status
SERVED = D(2026, 7, 15)
PARTS = ["request", "facts_and_reasons", "text", "basis"]


@pytest.mark.parametrize(
    ("outcome", "label"), [("support", "支持"), ("explain", "解释说明"), ("not_support", "不支持")]
)
def test_it_replies_with_all_four_parts_and_an_outcome(city, register, outcome, label):
    matter = take(city, open_matter(register), to="accepted")

    reply = services.matter_reply(
        actor=city.yunzhong_handler, matter=matter, served_on=SERVED, **reply_parts(outcome=outcome)
    )

    matter.refresh_from_db()
    expected = reply_parts(outcome=outcome)
    assert {part: getattr(reply, part) for part in [*PARTS, "outcome"]} == expected
    assert (reply.stage, reply.served_on, reply.organisation, reply.author) == (
        Reply.Stage.HANDLING,
        SERVED,
        city.yunzhong,
        city.yunzhong_handler,
    )
    assert matter.status == Status.REPLIED
    # 30 日 after the reply was served on Wednesday 15 July 2026: Friday 14 August.
    assert matter.review_request_due_on == D(2026, 8, 14)
    assert matter.notices.filter(kind="reply_opinion").count() == 1
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.REPLIED,
        city.yunzhong_handler,
        Status.ACCEPTED,
        Status.REPLIED,
        f"出具信访处理意见书：{label}",
    )


def test_it_strips_the_parts_of_the_reply(city, register):
    matter = take(city, open_matter(register), to="accepted")

    reply = services.matter_reply(
        actor=city.yunzhong_handler,
        matter=matter,
        served_on=SERVED,
        **reply_parts(request="  请求发放补偿款 \n"),
    )

    assert reply.request == "请求发放补偿款"


def test_it_serves_the_reply_today_when_no_day_is_given(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(city, open_matter(register), to="accepted")

    reply = services.matter_reply(actor=city.yunzhong_handler, matter=matter, **reply_parts())

    matter.refresh_from_db()
    assert reply.served_on == D(2026, 7, 20)
    assert matter.review_request_due_on == D(2026, 8, 19)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("value", ["", "   "])
def test_it_refuses_a_reply_missing_a_part(city, register, part, value):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, part) as caught:
        services.matter_reply(
            actor=city.yunzhong_handler, matter=matter, served_on=SERVED, **reply_parts(**{part: value})
        )

    assert set(caught.value.message_dict) == {part}


@pytest.mark.parametrize("outcome", ["", "partly", None])
def test_it_refuses_a_reply_without_a_known_outcome(city, register, outcome):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "outcome"):
        services.matter_reply(
            actor=city.yunzhong_handler, matter=matter, served_on=SERVED, **reply_parts(outcome=outcome)
        )


def test_it_names_every_missing_part_at_once(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "request") as caught:
        services.matter_reply(
            actor=city.yunzhong_handler,
            matter=matter,
            served_on=SERVED,
            request="",
            facts_and_reasons="",
            text="",
            basis="",
            outcome="",
        )

    assert set(caught.value.message_dict) == {*PARTS, "outcome"}


@pytest.mark.parametrize("status", ["transferred", "assigned", "replied"])
def test_it_refuses_a_reply_unless_the_matter_was_accepted(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        services.matter_reply(actor=city.yunzhong_handler, matter=matter, served_on=SERVED, **reply_parts())


def test_it_refuses_a_reply_from_another_unit(city, register):
    matter = take(city, open_matter(register, concerned_org=city.jinshatan), to="accepted")

    with refused(matter):
        services.matter_reply(actor=city.jinshatan_handler, matter=matter, served_on=SERVED, **reply_parts())


def test_it_refuses_a_reply_from_a_unit_that_cannot_see_the_matter(city, register):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter):
        services.matter_reply(actor=city.housing_handler, matter=matter, served_on=SERVED, **reply_parts())


@pytest.mark.parametrize("role", ["leader", "lawyer", "yunzhong_registrar"])
def test_it_refuses_a_reply_from_a_role_that_does_not_handle_matters(city, register, role):
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter):
        services.matter_reply(actor=getattr(city, role), matter=matter, served_on=SERVED, **reply_parts())


def test_it_refuses_a_reply_served_in_the_future(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(city, open_matter(register), to="accepted")

    with refused(matter, "served_on"):
        services.matter_reply(
            actor=city.yunzhong_handler, matter=matter, served_on=D(2026, 7, 21), **reply_parts()
        )
