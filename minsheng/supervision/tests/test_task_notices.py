"""Notices about overdue tasks name the instruction or the meeting decision, go to the task's unit, and
are seen by that unit alone."""

import datetime as dt

from minsheng.instructions.services import instruction_create
from minsheng.meetings import services as meetings
from minsheng.petitions.tests.workflow_steps import set_today
from minsheng.supervision import selectors, services
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import deadlines_sweep

from .notices import notice_pdf_text

D = dt.date


def test_a_notice_about_an_instruction_task_names_the_instruction(city, monkeypatch):
    set_today(monkeypatch, D(2026, 6, 16))
    instruction = instruction_create(
        actor=city.supervisor,
        leader=city.leader,
        text="请住建局尽快解决安置房漏水问题",
        issued_on=D(2026, 6, 1),
        due_on=D(2026, 6, 15),
        units=[city.housing],
    )
    deadlines_sweep(today=D(2026, 6, 16))
    item = SupervisionItem.objects.get()

    notice = services.supervision_notice_issue(
        actor=city.supervisor, item=item, level="supervision", feedback_due_on=D(2026, 6, 23)
    )

    text = notice_pdf_text(notice)
    assert "怀仁市住房和城乡建设局：" in text
    assert instruction.number in text and "请住建局尽快解决安置房漏水问题" in text
    assert "办理期限为2026年6月15日，至今未办结，已超期1日" in text
    assert list(selectors.unit_items(user=city.housing_handler)) == [item]
    assert not selectors.unit_items(user=city.yunzhong_handler).exists()


def test_a_notice_about_a_meeting_task_quotes_the_decision(city, monkeypatch):
    set_today(monkeypatch, D(2026, 6, 21))
    meetings.meeting_record(
        actor=city.supervisor,
        held_on=D(2026, 6, 10),
        kind="special",
        title="东关村积案化解",
        minutes="纪要",
        chair_name="张明",
        decisions=[
            meetings.Decision(text="化解东关村积案", organisation=city.yunzhong, due_on=D(2026, 6, 20))
        ],
    )
    deadlines_sweep(today=D(2026, 6, 21))
    item = SupervisionItem.objects.get()

    notice = services.supervision_notice_issue(
        actor=city.supervisor, item=item, level="reminder", feedback_due_on=D(2026, 6, 28)
    )

    text = notice_pdf_text(notice)
    assert "云中镇：" in text
    assert "2026年6月10日联席会议（专题会议）决定由你单位办理：“化解东关村积案”" in text
    assert "2026年6月28日" in text
