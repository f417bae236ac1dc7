"""Opening a supervision item is idempotent; closing one is for supervisors and happens once."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, take
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import supervision_item_close, supervision_item_open

DUE = dt.date(2026, 6, 9)


@pytest.fixture
def matter(register):
    return open_matter(register)


def test_it_opens_one_item_per_overdue_deadline(city, matter):
    first, created = supervision_item_open(matter=matter, kind="overdue", deadline_kind="route", due_on=DUE)
    again, created_again = supervision_item_open(
        matter=matter, kind="overdue", deadline_kind="route", due_on=DUE
    )
    other, created_other = supervision_item_open(
        matter=matter, kind="overdue", deadline_kind="route", due_on=DUE + dt.timedelta(days=30)
    )

    assert (created, created_again, created_other) == (True, False, True)
    assert again == first and other != first
    assert SupervisionItem.objects.count() == 2


def test_it_refuses_an_item_without_what_it_is_about(city, matter):
    with pytest.raises(ValueError):
        supervision_item_open(matter=matter, kind="overdue", deadline_kind="route")
    with pytest.raises(ValueError):
        supervision_item_open(matter=matter, kind="unsatisfied")
    assert not SupervisionItem.objects.exists()


def test_it_refuses_to_open_an_item_for_someone_who_cannot_see_the_matter(city, register):
    matter = take(city, open_matter(register), to=Matter.Status.REPLIED)

    with pytest.raises(PermissionDenied):
        supervision_item_open(
            matter=matter, kind="unsatisfied", reply=matter.replies.get(), actor=city.jinshatan_handler
        )


def test_it_closes_an_item_once(city, matter):
    item, _ = supervision_item_open(matter=matter, kind="overdue", deadline_kind="route", due_on=DUE)

    supervision_item_close(actor=city.supervisor, item=item, note="已督促转送", on=DUE)

    item.refresh_from_db()
    assert (item.closed_on, item.closed_by, item.close_note) == (DUE, city.supervisor, "已督促转送")
    with pytest.raises(ValidationError, match="该督办事项已于 2026-06-09 办结"):
        supervision_item_close(actor=city.supervisor, item=item)


@pytest.mark.parametrize("who", ["leader", "registrar", "yunzhong_handler"])
def test_it_lets_only_supervisors_and_administrators_close(city, matter, who):
    item, _ = supervision_item_open(matter=matter, kind="overdue", deadline_kind="route", due_on=DUE)

    with pytest.raises(PermissionDenied):
        supervision_item_close(actor=getattr(city, who), item=item)

    item.refresh_from_db()
    assert item.closed_on is None
