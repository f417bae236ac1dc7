"""The only write path for petitions. Each function is keyword-only, atomic, checks permission and
state, and writes a timeline event (or an audit entry for reads of personal data)."""

from .attachments import attachment_add, attachment_open
from .categories import categories_seed, category_save
from .imports import ImportReport, messages_import
from .petitioners import petitioner_create, petitioner_reveal, petitioners_rotate_keys
from .submissions import PetitionerEntry, submission_register

__all__ = [
    "ImportReport",
    "PetitionerEntry",
    "attachment_add",
    "attachment_open",
    "categories_seed",
    "category_save",
    "messages_import",
    "petitioner_create",
    "petitioner_reveal",
    "petitioners_rotate_keys",
    "submission_register",
]
