"""A leader receives a petitioner and instructs on the spot; two units act on it and report back; the
bureau closes their tasks and the instruction with them."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.instructions.services import InstructionDraft, instruction_task_close, instruction_task_feedback
from minsheng.notifications.models import Notification
from minsheng.petitions.models import Channel
from minsheng.reception.models import Outcome, ReceptionEntry
from minsheng.reception.services import reception_entry_register

from .helpers import VISIT, person


def test_a_session_instruction_is_carried_out_by_two_units_and_closed(city, leaders, today_session):
    due = timezone.localdate() + dt.timedelta(days=15)
    entry = reception_entry_register(
        actor=city.registrar,
        session=today_session,
        petitioners=[person()],
        head_count=2,
        outcome=Outcome.INSTRUCTED,
        outcome_note="当场听取情况，要求云中镇和住建局会同核实。",
        instruction=InstructionDraft(
            text="请云中镇会同住建局核实补偿标准，十五日内答复信访人。",
            units=[city.yunzhong, city.housing],
            due_on=due,
        ),
        **VISIT,
    )

    submission = entry.submission
    assert submission.channel == Channel.VISIT and submission.head_count == 2
    assert submission.receiving_org == city.bureau
    matter = entry.matter
    instruction = Instruction.objects.get()
    assert entry.instruction == instruction
    assert instruction.leader == leaders.liu and instruction.issued_on == timezone.localdate()
    assert instruction.session == today_session and list(instruction.matters.all()) == [matter]
    assert instruction.organisation == city.root
    assert instruction.status == Instruction.Status.OPEN
    tasks = {t.organisation: t for t in InstructionTask.objects.all()}
    assert set(tasks) == {city.yunzhong, city.housing}
    assert all(t.due_on == due and t.status == InstructionTask.Status.PENDING for t in tasks.values())
    kinds = list(matter.events.values_list("kind", flat=True))
    assert kinds == ["registered", "leader_reception", "instruction_issued"]
    assert "现场批示" in matter.events.get(kind="leader_reception").note
    # Each unit's handlers are told.
    told = set(
        Notification.objects.filter(subject__startswith="领导批示待办理").values_list("recipient", flat=True)
    )
    assert told == {city.yunzhong_handler.pk, city.housing_handler.pk}

    instruction_task_feedback(
        actor=city.yunzhong_handler, task=tasks[city.yunzhong], feedback="已入户核实，补偿款本周发放。"
    )
    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.OPEN
    instruction_task_feedback(
        actor=city.housing_handler, task=tasks[city.housing], feedback="补偿标准符合规定。"
    )
    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.FED_BACK

    instruction_task_close(actor=city.supervisor, task=tasks[city.yunzhong])
    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.FED_BACK
    instruction_task_close(actor=city.supervisor, task=tasks[city.housing], note="两单位反馈一致")

    instruction.refresh_from_db()
    assert instruction.status == Instruction.Status.CLOSED
    assert instruction.closed_on == timezone.localdate()
    kinds = list(matter.events.values_list("kind", flat=True))
    assert kinds[-5:] == [
        "instruction_feedback",
        "instruction_feedback",
        "instruction_task_closed",
        "instruction_task_closed",
        "instruction_closed",
    ]
    assert Notification.objects.filter(recipient=leaders.liu, subject__startswith="批示已办结").exists()


def test_an_answered_visit_is_counted_as_one_batch_with_its_head_count(city, leaders, today_session):
    entry = reception_entry_register(
        actor=city.registrar,
        session=today_session,
        petitioners=[person(is_representative=True)],
        head_count=6,
        outcome=Outcome.ANSWERED,
        outcome_note="已解释政策。",
        **VISIT,
    )

    assert entry.submission.head_count == 6 and entry.submission.is_group_visit
    assert not Instruction.objects.exists()
    assert ReceptionEntry.objects.get().outcome == Outcome.ANSWERED
