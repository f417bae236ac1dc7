"""The kinds of timeline event (MatterEvent.kind) this app writes on the matters an instruction concerns.

MatterEvent.Kind in minsheng.petitions names them for the timeline; until it does, the raw kind shows.
"""

from django.utils.translation import gettext_lazy as _

ISSUED = "instruction_issued"
FEEDBACK = "instruction_feedback"
RETURNED = "instruction_returned"
TASK_CLOSED = "instruction_task_closed"
CLOSED = "instruction_closed"

LABELS = {
    ISSUED: _("领导批示"),
    FEEDBACK: _("批示办理反馈"),
    RETURNED: _("批示反馈退回"),
    TASK_CLOSED: _("批示任务办结"),
    CLOSED: _("批示办结"),
}
