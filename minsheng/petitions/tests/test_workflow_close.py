"""A replied or reviewed matter is closed once the petitioner's window to ask further has lapsed."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent

from .workflow_steps import ANY_FIELD, D, last_event, open_matter, refused, set_today, take

Status = Matter.Status
# Reply served 15 July 2026: review window until 14 August. Review served 28 August: recheck window
# until 28 September (day 30, 27 September, falls in the Mid-Autumn holiday).
REVIEW_WINDOW_END = D(2026, 8, 14)
RECHECK_WINDOW_END = D(2026, 9, 28)


def test_it_closes_a_replied_matter_the_day_after_the_review_window(city, register):
    matter = take(city, open_matter(register), to="replied")

    services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 8, 15))

    matter.refresh_from_db()
    assert matter.status == Status.CLOSED
    assert matter.closed_on == D(2026, 8, 15)
    assert (matter.due_on, matter.due_kind) == (None, "")
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status, event.note) == (
        MatterEvent.Kind.CLOSED,
        city.supervisor,
        Status.REPLIED,
        Status.CLOSED,
        "请求期限届满，未申请复查或复核，办结",
    )


def test_it_closes_a_reviewed_matter_after_the_recheck_window(city, register):
    matter = take(city, open_matter(register), to="reviewed")

    services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 9, 29))

    matter.refresh_from_db()
    assert (matter.status, matter.closed_on) == (Status.CLOSED, D(2026, 9, 29))
    assert last_event(matter).from_status == Status.REVIEWED


def test_it_lets_the_periodic_sweep_close_a_matter_without_an_actor(city, register):
    matter = take(city, open_matter(register), to="replied")

    services.matter_close(actor=None, matter=matter, on=D(2026, 8, 17))

    matter.refresh_from_db()
    assert matter.status == Status.CLOSED
    event = last_event(matter)
    assert (event.actor, event.organisation) == (None, None)


def test_it_closes_on_today_when_no_day_is_given(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 8, 20))
    matter = take(city, open_matter(register), to="replied")

    services.matter_close(actor=city.supervisor, matter=matter)

    matter.refresh_from_db()
    assert matter.closed_on == D(2026, 8, 20)


@pytest.mark.parametrize(
    ("to", "last_day"), [("replied", REVIEW_WINDOW_END), ("reviewed", RECHECK_WINDOW_END)]
)
def test_it_refuses_to_close_while_the_petitioner_may_still_ask(city, register, to, last_day):
    matter = take(city, open_matter(register), to=to)

    with refused(matter, "deadline"):
        services.matter_close(actor=city.supervisor, matter=matter, on=last_day)


@pytest.mark.parametrize(
    "status", ["registered", "transferred", "accepted", "review_requested", "recheck_requested", "final"]
)
def test_it_refuses_to_close_a_matter_in_any_other_state(city, register, status):
    matter = take(city, open_matter(register), to=status)

    with refused(matter, "status"):
        services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 11, 20))


def test_it_refuses_to_close_a_closed_matter_again(city, register):
    matter = take(city, open_matter(register), to="replied")
    services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 8, 15))

    with refused(matter, "status"):
        services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 8, 16))


@pytest.mark.parametrize("role", ["registrar", "yunzhong_handler", "leader"])
def test_it_lets_only_the_bureau_close_a_matter(city, register, role):
    matter = take(city, open_matter(register), to="replied")

    with refused(matter):
        services.matter_close(actor=getattr(city, role), matter=matter, on=D(2026, 8, 15))


def test_it_refuses_to_close_on_a_day_that_has_not_come_yet(city, register, monkeypatch):
    # Today the review window is still open; dating the closing after it must not get round that.
    set_today(monkeypatch, D(2026, 8, 3))
    matter = take(city, open_matter(register), to="replied")

    with refused(matter, ANY_FIELD):
        services.matter_close(actor=city.supervisor, matter=matter, on=D(2026, 8, 15))
