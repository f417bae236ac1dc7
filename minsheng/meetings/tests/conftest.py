"""A meeting held on 10 June 2026 at the bureau, and helpers to record others like it."""

import datetime as dt

import pytest

from minsheng.meetings import services
from minsheng.meetings.models import JointMeeting, MeetingTask
from minsheng.notifications.tests.logs import notification_log  # noqa: F401  (a fixture)
from minsheng.petitions.tests.workflow_steps import open_matter

HELD_ON = dt.date(2026, 6, 10)
DUE_ON = dt.date(2026, 6, 30)


def decision(unit, text="对补偿款发放情况进行核查，限期发放到户", **fields) -> services.Decision:
    fields.setdefault("due_on", DUE_ON)
    return services.Decision(text=text, organisation=unit, **fields)


def record(city, actor=None, **fields) -> JointMeeting:
    """Record a meeting through the service; any argument can be overridden."""
    defaults = {
        "held_on": HELD_ON,
        "kind": JointMeeting.Kind.SPECIAL,
        "title": "研究东关村征地补偿款发放问题",
        "minutes": "会议听取了云中镇关于东关村征地补偿款发放情况的汇报，研究了处理意见。",
        "chair": city.leader,
    }
    defaults.update(fields)
    return services.meeting_record(actor=actor or city.supervisor, **defaults)


@pytest.fixture
def matter(register):
    return open_matter(register)


@pytest.fixture
def meeting(city, matter):
    """A special-topic meeting about one matter, with one decision for 云中镇 due on 30 June."""
    return record(
        city,
        attendees=[city.yunzhong_handler, city.housing_handler],
        guests=[services.Guest(name="王建国", unit="东关村党支部书记")],
        matter_numbers=[matter.number],
        decisions=[decision(city.yunzhong, matter_number=matter.number, assignee=city.yunzhong_handler)],
    )


@pytest.fixture
def task(meeting) -> MeetingTask:
    return meeting.tasks.get()
