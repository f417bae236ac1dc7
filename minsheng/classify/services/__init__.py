"""The only write path of the classify app: training the models and recording feedback."""

from .feedback import category_model_learn, intake_feedback_record, suggestion_feedback_record
from .training import TrainingReport, classifier_refresh, classifier_train

__all__ = [
    "TrainingReport",
    "category_model_learn",
    "classifier_refresh",
    "classifier_train",
    "intake_feedback_record",
    "suggestion_feedback_record",
]
