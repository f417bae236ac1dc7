"""Running the sweep again, the same day or the next, sends nothing twice and opens nothing twice."""

import datetime as dt

from minsheng.notifications.models import Notification
from minsheng.supervision.models import SupervisionItem

from .conftest import TODAY
from .sweeping import last_pk, queued, sweep


def test_it_does_nothing_new_when_run_twice_on_the_same_day(
    city, matters, django_capture_on_commit_callbacks, notification_log
):
    sweep(django_capture_on_commit_callbacks, TODAY)
    sent_lines = len(notification_log.records)

    again = sweep(django_capture_on_commit_callbacks, TODAY)

    assert (again.reminders, again.items_opened) == (0, 0)
    assert Notification.objects.filter(recipient__isnull=False).count() == 12
    assert SupervisionItem.objects.count() == 2
    assert len(notification_log.records) == sent_lines


def test_it_only_reminds_of_deadlines_that_moved_into_a_window_the_next_day(
    city, matters, django_capture_on_commit_callbacks
):
    sweep(django_capture_on_commit_callbacks, TODAY)
    before = last_pk()

    next_day = sweep(django_capture_on_commit_callbacks, TODAY + dt.timedelta(days=1))

    assert queued(since_pk=before) == {
        # Yesterday's "due today" has passed: its overdue reminder and item are new.
        ("今日到期", "duban", "in_app", "overdue"),
        ("今日到期", "duban", "sms", "overdue"),
        ("今日到期", "duban", "email", "overdue"),
        # Four days away yesterday, three today.
        ("四日后到期", "zj_chengban", "in_app", "soon"),
    }
    assert (next_day.reminders, next_day.items_opened) == (4, 1)
    assert SupervisionItem.objects.filter(matter=matters.today, due_on=TODAY).count() == 1


def test_it_does_not_reopen_an_item_the_supervisor_closed(city, matters, django_capture_on_commit_callbacks):
    from minsheng.supervision.services import supervision_item_close

    sweep(django_capture_on_commit_callbacks, TODAY)
    supervision_item_close(
        actor=city.supervisor, item=SupervisionItem.objects.get(matter=matters.overdue_1), note="已督促办结"
    )

    later = sweep(django_capture_on_commit_callbacks, TODAY + dt.timedelta(days=1))

    assert not SupervisionItem.objects.filter(matter=matters.overdue_1, closed_on__isnull=True).exists()
    assert later.items_opened == 1  # only yesterday's "due today"


def test_it_reminds_again_when_an_extension_sets_a_new_deadline(
    city, matters, django_capture_on_commit_callbacks
):
    from minsheng.petitions.models import Matter

    sweep(django_capture_on_commit_callbacks, TODAY)
    # An extension (Art 34) moves the handling deadline; the new one is a new reminder and item.
    Matter.objects.filter(pk=matters.overdue_1.pk).update(due_on=TODAY + dt.timedelta(days=2))
    before = last_pk()

    sweep(django_capture_on_commit_callbacks, TODAY)

    assert queued(since_pk=before) == {("超期一日", "zj_chengban", "in_app", "soon")}
