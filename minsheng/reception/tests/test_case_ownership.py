"""Case ownership (包案): one active owner per matter, released with a note when solved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from minsheng.petitions.models import Matter
from minsheng.reception.models import CaseOwnership
from minsheng.reception.selectors import matter_reception_box, my_reception
from minsheng.reception.services import case_ownership_assign, case_ownership_release


@pytest.fixture
def matter(register):
    return register().matter


def test_a_supervisor_makes_a_leader_the_owner_of_a_matter(city, leaders, matter):
    ownership = case_ownership_assign(
        actor=city.supervisor, matter=matter, leader=leaders.wang, note="每周听取进展"
    )

    assert ownership.is_active and ownership.assigned_on == timezone.localdate()
    event = matter.events.get(kind="case_owned")
    assert "王建华（市委副书记）" in event.note and "每周听取进展" in event.note
    assert [m.pk for m in my_reception(user=leaders.wang).owned] == [matter.pk]
    box = matter_reception_box(matter=matter, user=city.supervisor)
    assert box["owner"] == ownership and not box["can_assign"] and box["can_release"]


def test_a_matter_has_one_active_owner(city, leaders, matter):
    case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.wang)

    with pytest.raises(ValidationError) as caught:
        case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.zhao)

    assert caught.value.message_dict["matter"] == ["该事项已由 王建华 包案；如需更换，请先解除"]
    assert CaseOwnership.objects.count() == 1


def test_the_database_refuses_a_second_active_owner(city, leaders, matter):
    CaseOwnership.objects.create(matter=matter, leader=leaders.wang, assigned_on=timezone.localdate())

    with pytest.raises(IntegrityError), transaction.atomic():
        CaseOwnership.objects.create(matter=matter, leader=leaders.zhao, assigned_on=timezone.localdate())


def test_a_released_ownership_leaves_room_for_a_new_owner(city, leaders, matter):
    first = case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.wang)

    case_ownership_release(actor=city.supervisor, ownership=first, note="问题已解决，信访人息访")
    second = case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.zhao)

    first.refresh_from_db()
    assert first.released_on == timezone.localdate() and first.release_note == "问题已解决，信访人息访"
    assert second.is_active
    assert "解除 王建华（市委副书记） 的包案：问题已解决" in matter.events.get(kind="case_released").note
    assert my_reception(user=leaders.wang).owned == []


def test_the_owner_may_release_their_own_matter_but_not_another_leader(city, leaders, matter):
    ownership = case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.wang)

    with pytest.raises(PermissionDenied):
        case_ownership_release(actor=leaders.zhao, ownership=ownership, note="不是我的")
    case_ownership_release(actor=leaders.wang, ownership=ownership, note="已解决")

    ownership.refresh_from_db()
    assert ownership.released_by == leaders.wang


def test_a_release_needs_a_note_and_happens_once(city, leaders, matter):
    ownership = case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.wang)

    with pytest.raises(ValidationError) as caught:
        case_ownership_release(actor=city.supervisor, ownership=ownership, note="  ")
    assert caught.value.message_dict["note"] == ["请填写解除说明"]
    case_ownership_release(actor=city.supervisor, ownership=ownership, note="已解决")
    with pytest.raises(ValidationError) as caught:
        case_ownership_release(actor=city.supervisor, ownership=ownership, note="再次解除")
    assert "已于" in caught.value.message_dict["__all__"][0]


def test_only_a_supervisor_assigns_and_only_a_leader_owns(city, leaders, matter):
    for actor in (city.registrar, leaders.wang, city.yunzhong_handler):
        with pytest.raises(PermissionDenied):
            case_ownership_assign(actor=actor, matter=matter, leader=leaders.wang)
    with pytest.raises(ValidationError) as caught:
        case_ownership_assign(actor=city.supervisor, matter=matter, leader=city.housing_handler)
    assert "不是领导机关的领导" in caught.value.message_dict["leader"][0]
    assert not CaseOwnership.objects.exists()


def test_a_closed_matter_is_not_assigned(city, leaders, matter):
    Matter.objects.filter(pk=matter.pk).update(status=Matter.Status.CLOSED)

    with pytest.raises(ValidationError) as caught:
        case_ownership_assign(actor=city.supervisor, matter=matter, leader=leaders.wang)

    assert caught.value.message_dict["matter"] == ["该事项已办结，无需包案"]
