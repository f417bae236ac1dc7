"""Helpers of the sweep tests: run the sweep as the daily job does, and read back what it queued."""

from minsheng.notifications.models import Notification
from minsheng.supervision.services import deadlines_sweep


def sweep(capture, today):
    """Run the sweep and the sends that follow its commits."""
    with capture(execute=True):
        return deadlines_sweep(today=today)


def queued(since_pk: int = 0) -> set[tuple[str, str, str, str]]:
    """(matter title, recipient, channel, soon|overdue) of every message to staff queued after `since_pk`
    (the workflow also texts petitioners, who have no account)."""
    rows = Notification.objects.filter(pk__gt=since_pk, recipient__isnull=False).select_related(
        "matter", "recipient"
    )
    return {(n.matter.title, n.recipient.username, n.channel, n.dedupe_key.split(":")[4]) for n in rows}


def last_pk() -> int:
    return Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
