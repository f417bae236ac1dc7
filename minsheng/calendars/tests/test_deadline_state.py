"""Lists show on time / due soon / overdue, derived from the due date when read."""

import datetime

import pytest

from minsheng.calendars.deadlines import DEADLINE_STATE_LABELS, deadline_state

D = datetime.date
DUE = D(2026, 10, 13)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 10, 14), "overdue"),
        (D(2026, 10, 13), "due_soon"),  # the last day is still in time
        (D(2026, 10, 10), "due_soon"),  # exactly DEADLINE_DUE_SOON_DAYS (3) before
        (D(2026, 10, 9), "on_time"),
    ],
)
def test_it_derives_the_state_at_the_boundaries(today, state):
    assert deadline_state(due=DUE, today=today) == state


def test_it_has_no_state_without_a_deadline():
    assert deadline_state(due=None, today=D(2026, 10, 13)) == ""


def test_it_follows_the_due_soon_setting(settings):
    settings.DEADLINE_DUE_SOON_DAYS = 5

    assert deadline_state(due=DUE, today=D(2026, 10, 8)) == "due_soon"


def test_it_labels_each_state_in_chinese():
    assert {key: str(label) for key, label in DEADLINE_STATE_LABELS.items()} == {
        "on_time": "按期",
        "due_soon": "临期",
        "overdue": "超期",
    }
