"""The questionnaire pages: making one, entering an activity's results, and the results page."""

import pytest
from django.urls import reverse

from minsheng.outreach.models import ChoiceCount, Questionnaire
from minsheng.outreach.services import questionnaire_results_record

from .conftest import choice_ids


def logged_in(client, user):
    client.force_login(user)
    return client


def formset_data(rows, **fields):
    data = {
        "title": "条例知晓度调查",
        "description": "",
        "q-TOTAL_FORMS": str(len(rows)),
        "q-INITIAL_FORMS": "0",
        "q-MIN_NUM_FORMS": "1",
        "q-MAX_NUM_FORMS": "50",
    }
    for i, (text, choices, multiple) in enumerate(rows):
        data[f"q-{i}-text"] = text
        data[f"q-{i}-choices"] = choices
        if multiple:
            data[f"q-{i}-multiple"] = "on"
    data.update(fields)
    return data


def test_a_registrar_makes_a_questionnaire_and_blank_rows_are_left_out(client, city):
    client = logged_in(client, city.registrar)
    assert client.get(reverse("outreach:questionnaire_create")).status_code == 200

    response = client.post(
        reverse("outreach:questionnaire_create"),
        formset_data(
            [
                ("您了解条例吗？", "了解\n不了解\n", False),
                ("", "", False),
                ("渠道", "展板\n手册\n微信群", True),
            ]
        ),
    )

    questionnaire = Questionnaire.objects.get()
    assert response["Location"] == reverse("outreach:questionnaire_detail", args=[questionnaire.pk])
    assert [(q.position, q.text, q.multiple) for q in questionnaire.questions.all()] == [
        (1, "您了解条例吗？", False),
        (2, "渠道", True),
    ]
    assert [c.text for c in questionnaire.questions.get(position=2).choices.all()] == [
        "展板",
        "手册",
        "微信群",
    ]


def test_a_bad_question_is_marked_on_its_own_row(client, city):
    response = logged_in(client, city.registrar).post(
        reverse("outreach:questionnaire_create"),
        formset_data([("好题", "是\n否", False), ("", "", False), ("只有一个选项", "是", False)]),
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "每道题至少要有 2 个选项" in page
    # The message sits in the third row (the blank second row is skipped, not renumbered).
    third = page[page.index("第 3 题") :]
    assert "每道题至少要有 2 个选项" in third
    assert not Questionnaire.objects.exists()


def test_a_questionnaire_without_questions_says_so(client, city):
    response = logged_in(client, city.registrar).post(
        reverse("outreach:questionnaire_create"), formset_data([("", "", False)], title="")
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "请填写问卷名称" in page and "请至少填写一道题目" in page


def test_a_lawyer_cannot_make_questionnaires(client, city):
    assert logged_in(client, city.lawyer).get(reverse("outreach:questionnaire_create")).status_code == 403


def test_the_list_shows_what_the_user_may_use(client, city, questionnaire):
    page = (
        logged_in(client, city.jinshatan_handler).get(reverse("outreach:questionnaire_list")).content.decode()
    )

    assert questionnaire.title in page


@pytest.fixture
def surveyed(record, questionnaire):
    return record(questionnaire=questionnaire, questionnaires_collected=40)


def test_results_are_entered_on_the_activitys_page_and_shown_with_percentages(
    client, city, questionnaire, surveyed
):
    (single, multiple) = choice_ids(questionnaire)
    client = logged_in(client, city.registrar)
    form = client.get(reverse("outreach:results_edit", args=[surveyed.pk])).content.decode()
    assert f'name="choice_{single[0]}"' in form and "收回问卷 40 份" in form

    response = client.post(
        reverse("outreach:results_edit", args=[surveyed.pk]),
        {f"choice_{single[0]}": "30", f"choice_{single[1]}": "7", f"choice_{multiple[0]}": "25"},
    )

    assert response["Location"] == reverse("outreach:activity_detail", args=[surveyed.pk])
    page = client.get(response["Location"]).content.decode()
    assert "按收回的 40 份问卷统计" in page
    assert "75.0%" in page and "17.5%" in page and "62.5%" in page
    assert "未作答" in page and "7.5%" in page


def test_more_answers_than_questionnaires_are_refused_on_the_form(client, city, questionnaire, surveyed):
    (single, _multiple) = choice_ids(questionnaire)

    response = logged_in(client, city.registrar).post(
        reverse("outreach:results_edit", args=[surveyed.pk]),
        {f"choice_{single[0]}": "30", f"choice_{single[1]}": "11"},
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "第 1 题各选项合计 41 份，多于收回的问卷 40 份" in page
    assert 'value="30"' in page  # what was typed stays in the form
    assert not ChoiceCount.objects.exists()


def test_an_activity_without_a_questionnaire_has_no_results_form(client, city, record):
    activity = record()

    response = logged_in(client, city.registrar).get(reverse("outreach:results_edit", args=[activity.pk]))

    assert response["Location"] == reverse("outreach:activity_detail", args=[activity.pk])


def test_another_unit_cannot_enter_results(client, city, questionnaire, surveyed):
    client = logged_in(client, city.yunzhong_handler)

    assert client.get(reverse("outreach:results_edit", args=[surveyed.pk])).status_code == 404  # not in scope
    client = logged_in(client, city.leader)
    assert client.get(reverse("outreach:results_edit", args=[surveyed.pk])).status_code == 403


def test_the_results_page_adds_up_the_activities_in_the_period_and_scope(client, city, record, questionnaire):
    import datetime as dt

    (single, _multiple) = choice_ids(questionnaire)
    spring = record(questionnaire=questionnaire, questionnaires_collected=10, held_on=dt.date(2026, 3, 1))
    autumn = record(
        actor=city.yunzhong_handler,
        questionnaire=questionnaire,
        questionnaires_collected=30,
        held_on=dt.date(2026, 9, 1),
    )
    questionnaire_results_record(actor=city.registrar, activity=spring, counts={single[0]: 10})
    questionnaire_results_record(
        actor=city.yunzhong_handler, activity=autumn, counts={single[0]: 6, single[2]: 24}
    )
    url = reverse("outreach:questionnaire_detail", args=[questionnaire.pk])

    everything = logged_in(client, city.supervisor).get(url).content.decode()
    autumn_only = client.get(url, {"held_from": "2026-06-01"}).content.decode()
    township = logged_in(client, city.yunzhong_handler).get(url).content.decode()

    assert "汇总 2 次活动收回的 40 份问卷" in everything
    assert "40.0%" in everything and "60.0%" in everything  # 16 of 40, 24 of 40
    assert "汇总 1 次活动收回的 30 份问卷" in autumn_only and "80.0%" in autumn_only
    assert "汇总 1 次活动收回的 30 份问卷" in township  # the township sees only its own activity


def test_questions_cannot_be_edited_once_results_exist(client, city, questionnaire, surveyed):
    (single, _multiple) = choice_ids(questionnaire)
    client = logged_in(client, city.registrar)
    assert client.get(reverse("outreach:questionnaire_edit", args=[questionnaire.pk])).status_code == 200
    questionnaire_results_record(actor=city.registrar, activity=surveyed, counts={single[0]: 1})

    response = client.get(reverse("outreach:questionnaire_edit", args=[questionnaire.pk]))

    assert response["Location"] == reverse("outreach:questionnaire_detail", args=[questionnaire.pk])


def test_a_questionnaire_is_edited_with_its_questions_filled_in(client, city, questionnaire):
    client = logged_in(client, city.registrar)
    page = client.get(reverse("outreach:questionnaire_edit", args=[questionnaire.pk])).content.decode()
    assert "部分了解" in page

    client.post(
        reverse("outreach:questionnaire_edit", args=[questionnaire.pk]),
        formset_data([("您是否了解《信访工作条例》？", "了解\n不了解", False)], title="修订版"),
    )

    questionnaire.refresh_from_db()
    assert questionnaire.title == "修订版" and questionnaire.questions.count() == 1


def test_the_maker_takes_a_questionnaire_out_of_use(client, city, questionnaire):
    url = reverse("outreach:questionnaire_toggle", args=[questionnaire.pk])

    assert logged_in(client, city.yunzhong_handler).post(url).status_code == 403
    logged_in(client, city.supervisor).post(url)

    questionnaire.refresh_from_db()
    assert not questionnaire.is_active
