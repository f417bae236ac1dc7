"""Petition models: the intake core (petitioners, submissions, matters) and the workflow records."""

from .core import (
    GROUP_VISIT_MAX_REPRESENTATIVES,
    GROUP_VISIT_MIN_PEOPLE,
    Attachment,
    Category,
    Channel,
    Matter,
    MatterEvent,
    MatterNumberSequence,
    Nature,
    Petitioner,
    Reply,
    Submission,
    SubmissionPetitioner,
    user_field,
)
from .satisfaction import Rating
from .workflow import Extension, HandlingNote, Notice, Reconsideration, Routing

__all__ = [
    "GROUP_VISIT_MAX_REPRESENTATIVES",
    "GROUP_VISIT_MIN_PEOPLE",
    "Attachment",
    "Category",
    "Channel",
    "Extension",
    "HandlingNote",
    "Matter",
    "MatterEvent",
    "MatterNumberSequence",
    "Nature",
    "Notice",
    "Petitioner",
    "Rating",
    "Reconsideration",
    "Reply",
    "Routing",
    "Submission",
    "SubmissionPetitioner",
    "user_field",
]
