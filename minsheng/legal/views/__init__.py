"""The lawyers' pages: roster, assignments with the declaration, opinions, mediations, consultations."""

from .assignments import (
    assignment_create,
    assignment_detail,
    assignment_end,
    assignment_list,
    declare,
    mediation_create,
    opinion_create,
    opinion_detail,
)
from .consultations import consultation_detail, consultation_list, consultation_phone
from .home import index
from .roster import roster, roster_plan, shift_add, shift_delete

__all__ = [
    "assignment_create",
    "assignment_detail",
    "assignment_end",
    "assignment_list",
    "consultation_detail",
    "consultation_list",
    "consultation_phone",
    "declare",
    "index",
    "mediation_create",
    "opinion_create",
    "opinion_detail",
    "roster",
    "roster_plan",
    "shift_add",
    "shift_delete",
]
