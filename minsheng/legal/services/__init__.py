"""The only write path for the lawyers' work: roster, assignments, opinions, mediations, consultations."""

from .assignments import (
    NO_CONFLICT_STATEMENT,
    conflict_declaration_record,
    lawyer_assignment_create,
    lawyer_assignment_end,
)
from .consultations import consultation_phone_reveal, consultation_record, consultations_rotate_keys
from .opinions import legal_opinion_give, mediation_record
from .roster import RosterPlan, duty_roster_plan, duty_shift_create, duty_shift_delete

__all__ = [
    "NO_CONFLICT_STATEMENT",
    "RosterPlan",
    "conflict_declaration_record",
    "consultation_phone_reveal",
    "consultation_record",
    "consultations_rotate_keys",
    "duty_roster_plan",
    "duty_shift_create",
    "duty_shift_delete",
    "lawyer_assignment_create",
    "lawyer_assignment_end",
    "legal_opinion_give",
    "mediation_record",
]
