"""The only write path for instructions (批示) and their tasks.

instruction_create(*, actor, leader, text, issued_on, due_on, units, matters=(), session=None,
                   reception_entry=None, appointment=None) -> Instruction
instruction_task_feedback(*, actor, task, feedback, on=None) -> InstructionTask
instruction_task_close(*, actor, task, note="", on=None) -> InstructionTask
instruction_task_return(*, actor, task, reason, on=None) -> InstructionTask
"""

from .create import InstructionDraft, instruction_check, instruction_create, jurisdiction_of, leader_error
from .tasks import instruction_task_close, instruction_task_feedback, instruction_task_return

__all__ = [
    "InstructionDraft",
    "instruction_check",
    "instruction_create",
    "instruction_task_close",
    "instruction_task_feedback",
    "instruction_task_return",
    "jurisdiction_of",
    "leader_error",
]
