"""The only write path for supervision: items (opened by the daily sweep and by ratings, followed up and
closed by the supervisor), the notices issued on them and the feedback they require, and the sweep."""

from .items import supervision_follow_up, supervision_item_close, supervision_item_open
from .notices import (
    supervision_feedback_accept,
    supervision_feedback_submit,
    supervision_item_escalate,
    supervision_notice_issue,
)
from .sweep import SweepReport, deadlines_sweep

__all__ = [
    "SweepReport",
    "deadlines_sweep",
    "supervision_feedback_accept",
    "supervision_feedback_submit",
    "supervision_follow_up",
    "supervision_item_close",
    "supervision_item_escalate",
    "supervision_item_open",
    "supervision_notice_issue",
]
