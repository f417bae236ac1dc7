"""Making questionnaires: what a valid one is, who may use it, and that used ones stay as they were."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.outreach.models import Questionnaire
from minsheng.outreach.selectors import questionnaire_usable_by, questionnaires_visible_to
from minsheng.outreach.services import (
    QuestionEntry,
    questionnaire_create,
    questionnaire_results_record,
    questionnaire_set_active,
    questionnaire_update,
)

from .conftest import choice_ids


def test_it_stores_questions_and_choices_in_order(city, questionnaire):
    questions = list(questionnaire.questions.order_by("position"))

    assert questionnaire.owner == city.bureau
    assert [(q.position, q.multiple) for q in questions] == [(1, False), (2, True)]
    assert [c.text for c in questions[0].choices.order_by("position")] == ["了解", "部分了解", "不了解"]


def test_it_refuses_a_questionnaire_without_questions_or_title(city):
    with pytest.raises(ValidationError) as exc:
        questionnaire_create(actor=city.registrar, title=" ", questions=[])

    assert exc.value.message_dict == {"title": ["请填写问卷名称"], "questions": ["请至少填写一道题目"]}
    assert not Questionnaire.objects.exists()


def test_it_refuses_bad_questions_with_their_position(city):
    with pytest.raises(ValidationError) as exc:
        questionnaire_create(
            actor=city.registrar,
            title="调查",
            questions=[
                QuestionEntry(text="好", choices=["是", "否"]),
                QuestionEntry(text="", choices=["只有一个", " "]),
                QuestionEntry(text="重复", choices=["是", "是"]),
                QuestionEntry(text="长", choices=["项" * 201, "否"]),
                QuestionEntry(text="题" * 501, choices=[str(i) for i in range(21)]),
            ],
        )

    assert exc.value.message_dict == {
        "questions.1.text": ["请填写题目"],
        "questions.1.choices": ["每道题至少要有 2 个选项"],
        "questions.2.choices": ["同一道题的选项不能重复"],
        "questions.3.choices": ["每个选项不能超过 200 个字"],
        "questions.4.text": ["题目不能超过 500 个字"],
        "questions.4.choices": ["每道题最多 20 个选项"],
    }
    assert not Questionnaire.objects.exists()


def test_users_who_do_not_organise_publicity_cannot_make_questionnaires(city):
    for user in (city.lawyer, city.housing_handler, city.leader):
        with pytest.raises(PermissionDenied):
            questionnaire_create(actor=user, title="调查", questions=[QuestionEntry("题", ["是", "否"])])


def test_the_bureaus_questionnaire_is_offered_to_the_whole_city_a_townships_to_its_own(city, questionnaire):
    township_own = questionnaire_create(
        actor=city.yunzhong_handler, title="云中镇问卷", questions=[QuestionEntry("题", ["是", "否"])]
    )

    assert questionnaire_usable_by(questionnaire=questionnaire, organiser=city.yunzhong_village)
    assert questionnaire_usable_by(questionnaire=township_own, organiser=city.yunzhong_village)
    assert not questionnaire_usable_by(questionnaire=township_own, organiser=city.jinshatan)
    assert set(questionnaires_visible_to(user=city.jinshatan_handler)) == {questionnaire}
    assert set(questionnaires_visible_to(user=city.yunzhong_handler)) == {questionnaire, township_own}
    assert set(questionnaires_visible_to(user=city.supervisor)) == {questionnaire, township_own}


def test_an_activity_cannot_use_a_sibling_townships_questionnaire(city, record):
    township_own = questionnaire_create(
        actor=city.yunzhong_handler, title="云中镇问卷", questions=[QuestionEntry("题", ["是", "否"])]
    )

    with pytest.raises(ValidationError) as exc:
        record(actor=city.jinshatan_handler, questionnaire=township_own)

    assert exc.value.message_dict == {"questionnaire": ["该调查问卷已停用，或不适用于该组织单位"]}


def test_a_questionnaire_taken_out_of_use_is_not_offered_for_new_activities(city, record, questionnaire):
    in_use = record(questionnaire=questionnaire)
    questionnaire_set_active(actor=city.supervisor, questionnaire=questionnaire, is_active=False)

    with pytest.raises(ValidationError):
        record(questionnaire=questionnaire)
    in_use.refresh_from_db()
    assert in_use.questionnaire == questionnaire


def test_only_the_makers_staff_change_a_questionnaire(city, questionnaire):
    with pytest.raises(PermissionDenied):
        questionnaire_set_active(actor=city.yunzhong_handler, questionnaire=questionnaire, is_active=False)
    with pytest.raises(PermissionDenied):
        questionnaire_update(
            actor=city.yunzhong_handler, questionnaire=questionnaire, title="改", questions=[]
        )


def test_questions_can_be_changed_until_results_are_entered(city, record, questionnaire):
    questionnaire_update(
        actor=city.registrar,
        questionnaire=questionnaire,
        title="知晓度调查（修订）",
        questions=[QuestionEntry("您是否了解《信访工作条例》？", ["了解", "不了解"])],
    )
    questionnaire.refresh_from_db()
    assert questionnaire.title == "知晓度调查（修订）"
    assert questionnaire.questions.count() == 1
    activity = record(questionnaire=questionnaire)
    questionnaire_results_record(
        actor=city.registrar, activity=activity, counts={choice_ids(questionnaire)[0][0]: 5}
    )

    with pytest.raises(ValidationError) as exc:
        questionnaire_update(
            actor=city.registrar,
            questionnaire=questionnaire,
            title="再改",
            questions=[QuestionEntry("新题", ["是", "否"])],
        )

    assert "题目不能再修改" in exc.value.message_dict["questions"][0]
    questionnaire.refresh_from_db()
    assert questionnaire.title == "知晓度调查（修订）"
