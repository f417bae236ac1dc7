"""Recording a meeting keeps who met, the matters discussed, the minutes and each decision as a task;
the matters' timelines name the meeting and each owning unit is told."""

from minsheng.meetings.models import JointMeeting
from minsheng.notifications.models import Notification
from minsheng.petitions.models import MatterEvent
from minsheng.petitions.tests.workflow_steps import open_matter

from .conftest import DUE_ON, HELD_ON, decision, record


def test_it_records_the_meeting_with_its_people_matters_and_decisions(city, matter, meeting):
    assert (meeting.held_on, meeting.kind, meeting.organisation, meeting.recorded_by) == (
        HELD_ON,
        "special",
        city.bureau,
        city.supervisor,
    )
    assert meeting.chair_name == "lingdao"
    assert [str(a) for a in meeting.attendees.all()] == [
        "yz_chengban（云中镇）",
        "zj_chengban（住建局）",
        "王建国（东关村党支部书记）",
    ]
    assert list(meeting.discussed.values_list("matter", flat=True)) == [matter.pk]
    task = meeting.tasks.get()
    assert (task.position, task.kind, task.organisation, task.due_on, task.status) == (
        1,
        "task",
        city.yunzhong,
        DUE_ON,
        "open",
    )
    assert meeting.label == "2026年6月10日联席会议（专题会议）"


def test_it_writes_the_meeting_on_the_timeline_of_each_matter_discussed(city, register, matter, meeting):
    event = MatterEvent.objects.get(matter=matter, kind="joint_meeting")

    assert event.note == (
        "2026年6月10日联席会议（专题会议）研究该事项：研究东关村征地补偿款发放问题。"
        "会议决定：对补偿款发放情况进行核查，限期发放到户（云中镇，2026-06-30 前）"
    )
    assert (event.actor, event.data["meeting"]) == (city.supervisor, meeting.pk)


def test_it_adds_a_matter_named_only_in_a_decision_to_the_matters_discussed(city, register):
    other = open_matter(register, title="安置房漏水")

    meeting = record(city, decisions=[decision(city.housing, matter_number=other.number)])

    assert list(meeting.discussed.values_list("matter", flat=True)) == [other.pk]
    assert meeting.tasks.get().matter == other


def test_it_tells_the_owning_unit_and_the_person_named(city, meeting):
    task = meeting.tasks.get()

    told = Notification.objects.filter(dedupe_key__startswith=f"meeting_task:{task.pk}:assigned")

    assert {(n.recipient.username, n.channel) for n in told} == {("yz_chengban", "in_app")}
    assert "请于 2026-06-30 前反馈办理情况" in told.get().body


def test_it_takes_the_chair_name_as_written_for_a_chair_without_an_account(city):
    meeting = record(city, chair=None, chair_name="张明 市政府副市长")

    assert (meeting.chair, meeting.chair_name) == (None, "张明 市政府副市长")


def test_it_lets_a_township_hold_its_own_meeting(city, register):
    local = open_matter(
        register, actor=city.yunzhong_registrar, receiving_org=city.yunzhong, title="村道损坏"
    )

    meeting = record(
        city,
        actor=city.yunzhong_handler,
        kind="regular",
        matter_numbers=[local.number],
        decisions=[decision(city.yunzhong_village, text="东关村修复村道")],
    )

    assert meeting.organisation == city.yunzhong
    assert JointMeeting.objects.filter(organisation=city.yunzhong).count() == 1
