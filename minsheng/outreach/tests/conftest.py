"""A questionnaire of the bureau's and a way to record activities with sensible defaults."""

import datetime as dt

import pytest

from minsheng.outreach.models import ActivityKind
from minsheng.outreach.services import QuestionEntry, activity_record, questionnaire_create

DAY = dt.date(2026, 3, 15)


@pytest.fixture
def questionnaire(city):
    """The bureau's questionnaire: a single-choice question and a multiple-choice one."""
    return questionnaire_create(
        actor=city.registrar,
        title="《信访工作条例》知晓度调查",
        questions=[
            QuestionEntry(text="您是否了解《信访工作条例》？", choices=["了解", "部分了解", "不了解"]),
            QuestionEntry(
                text="您通过哪些渠道了解信访知识？",
                choices=["宣传展板", "宣传手册", "微信群", "现场答疑"],
                multiple=True,
            ),
        ],
    )


@pytest.fixture
def record(city):
    """Record an activity through the service; any field can be overridden."""

    def _record(actor=None, **fields):
        values = {
            "held_on": DAY,
            "place": "群众来访服务中心",
            "kind": ActivityKind.DISPLAY_BOARD,
            "materials_distributed": 100,
            "questionnaires_collected": 20,
            "consultations_answered": 15,
            "people_reached": 60,
        }
        values.update(fields)
        return activity_record(actor=actor or city.registrar, **values)

    return _record


def choice_ids(questionnaire) -> list[list[int]]:
    """The choice ids of each question, in order."""
    return [
        [c.pk for c in q.choices.order_by("position")] for q in questionnaire.questions.order_by("position")
    ]
