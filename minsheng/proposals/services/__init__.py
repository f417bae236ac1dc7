"""The only write path of proposals. Each function is one atomic step with its checks and its event."""

from ._common import add_months, limit, not_admitted_grounds
from .assignment import (
    assignment_object,
    handling_due_on,
    handling_latest_due_on,
    proposal_assign,
    proposal_extend,
    proposals_join,
)
from .feedback import proposal_publish, proposal_rate
from .handling import (
    cohandling_view_send,
    proposal_contact_record,
    proposal_reply_draft,
    proposal_reply_send,
    proposal_reply_sign,
)
from .one_matter import one_matter_check
from .personal import proposal_attachment_open, proposal_contact_reveal
from .review import proposal_admit, proposal_convert, proposal_not_admit, proposal_review_note
from .submission import (
    cosigner_answer,
    proposal_attachment_add,
    proposal_cosign_sweep,
    proposal_session_create,
    proposal_session_make_current,
    proposal_session_update,
    proposal_submit,
)

__all__ = [
    "add_months",
    "assignment_object",
    "cohandling_view_send",
    "cosigner_answer",
    "handling_due_on",
    "handling_latest_due_on",
    "limit",
    "not_admitted_grounds",
    "one_matter_check",
    "proposal_admit",
    "proposal_assign",
    "proposal_attachment_add",
    "proposal_attachment_open",
    "proposal_contact_record",
    "proposal_contact_reveal",
    "proposal_convert",
    "proposal_cosign_sweep",
    "proposal_extend",
    "proposal_not_admit",
    "proposal_publish",
    "proposal_rate",
    "proposal_reply_draft",
    "proposal_reply_send",
    "proposal_reply_sign",
    "proposal_review_note",
    "proposal_session_create",
    "proposal_session_make_current",
    "proposal_session_update",
    "proposal_submit",
    "proposals_join",
]
