"""Assigning a lawyer and the lawyer's conflict-of-interest declaration (利益冲突声明)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.legal import services
from minsheng.legal.models import LawyerAssignment, LegalEvent
from minsheng.notifications.models import Notification
from minsheng.petitions.models import MatterEvent

Status = LawyerAssignment.Status


def test_an_assignment_waits_for_the_declaration_and_tells_the_lawyer(city, claim, firm, assigned):
    assert assigned.status == Status.PENDING
    assert assigned.organisation == city.bureau and assigned.assigned_by == city.supervisor
    event = MatterEvent.objects.get(matter=claim, kind=LegalEvent.LAWYER_ASSIGNED)
    assert "指派律师 张明律师 参与，待其作出利益冲突声明" in event.note
    message = Notification.objects.get(recipient=firm.zhang)
    # Named by number only: the lawyer has not declared yet.
    assert claim.number in message.subject and claim.title not in message.body


def test_declaring_no_conflict_needs_the_confirmation_and_opens_the_assignment(claim, firm, assigned):
    with pytest.raises(ValidationError) as caught:
        services.conflict_declaration_record(actor=firm.zhang, assignment=assigned, has_conflict=False)
    assert caught.value.message_dict["confirmed"] == ["请阅读并勾选确认无利益冲突的声明"]
    assigned.refresh_from_db()
    assert assigned.status == Status.PENDING and assigned.declared_at is None

    done = services.conflict_declaration_record(
        actor=firm.zhang, assignment=assigned, has_conflict=False, confirmed=True
    )

    assert done.status == Status.ACTIVE and done.declared_at is not None
    assert done.declaration == services.NO_CONFLICT_STATEMENT
    assert MatterEvent.objects.filter(matter=claim, kind=LegalEvent.LAWYER_DECLARED).count() == 1


def test_a_declared_conflict_ends_the_assignment_and_asks_for_another_lawyer(city, claim, firm, assigned):
    done = services.conflict_declaration_record(
        actor=firm.zhang, assignment=assigned, has_conflict=True, relation="本人系东关村村委会的常年法律顾问"
    )

    assert done.status == Status.CONFLICT and done.ended_at is not None
    assert done.declaration == "本人系东关村村委会的常年法律顾问"
    event = MatterEvent.objects.get(matter=claim, kind=LegalEvent.LAWYER_CONFLICT)
    assert "已回避" in event.note and "法律顾问" not in event.note
    message = Notification.objects.get(recipient=city.supervisor)
    assert "需另行指派律师" in message.subject
    with pytest.raises(ValidationError) as caught:
        services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.zhang)
    assert caught.value.message_dict["lawyer"] == ["张明律师 已声明与该事项存在利益冲突，请指派其他律师"]
    other = services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.wang)
    assert other.status == Status.PENDING


def test_a_conflict_without_the_relation_is_refused(firm, assigned):
    with pytest.raises(ValidationError) as caught:
        services.conflict_declaration_record(
            actor=firm.zhang, assignment=assigned, has_conflict=True, relation=" "
        )

    assert caught.value.message_dict["relation"] == ["请填写利害关系"]
    assigned.refresh_from_db()
    assert assigned.status == Status.PENDING


def test_a_declaration_is_made_once(firm, active):
    with pytest.raises(ValidationError) as caught:
        services.conflict_declaration_record(
            actor=firm.zhang, assignment=active, has_conflict=True, relation="后来发现的关系"
        )
    assert "不能再作声明" in caught.value.message_dict["has_conflict"][0]


@pytest.mark.parametrize("who", ["wang", "supervisor"])
def test_only_the_assigned_lawyer_declares(city, firm, assigned, who):
    actor = getattr(firm, who, None) or getattr(city, who)
    with pytest.raises(PermissionDenied):
        services.conflict_declaration_record(
            actor=actor, assignment=assigned, has_conflict=False, confirmed=True
        )


def test_one_open_assignment_per_lawyer_and_matter(city, claim, firm, active):
    with pytest.raises(ValidationError) as caught:
        services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.zhang)

    assert caught.value.message_dict["lawyer"] == ["张明律师 已被指派参与该事项"]
    services.lawyer_assignment_end(actor=city.supervisor, assignment=active, reason="法律意见已出具")
    again = services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.zhang)
    assert again.status == Status.PENDING
    assert LawyerAssignment.objects.filter(matter=claim, lawyer=firm.zhang).count() == 2


def test_ending_needs_a_reason_and_happens_once(city, claim, firm, active):
    with pytest.raises(ValidationError):
        services.lawyer_assignment_end(actor=city.supervisor, assignment=active, reason="")
    with pytest.raises(PermissionDenied):
        services.lawyer_assignment_end(actor=firm.zhang, assignment=active, reason="我不想做了")

    ended = services.lawyer_assignment_end(
        actor=city.supervisor, assignment=active, reason="改由王芳律师参与"
    )

    assert ended.status == Status.ENDED and ended.end_reason == "改由王芳律师参与"
    assert "改由王芳律师参与" in MatterEvent.objects.get(matter=claim, kind=LegalEvent.LAWYER_ENDED).note
    with pytest.raises(ValidationError):
        services.lawyer_assignment_end(actor=city.supervisor, assignment=ended, reason="再次结束")


def test_no_lawyer_for_an_accusation(city, firm, accusation):
    with pytest.raises(ValidationError) as caught:
        services.lawyer_assignment_create(actor=city.supervisor, matter=accusation, lawyer=firm.zhang)

    assert caught.value.message_dict["matter"] == ["检举控告类事项不指派律师（第三十条）"]
    assert LawyerAssignment.objects.count() == 0


def test_only_a_lawyer_can_be_assigned(city, claim):
    with pytest.raises(ValidationError) as caught:
        services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=city.housing_handler)

    assert caught.value.message_dict["lawyer"] == ["zj_chengban 不是在册的律师"]


@pytest.mark.parametrize("who", ["registrar", "yunzhong_handler", "leader", "lawyer"])
def test_only_the_bureaus_supervisor_assigns(city, claim, firm, who):
    with pytest.raises(PermissionDenied):
        services.lawyer_assignment_create(actor=getattr(city, who), matter=claim, lawyer=firm.zhang)
    assert LawyerAssignment.objects.count() == 0
    assert not MatterEvent.objects.filter(kind=LegalEvent.LAWYER_ASSIGNED).exists()


def test_an_overlong_request_is_refused(city, claim, firm):
    with pytest.raises(ValidationError) as caught:
        services.lawyer_assignment_create(
            actor=city.supervisor, matter=claim, lawyer=firm.zhang, request="字" * 2001
        )

    assert caught.value.message_dict["request"] == ["指派事由不能超过 2000 个字"]
    assert LawyerAssignment.objects.count() == 0
