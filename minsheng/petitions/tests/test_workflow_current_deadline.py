"""After every step `due_on` / `due_kind` hold the deadline that applies now, and deadline_state derives
on time / due soon / overdue from them."""

import pytest

from minsheng.calendars.deadlines import DUE_SOON, ON_TIME, OVERDUE, deadline_state
from minsheng.petitions import services
from minsheng.petitions.models import Matter

from .workflow_steps import D, open_matter, take

# The default life of a matter (see workflow_steps) and what applies after each step.
EXPECTED = [
    ("registered", "route", D(2026, 6, 9)),
    ("transferred", "accept", D(2026, 6, 11)),
    ("accepted", "handle", D(2026, 7, 31)),
    ("replied", "", None),
    ("review_requested", "review", D(2026, 9, 2)),
    ("reviewed", "", None),
    ("recheck_requested", "recheck", D(2026, 10, 10)),
    ("final", "", None),
]


@pytest.mark.parametrize(("status", "kind", "due"), EXPECTED, ids=[row[0] for row in EXPECTED])
def test_it_holds_the_deadline_that_applies_after_each_step(city, register, status, kind, due):
    matter = take(city, open_matter(register), to=status)

    assert matter.status == status
    assert (matter.due_kind, matter.due_on) == (kind, due)


def test_it_moves_the_current_deadline_step_by_step(city, register):
    # The same walk on one matter, so that each step is seen to replace the one before.
    matter = open_matter(register)
    seen = [(matter.due_kind, matter.due_on)]
    for status, _kind, _due in EXPECTED[1:]:
        matter = take(city, matter, to=status)
        seen.append((matter.due_kind, matter.due_on))

    assert seen == [(kind, due) for _status, kind, due in EXPECTED]


def test_it_has_no_current_deadline_after_a_diversion_a_rejection_or_closing(city, register):
    diverted = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=diverted,
        kind="divert",
        route="administrative",
        guidance="怀仁市人民政府（申请行政复议）",
        routed_on=D(2026, 5, 27),
    )
    rejected = take(city, open_matter(register), to="transferred")
    services.matter_reject(actor=city.yunzhong_handler, matter=rejected, reason="已终结", on=D(2026, 5, 29))
    closed = take(city, open_matter(register), to="replied")
    services.matter_close(actor=city.supervisor, matter=closed, on=D(2026, 8, 15))

    for matter in (diverted, rejected, closed):
        matter.refresh_from_db()
        assert (matter.due_kind, matter.due_on) == ("", None), matter.status


def test_it_is_on_time_due_soon_and_overdue_around_the_handling_deadline(city, register):
    matter = take(city, open_matter(register), to="accepted")
    due = matter.due_on
    assert due == D(2026, 7, 31)

    assert deadline_state(due=due, today=D(2026, 6, 1)) == ON_TIME
    assert deadline_state(due=due, today=D(2026, 7, 27)) == ON_TIME
    # DEADLINE_DUE_SOON_DAYS is 3: from 28 July, and on the due day itself, which is still in time.
    assert deadline_state(due=due, today=D(2026, 7, 28)) == DUE_SOON
    assert deadline_state(due=due, today=D(2026, 7, 31)) == DUE_SOON
    assert deadline_state(due=due, today=D(2026, 8, 1)) == OVERDUE


def test_it_gives_no_state_when_no_deadline_applies(city, register):
    matter = take(city, open_matter(register), to="replied")

    assert deadline_state(due=matter.due_on, today=D(2026, 7, 20)) == ""


def test_it_makes_an_overdue_acceptance_on_time_again_once_accepted(city, register):
    matter = take(city, open_matter(register), to="transferred")
    late = D(2026, 6, 12)
    assert deadline_state(due=matter.due_on, today=late) == OVERDUE

    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=late)

    matter.refresh_from_db()
    assert (matter.due_kind, matter.due_on) == ("handle", D(2026, 8, 11))
    assert deadline_state(due=matter.due_on, today=late) == ON_TIME


def test_it_is_overdue_at_the_bureau_after_an_objection_left_unrouted(city, register):
    matter = take(city, open_matter(register), to="transferred")
    services.matter_object(actor=city.yunzhong_handler, matter=matter, reason="不属于本镇", on=D(2026, 6, 3))

    matter.refresh_from_db()
    # Back at the bureau on 3 June: 15 日 to route it again, until Thursday 18 June.
    assert (matter.status, matter.due_kind, matter.due_on) == (
        Matter.Status.REGISTERED,
        "route",
        D(2026, 6, 18),
    )
    assert deadline_state(due=matter.due_on, today=D(2026, 6, 16)) == DUE_SOON
    assert deadline_state(due=matter.due_on, today=D(2026, 6, 19)) == OVERDUE


def test_it_shows_a_hearing_keeping_the_recheck_on_time(city, register):
    matter = take(city, open_matter(register), to="recheck_requested")
    assert deadline_state(due=matter.due_on, today=D(2026, 10, 12)) == OVERDUE

    services.recheck_hearing_record(actor=city.supervisor, matter=matter, days=15)

    matter.refresh_from_db()
    assert deadline_state(due=matter.due_on, today=D(2026, 10, 12)) == ON_TIME
