"""Overdue instructions and tasks: the deadline has passed and the work is not closed."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.selectors import InstructionFilters, instruction_list, instruction_tasks_overdue
from minsheng.instructions.services import instruction_task_close, instruction_task_feedback


def test_the_selector_returns_open_tasks_past_their_deadline(city, issue, tasks):
    today = timezone.localdate()
    late = issue(issued_on=today - dt.timedelta(days=20), due_on=today - dt.timedelta(days=5))
    issue(due_on=today + dt.timedelta(days=5))
    late_tasks = tasks(late)
    instruction_task_feedback(actor=city.yunzhong_handler, task=late_tasks["云中镇"], feedback="已办")
    instruction_task_close(actor=city.supervisor, task=late_tasks["云中镇"])

    overdue = list(instruction_tasks_overdue(today=today))

    assert [(t.instruction, t.organisation) for t in overdue] == [(late, city.housing)]
    assert overdue[0].due_on == today - dt.timedelta(days=5)
    # A fed-back task is still open until the bureau closes it.
    instruction_task_feedback(
        actor=city.housing_handler, task=late_tasks["怀仁市住房和城乡建设局"], feedback="已办"
    )
    assert len(instruction_tasks_overdue(today=today)) == 1


def test_a_task_due_today_is_not_yet_overdue(city, issue):
    today = timezone.localdate()
    issue(due_on=today)

    assert not instruction_tasks_overdue(today=today).exists()
    assert instruction_tasks_overdue(today=today + dt.timedelta(days=1)).count() == 2


def test_the_list_marks_and_filters_overdue_instructions(city, issue):
    today = timezone.localdate()
    late = issue(issued_on=today - dt.timedelta(days=20), due_on=today - dt.timedelta(days=1))
    issue()

    rows = list(instruction_list(user=city.supervisor, filters=InstructionFilters(overdue=True)))

    assert rows == [late] and rows[0].is_overdue
