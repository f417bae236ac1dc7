"""The only write path for publicity. Every function is keyword-only, atomic, checks the actor's role
and organisation, and raises ValidationError with Chinese messages keyed by field (nothing is saved
then) or PermissionDenied.

    activity_record(actor=, held_on=, place=, kind=, organiser=None (the actor's organisation),
                    title="", description="", materials_distributed=0, questionnaires_collected=0,
                    consultations_answered=0, people_reached=0, questionnaire=None) -> Activity
    activity_update(actor=, activity=, <the same fields, organiser required>) -> Activity
    activity_delete(actor=, activity=)
    questionnaire_create(actor=, title=, questions=[QuestionEntry(text, choices, multiple)], description="")
    questionnaire_update(actor=, questionnaire=, title=, questions=, description="")
    questionnaire_set_active(actor=, questionnaire=, is_active=)
    questionnaire_results_record(actor=, activity=, counts={choice id: count})
    questionnaire_results_clear(actor=, activity=)
    activity_photo_add(actor=, activity=, upload=, caption=""), activity_photo_delete(actor=, photo=)
"""

from .activities import activity_delete, activity_record, activity_update
from .photos import activity_photo_add, activity_photo_delete
from .questionnaires import (
    QuestionEntry,
    questionnaire_create,
    questionnaire_set_active,
    questionnaire_update,
)
from .results import questionnaire_results_clear, questionnaire_results_record

__all__ = [
    "QuestionEntry",
    "activity_delete",
    "activity_photo_add",
    "activity_photo_delete",
    "activity_record",
    "activity_update",
    "questionnaire_create",
    "questionnaire_results_clear",
    "questionnaire_results_record",
    "questionnaire_set_active",
    "questionnaire_update",
]
