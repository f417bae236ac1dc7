"""Entering a questionnaire's results for an activity, checked against the questionnaires collected,
and reading them back as counts and percentages."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.outreach.models import Activity, ChoiceCount
from minsheng.outreach.selectors import activity_results, questionnaire_results
from minsheng.outreach.services import questionnaire_results_clear, questionnaire_results_record

from .conftest import choice_ids


@pytest.fixture
def surveyed(city, record, questionnaire):
    """An activity that collected 20 questionnaires."""
    return record(questionnaire=questionnaire, questionnaires_collected=20)


def test_it_records_counts_per_choice_and_reads_them_as_percentages(city, questionnaire, surveyed):
    (single, multiple) = choice_ids(questionnaire)

    questionnaire_results_record(
        actor=city.registrar,
        activity=surveyed,
        counts={single[0]: 12, single[1]: 5, single[2]: 1, multiple[0]: 15, multiple[2]: 9},
    )

    results = activity_results(activity=Activity.objects.get(pk=surveyed.pk))
    first, second = results.questions
    assert results.respondents == 20
    assert [(c.count, c.percent) for c in first.choices] == [
        (12, Decimal("60.0")),
        (5, Decimal("25.0")),
        (1, Decimal("5.0")),
    ]
    assert (first.answered, first.unanswered, first.unanswered_percent) == (18, 2, Decimal("10.0"))
    assert [(c.count, c.percent) for c in second.choices] == [
        (15, Decimal("75.0")),
        (0, Decimal("0.0")),
        (9, Decimal("45.0")),
        (0, Decimal("0.0")),
    ]
    assert second.answered is None  # a multiple-choice question's ticks do not count people


def test_it_refuses_more_answers_than_questionnaires_collected(city, questionnaire, surveyed):
    (single, multiple) = choice_ids(questionnaire)
    question = questionnaire.questions.get(position=1)

    with pytest.raises(ValidationError) as exc:
        questionnaire_results_record(
            actor=city.registrar, activity=surveyed, counts={single[0]: 15, single[1]: 6, multiple[0]: 21}
        )

    assert exc.value.message_dict == {
        f"choice_{multiple[0]}": ["不能多于收回的问卷 20 份"],
        f"question_{question.pk}": [
            "第 1 题各选项合计 21 份，多于收回的问卷 20 份（单选题每份问卷只选一项）"
        ],
    }
    assert not ChoiceCount.objects.exists()
    surveyed.refresh_from_db()
    assert not surveyed.has_results


def test_a_multiple_choice_question_may_add_up_to_more_than_the_questionnaires(city, questionnaire, surveyed):
    (_single, multiple) = choice_ids(questionnaire)

    questionnaire_results_record(actor=city.registrar, activity=surveyed, counts={pk: 20 for pk in multiple})

    assert sum(ChoiceCount.objects.values_list("count", flat=True)) == 80


def test_bad_counts_and_foreign_choices_are_refused(city, questionnaire, surveyed, record):
    (single, _multiple) = choice_ids(questionnaire)

    with pytest.raises(ValidationError) as exc:
        questionnaire_results_record(
            actor=city.registrar, activity=surveyed, counts={single[0]: -1, single[1]: "三", 999999: 1}
        )

    assert exc.value.message_dict == {
        "counts": ["选项 999999 不属于该活动的调查问卷"],
        f"choice_{single[0]}": ["不能为负数"],
        f"choice_{single[1]}": ["请填写整数"],
    }


def test_results_need_a_questionnaire_and_collected_questionnaires(city, record, questionnaire):
    without = record()
    none_collected = record(questionnaire=questionnaire, questionnaires_collected=0)

    with pytest.raises(ValidationError) as no_questionnaire:
        questionnaire_results_record(actor=city.registrar, activity=without, counts={})
    with pytest.raises(ValidationError) as nothing_collected:
        questionnaire_results_record(actor=city.registrar, activity=none_collected, counts={})

    assert "请先在活动中选择所用的问卷" in no_questionnaire.value.messages[0]
    assert "收回问卷为 0 份" in nothing_collected.value.messages[0]


def test_entering_again_replaces_the_counts(city, questionnaire, surveyed):
    (single, _multiple) = choice_ids(questionnaire)
    questionnaire_results_record(actor=city.registrar, activity=surveyed, counts={single[0]: 10})

    questionnaire_results_record(actor=city.supervisor, activity=surveyed, counts={single[1]: 4})

    counts = dict(ChoiceCount.objects.filter(choice__in=single).values_list("choice", "count"))
    assert counts == {single[0]: 0, single[1]: 4, single[2]: 0}


def test_another_township_cannot_enter_results(city, questionnaire, surveyed):
    with pytest.raises(PermissionDenied):
        questionnaire_results_record(actor=city.yunzhong_handler, activity=surveyed, counts={})


def test_results_hold_the_questionnaires_collected_and_the_questionnaire_in_place(
    city, questionnaire, surveyed
):
    from .test_recording_activities import _update

    (single, multiple) = choice_ids(questionnaire)
    questionnaire_results_record(
        actor=city.registrar, activity=surveyed, counts={single[0]: 10, single[1]: 6, multiple[0]: 17}
    )

    with pytest.raises(ValidationError) as fewer:
        _update(surveyed, city.registrar, questionnaires_collected=16)
    with pytest.raises(ValidationError) as zero:
        _update(surveyed, city.registrar, questionnaires_collected=0)
    with pytest.raises(ValidationError) as swapped:
        _update(surveyed, city.registrar, questionnaire=None)
    _update(surveyed, city.registrar, questionnaires_collected=17)

    assert fewer.value.message_dict == {
        "questionnaires_collected": ["已录入的问卷结果中有选项被 17 份问卷选中，收回问卷不能少于 17 份"]
    }
    assert zero.value.message_dict == {"questionnaires_collected": ["已录入问卷结果，收回问卷不能为 0 份"]}
    assert "请先清除问卷结果" in swapped.value.message_dict["questionnaire"][0]
    surveyed.refresh_from_db()
    assert surveyed.questionnaires_collected == 17


def test_a_single_choice_total_sets_the_floor_with_its_question_number(city, questionnaire, surveyed):
    from .test_recording_activities import _update

    (single, _multiple) = choice_ids(questionnaire)
    questionnaire_results_record(
        actor=city.registrar, activity=surveyed, counts={single[0]: 10, single[1]: 8}
    )

    with pytest.raises(ValidationError) as exc:
        _update(surveyed, city.registrar, questionnaires_collected=17)

    assert exc.value.message_dict == {
        "questionnaires_collected": ["已录入的问卷结果中第 1 题有 18 份作答，收回问卷不能少于 18 份"]
    }


def test_clearing_results_frees_the_questionnaire(city, questionnaire, surveyed):
    from .test_recording_activities import _update

    (single, _multiple) = choice_ids(questionnaire)
    questionnaire_results_record(actor=city.registrar, activity=surveyed, counts={single[0]: 10})

    questionnaire_results_clear(actor=city.registrar, activity=surveyed)
    _update(surveyed, city.registrar, questionnaire=None)

    assert not ChoiceCount.objects.exists()
    with pytest.raises(ValidationError):
        questionnaire_results_clear(actor=city.registrar, activity=surveyed)


def test_results_add_up_over_the_activities_in_view(city, record, questionnaire):
    (single, _multiple) = choice_ids(questionnaire)
    bureau = record(questionnaire=questionnaire, questionnaires_collected=30)
    township = record(actor=city.yunzhong_handler, questionnaire=questionnaire, questionnaires_collected=10)
    record(
        actor=city.jinshatan_handler, questionnaire=questionnaire, questionnaires_collected=50
    )  # no results
    questionnaire_results_record(actor=city.registrar, activity=bureau, counts={single[0]: 20, single[2]: 10})
    questionnaire_results_record(actor=city.yunzhong_handler, activity=township, counts={single[0]: 9})

    city_wide = questionnaire_results(questionnaire=questionnaire, activities=Activity.objects.all())
    yunzhong = questionnaire_results(
        questionnaire=questionnaire, activities=Activity.objects.filter(organiser=city.yunzhong)
    )

    assert (city_wide.respondents, city_wide.activities) == (40, 2)
    assert [(c.count, str(c.percent)) for c in city_wide.questions[0].choices] == [
        (29, "72.5"),
        (0, "0.0"),
        (10, "25.0"),
    ]
    assert (city_wide.questions[0].unanswered, str(city_wide.questions[0].unanswered_percent)) == (1, "2.5")
    assert (yunzhong.respondents, yunzhong.questions[0].choices[0].count) == (10, 9)


def test_percentages_round_half_up_and_are_empty_without_respondents(city, questionnaire):
    from minsheng.outreach.selectors import percent

    assert percent(1, 3) == Decimal("33.3")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 16) == Decimal("6.3")
    assert percent(0, 0) is None
    empty = questionnaire_results(questionnaire=questionnaire, activities=Activity.objects.all())
    assert empty.respondents == 0 and empty.questions[0].choices[0].percent is None
