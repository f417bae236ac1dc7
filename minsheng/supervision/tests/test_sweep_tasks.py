"""The sweep opens a supervision item for each overdue meeting task and instruction task — once, however
often it runs — tells the task's unit once, and leaves closed and current tasks alone."""

import datetime as dt

import pytest

from minsheng.instructions.services import instruction_create
from minsheng.meetings import services as meetings
from minsheng.meetings.models import MeetingTask
from minsheng.notifications.models import Notification
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import deadlines_sweep

D = dt.date
HELD = D(2026, 6, 10)


@pytest.fixture
def tasks(city):
    """Three decisions of one meeting: 云中镇's due 20 June, 住建局's due 30 June, 金沙滩镇's due
    20 June but already closed."""
    meeting = meetings.meeting_record(
        actor=city.supervisor,
        held_on=HELD,
        kind="regular",
        title="第二季度信访工作例会",
        minutes="研究部署第二季度信访积案化解工作。",
        chair_name="张明 市政府副市长",
        decisions=[
            meetings.Decision(text="化解东关村积案", organisation=city.yunzhong, due_on=D(2026, 6, 20)),
            meetings.Decision(text="排查小区物业纠纷", organisation=city.housing, due_on=D(2026, 6, 30)),
            meetings.Decision(text="回访西村信访人", organisation=city.jinshatan, due_on=D(2026, 6, 20)),
        ],
    )
    done = meeting.tasks.get(organisation=city.jinshatan)
    meetings.meeting_task_feedback(actor=city.jinshatan_handler, task=done, text="已回访", on=D(2026, 6, 18))
    meetings.meeting_task_close(actor=city.supervisor, task=done, on=D(2026, 6, 19))
    return {t.organisation_id: t for t in meeting.tasks.all()}


def test_it_opens_one_item_per_overdue_meeting_task(city, tasks):
    first = deadlines_sweep(today=D(2026, 6, 21))
    again = deadlines_sweep(today=D(2026, 6, 22))

    item = SupervisionItem.objects.get()
    assert (first.items_opened, again.items_opened) == (1, 0)
    assert item.meeting_task == tasks[city.yunzhong.pk]
    assert (item.matter, item.kind, item.deadline_kind, item.due_on) == (
        None,
        "overdue",
        "meeting_task",
        D(2026, 6, 20),
    )
    assert (item.organisation, item.opened_on, item.category) == (
        city.yunzhong,
        D(2026, 6, 21),
        "meeting_task_overdue",
    )
    assert item.note == "2026年6月10日联席会议（例会）决定事项第 1 项，完成期限 2026-06-20 已届满"
    told = Notification.objects.filter(dedupe_key__startswith=f"meeting_task:{item.meeting_task_id}:overdue")
    assert [(n.recipient.username, n.channel) for n in told] == [("yz_chengban", "in_app")]


def test_it_opens_nothing_for_a_task_closed_or_not_yet_due(city, tasks):
    deadlines_sweep(today=D(2026, 6, 20))

    assert not SupervisionItem.objects.exists()


def test_it_opens_a_new_item_when_a_returned_task_runs_late_again(city, tasks):
    deadlines_sweep(today=D(2026, 7, 1))

    assert set(SupervisionItem.objects.values_list("meeting_task__organisation__name", flat=True)) == {
        "云中镇",
        "怀仁市住房和城乡建设局",
    }
    MeetingTask.objects.filter(pk=tasks[city.housing.pk].pk).update(due_on=D(2026, 7, 15))
    deadlines_sweep(today=D(2026, 7, 16))
    assert SupervisionItem.objects.filter(meeting_task=tasks[city.housing.pk]).count() == 2


def test_it_opens_one_item_per_overdue_instruction_task(city, register):
    instruction = instruction_create(
        actor=city.supervisor,
        leader=city.leader,
        text="请云中镇、住建局尽快解决东关村安置房漏水问题",
        issued_on=D(2026, 6, 1),
        due_on=D(2026, 6, 15),
        units=[city.yunzhong, city.housing],
    )

    first = deadlines_sweep(today=D(2026, 6, 16))
    again = deadlines_sweep(today=D(2026, 6, 17))

    items = SupervisionItem.objects.order_by("organisation__name")
    assert (first.items_opened, again.items_opened) == (2, 0)
    assert [(i.organisation.name, i.deadline_kind, i.category) for i in items] == [
        ("云中镇", "instruction_task", "instruction_overdue"),
        ("怀仁市住房和城乡建设局", "instruction_task", "instruction_overdue"),
    ]
    assert {i.instruction_task.instruction for i in items} == {instruction}
    assert items[0].note == f"领导批示 {instruction.number} 办理期限 2026-06-15 已届满"
