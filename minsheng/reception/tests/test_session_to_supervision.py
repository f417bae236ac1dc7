"""The whole chain the bureau's reply describes: a leader receives a petitioner and instructs on the
spot; the unit lets the deadline pass; the daily sweep puts the instruction under supervision; the
bureau issues a notice, the unit answers it and carries the instruction out; everything is closed."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.instructions.services import InstructionDraft, instruction_task_close, instruction_task_feedback
from minsheng.petitions.tests.workflow_steps import set_today
from minsheng.reception.models import Outcome
from minsheng.reception.services import reception_entry_register
from minsheng.supervision import selectors as supervision_selectors
from minsheng.supervision import services as supervision
from minsheng.supervision.models import SupervisionItem, SupervisionNotice

from .helpers import VISIT, person


def test_an_instruction_given_in_a_session_is_supervised_until_it_is_carried_out(
    city, leaders, today_session, monkeypatch
):
    received_on = timezone.localdate()
    entry = reception_entry_register(
        actor=city.registrar,
        session=today_session,
        petitioners=[person()],
        head_count=1,
        outcome=Outcome.INSTRUCTED,
        outcome_note="要求云中镇三日内核实。",
        instruction=InstructionDraft(
            text="请云中镇三日内核实补偿款发放情况并答复信访人。",
            units=[city.yunzhong],
            due_on=received_on + dt.timedelta(days=3),
        ),
        **VISIT,
    )
    task = InstructionTask.objects.get(organisation=city.yunzhong)

    # Day 4: the deadline has passed without feedback; the sweep opens one item, once.
    later = received_on + dt.timedelta(days=4)
    set_today(monkeypatch, later)
    assert supervision.deadlines_sweep(today=later).items_opened == 1
    assert supervision.deadlines_sweep(today=later).items_opened == 0
    item = SupervisionItem.objects.get()
    assert item.instruction_task == task and item.organisation == city.yunzhong

    notice = supervision.supervision_notice_issue(
        actor=city.supervisor, item=item, level="supervision", feedback_due_on=later + dt.timedelta(days=5)
    )
    # The notice goes to the unit, which alone sees it.
    assert list(supervision_selectors.unit_items(user=city.yunzhong_handler)) == [item]
    assert not supervision_selectors.unit_items(user=city.housing_handler).exists()
    supervision.supervision_feedback_submit(
        actor=city.yunzhong_handler, notice=notice, text="已入户核实，补偿款本周内发放。"
    )
    supervision.supervision_feedback_accept(actor=city.supervisor, notice=notice, note="反馈属实")
    instruction_task_feedback(actor=city.yunzhong_handler, task=task, feedback="补偿款已发放到位。")
    instruction_task_close(actor=city.supervisor, task=task, note="已办结")
    supervision.supervision_item_close(actor=city.supervisor, item=item, note="批示已落实，跟踪问效结束")

    item.refresh_from_db()
    notice.refresh_from_db()
    instruction = Instruction.objects.get()
    assert item.closed_on == later and notice.status == SupervisionNotice.Status.ACCEPTED
    assert instruction.status == Instruction.Status.CLOSED
    kinds = list(entry.matter.events.values_list("kind", flat=True))
    assert kinds[:3] == ["registered", "leader_reception", "instruction_issued"]
    assert kinds[-1] == "instruction_closed"
    # The item keeps its own history of the follow-up.
    assert list(item.events.order_by("pk").values_list("kind", flat=True)) == [
        "notice",
        "feedback",
        "accepted",
        "closed",
    ]
