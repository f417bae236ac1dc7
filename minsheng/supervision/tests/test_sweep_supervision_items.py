"""The sweep opens a supervision item for each matter whose current deadline has passed."""

from minsheng.supervision.models import SupervisionItem

from .conftest import TODAY
from .sweeping import sweep


def test_it_opens_one_item_per_overdue_matter(city, matters, django_capture_on_commit_callbacks):
    sweep(django_capture_on_commit_callbacks, TODAY)

    items = {item.matter_id: item for item in SupervisionItem.objects.all()}
    assert set(items) == {matters.overdue_1.pk, matters.overdue_10.pk}
    item = items[matters.overdue_10.pk]
    assert (item.kind, item.deadline_kind, item.due_on, item.opened_on) == (
        "overdue",
        "handle",
        matters.overdue_10.due_on,
        TODAY,
    )
    assert (item.opened_by, item.closed_on) == (None, None)
    assert item.note == "办理期限 2026-06-05 已届满"
    assert item.deadline_label == "办理"
