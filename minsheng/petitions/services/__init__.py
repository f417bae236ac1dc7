"""The only write path for petitions. Each function is keyword-only, atomic, checks permission and
state, and writes a timeline event (or an audit entry for reads of personal data)."""

from .attachments import attachment_add, attachment_open
from .categories import categories_seed, category_save
from .handling import handling_note_add, matter_accept, matter_extend, matter_reject, matter_reply
from .imports import ImportReport, messages_import
from .petitioners import petitioner_create, petitioner_reveal, petitioners_rotate_keys
from .reconsideration import (
    matter_close,
    recheck_hearing_record,
    reconsideration_decide,
    reconsideration_request,
)
from .routing import matter_object, matter_route
from .satisfaction import matter_rate
from .submissions import PetitionerEntry, submission_register

__all__ = [
    "ImportReport",
    "PetitionerEntry",
    "attachment_add",
    "attachment_open",
    "categories_seed",
    "category_save",
    "handling_note_add",
    "matter_accept",
    "matter_close",
    "matter_extend",
    "matter_object",
    "matter_rate",
    "matter_reject",
    "matter_reply",
    "matter_route",
    "messages_import",
    "petitioner_create",
    "petitioner_reveal",
    "petitioners_rotate_keys",
    "recheck_hearing_record",
    "reconsideration_decide",
    "reconsideration_request",
    "submission_register",
]
