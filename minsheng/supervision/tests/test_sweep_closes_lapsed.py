"""The daily sweep closes a matter once the petitioner's window to ask for review or recheck has passed."""

import datetime as dt

import pytest

from minsheng.petitions.models import Matter, MatterEvent
from minsheng.petitions.tests.workflow_steps import open_matter, take
from minsheng.supervision.services import deadlines_sweep


@pytest.mark.parametrize(
    ("stage", "window"), [("replied", "review_request_due_on"), ("reviewed", "recheck_request_due_on")]
)
def test_it_closes_after_the_window_and_not_before(city, register, stage, window):
    matter = take(city, open_matter(register), to=stage)
    last_day = getattr(matter, window)

    assert deadlines_sweep(today=last_day).closed == 0
    matter.refresh_from_db()
    assert matter.status == stage

    report = deadlines_sweep(today=last_day + dt.timedelta(days=1))

    matter.refresh_from_db()
    assert report.closed == 1
    assert matter.status == Matter.Status.CLOSED
    assert matter.closed_on == last_day + dt.timedelta(days=1)
    event = matter.events.latest("at")
    assert (event.kind, event.actor, event.from_status) == (MatterEvent.Kind.CLOSED, None, stage)
    assert deadlines_sweep(today=last_day + dt.timedelta(days=2)).closed == 0


def test_it_leaves_a_matter_under_review_open(city, register):
    matter = take(city, open_matter(register), to="review_requested")

    deadlines_sweep(today=matter.review_request_due_on + dt.timedelta(days=5))

    matter.refresh_from_db()
    assert matter.status == Matter.Status.REVIEW_REQUESTED
