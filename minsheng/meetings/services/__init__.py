"""The only write path for joint meetings: recording a meeting, its tasks' feedback, close and return,
and applying a jurisdiction decision to its matter."""

from .jurisdiction import meeting_jurisdiction_apply
from .record import Decision, Guest, default_convener, meeting_record
from .tasks import meeting_task_close, meeting_task_feedback, meeting_task_return

__all__ = [
    "Decision",
    "Guest",
    "default_convener",
    "meeting_jurisdiction_apply",
    "meeting_record",
    "meeting_task_close",
    "meeting_task_feedback",
    "meeting_task_return",
]
