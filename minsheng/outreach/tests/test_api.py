"""The publicity API: activities with totals, questionnaires and results; scope, 403, 404 and 422."""

import json

from minsheng.outreach.models import Activity, ChoiceCount, Questionnaire

from .conftest import choice_ids


def send(client, method, path, body):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


ACTIVITY = {
    "held_on": "2026-03-15",
    "place": "云中镇政府广场",
    "kind": "regulations_month",
    "title": "条例宣传月",
    "materials_distributed": 500,
    "questionnaires_collected": 80,
    "consultations_answered": 60,
    "people_reached": 300,
}


def test_a_township_records_an_activity_for_itself_by_default(api_client_for, city):
    response = send(api_client_for(city.yunzhong_handler), "post", "/api/v1/outreach/activities", ACTIVITY)

    body = response.json()
    assert response.status_code == 201
    assert body["organiser"] == {"id": city.yunzhong.pk, "name": "云中镇"}
    assert (body["kind_label"], body["materials_distributed"], body["results_recorded"]) == (
        "条例宣传月",
        500,
        False,
    )
    assert body["recorded_by"] == "yz_chengban"


def test_bad_input_gets_422_with_chinese_messages_by_field(api_client_for, city):
    response = send(
        api_client_for(city.yunzhong_handler),
        "post",
        "/api/v1/outreach/activities",
        {
            **ACTIVITY,
            "held_on": "2099-01-01",
            "kind": "parade",
            "people_reached": -3,
            "organiser_id": city.jinshatan.pk,
        },
    )

    errors = response.json()["errors"]
    assert response.status_code == 422
    assert errors["held_on"] == ["活动日期不能晚于今天：请在活动举办后登记"]
    assert errors["kind"] == ["请选择宣传形式"]
    assert errors["people_reached"] == ["不能为负数"]
    assert errors["organiser_id"] == ["您不能为“金沙滩镇”登记宣传活动"]
    assert not Activity.objects.exists()


def test_malformed_input_and_unknown_ids_get_422(api_client_for, city):
    client = api_client_for(city.registrar)

    not_a_date = send(client, "post", "/api/v1/outreach/activities", {**ACTIVITY, "held_on": "三月"})
    unknown = send(
        client,
        "post",
        "/api/v1/outreach/activities",
        {**ACTIVITY, "organiser_id": 99999, "questionnaire_id": 99999},
    )
    huge = send(client, "post", "/api/v1/outreach/activities", {**ACTIVITY, "place": "地" * 201})

    assert not_a_date.status_code == 422 and not_a_date.json()["errors"]["held_on"] == [
        "日期格式不正确，例如 2026-11-26"
    ]
    assert unknown.json()["errors"] == {
        "organiser_id": ["编号 99999 不存在"],
        "questionnaire_id": ["编号 99999 不存在"],
    }
    assert huge.json()["errors"]["place"] == ["不能超过 200 个字"]


def test_a_lawyer_gets_403_for_recording(api_client_for, city):
    response = send(api_client_for(city.lawyer), "post", "/api/v1/outreach/activities", ACTIVITY)

    assert response.status_code == 403
    assert "宣传活动" in response.json()["detail"]


def test_the_list_filters_and_totals_over_the_filtered_activities(api_client_for, city, record):
    import datetime as dt

    record(held_on=dt.date(2026, 2, 1), materials_distributed=100)
    record(actor=city.yunzhong_handler, held_on=dt.date(2026, 5, 1), materials_distributed=40, kind="banner")
    record(
        actor=city.yunzhong_handler,
        organiser=city.yunzhong_village,
        held_on=dt.date(2026, 5, 2),
        materials_distributed=2,
    )
    client = api_client_for(city.supervisor)

    everything = client.get("/api/v1/outreach/activities").json()
    yunzhong_may = client.get(
        "/api/v1/outreach/activities", {"organiser_id": city.yunzhong.pk, "held_from": "2026-05-01"}
    ).json()
    banners = client.get("/api/v1/outreach/activities", {"kind": "banner"}).json()
    backwards = client.get(
        "/api/v1/outreach/activities", {"held_from": "2026-05-01", "held_to": "2026-04-01"}
    )

    assert everything["count"] == 3 and everything["totals"]["materials_distributed"] == 142
    assert [a["held_on"] for a in everything["items"]] == ["2026-05-02", "2026-05-01", "2026-02-01"]
    assert yunzhong_may["totals"] == {
        "activities": 2,
        "materials_distributed": 42,
        "questionnaires_collected": 40,
        "consultations_answered": 30,
        "people_reached": 120,
    }
    assert banners["count"] == 1
    assert backwards.status_code == 422 and backwards.json()["errors"]["held_to"] == [
        "截止日期不能早于起始日期"
    ]


def test_activities_outside_the_callers_scope_are_404(api_client_for, city, record):
    other = record(actor=city.jinshatan_handler)
    client = api_client_for(city.yunzhong_handler)

    assert client.get("/api/v1/outreach/activities").json()["count"] == 0
    assert client.get(f"/api/v1/outreach/activities/{other.pk}").status_code == 404
    assert send(client, "put", f"/api/v1/outreach/activities/{other.pk}", ACTIVITY).status_code == 404
    assert client.delete(f"/api/v1/outreach/activities/{other.pk}").status_code == 404
    assert client.get(f"/api/v1/outreach/activities/{other.pk}/results").status_code == 404


def test_an_activity_is_corrected_and_deleted(api_client_for, city, record):
    activity = record(actor=city.yunzhong_handler)
    client = api_client_for(city.yunzhong_registrar)

    corrected = send(
        client, "put", f"/api/v1/outreach/activities/{activity.pk}", {**ACTIVITY, "people_reached": 301}
    )
    refused = send(
        api_client_for(city.supervisor), "put", f"/api/v1/outreach/activities/{activity.pk}", ACTIVITY
    )
    deleted = client.delete(f"/api/v1/outreach/activities/{activity.pk}")

    assert corrected.status_code == 200 and corrected.json()["people_reached"] == 301
    assert corrected.json()["organiser"]["id"] == city.yunzhong.pk
    assert refused.status_code == 403
    assert deleted.status_code == 204 and not Activity.objects.exists()


def test_a_questionnaire_is_made_used_and_its_results_entered_and_read(api_client_for, city):
    client = api_client_for(city.registrar)
    made = send(
        client,
        "post",
        "/api/v1/outreach/questionnaires",
        {
            "title": "知晓度调查",
            "questions": [
                {"text": "您是否了解《信访工作条例》？", "choices": ["了解", "部分了解", "不了解"]},
                {"text": "了解渠道", "choices": ["展板", "手册"], "multiple": True},
            ],
        },
    )
    assert made.status_code == 201
    questions = made.json()["questions"]
    single = [c["id"] for c in questions[0]["choices"]]
    multiple = [c["id"] for c in questions[1]["choices"]]
    activity = send(
        client,
        "post",
        "/api/v1/outreach/activities",
        {**ACTIVITY, "place": "服务中心", "questionnaire_id": made.json()["id"]},
    ).json()

    entered = send(
        client,
        "put",
        f"/api/v1/outreach/activities/{activity['id']}/results",
        {
            "counts": [
                {"choice_id": single[0], "count": 50},
                {"choice_id": single[1], "count": 20},
                {"choice_id": multiple[0], "count": 80},
            ]
        },
    )

    body = entered.json()
    assert entered.status_code == 200 and body["respondents"] == 80 and body["recorded_at"]
    first = body["questions"][0]
    assert [(c["count"], c["percent"]) for c in first["choices"]] == [(50, 62.5), (20, 25.0), (0, 0.0)]
    assert (first["answered"], first["unanswered"], first["unanswered_percent"]) == (70, 10, 12.5)
    assert body["questions"][1]["choices"][0]["percent"] == 100.0
    summary = client.get(f"/api/v1/outreach/questionnaires/{made.json()['id']}").json()["results"]
    assert summary["activities"] == 1 and summary["questions"][0]["choices"][0]["count"] == 50


def test_results_over_the_questionnaires_collected_are_422_and_change_nothing(
    api_client_for, city, record, questionnaire
):
    activity = record(questionnaire=questionnaire, questionnaires_collected=10)
    (single, _multiple) = choice_ids(questionnaire)
    question = questionnaire.questions.get(position=1)
    client = api_client_for(city.registrar)

    response = send(
        client,
        "put",
        f"/api/v1/outreach/activities/{activity.pk}/results",
        {"counts": [{"choice_id": single[0], "count": 8}, {"choice_id": single[1], "count": 3}]},
    )
    duplicate = send(
        client,
        "put",
        f"/api/v1/outreach/activities/{activity.pk}/results",
        {"counts": [{"choice_id": single[0], "count": 1}, {"choice_id": single[0], "count": 2}]},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        f"question_{question.pk}": ["第 1 题各选项合计 11 份，多于收回的问卷 10 份（单选题每份问卷只选一项）"]
    }
    assert duplicate.json()["errors"] == {"counts": [f"选项 {single[0]} 重复填写"]}
    assert not ChoiceCount.objects.exists()


def test_results_are_cleared_and_a_bad_questionnaire_is_422(api_client_for, city, record, questionnaire):
    activity = record(questionnaire=questionnaire)
    client = api_client_for(city.registrar)
    (single, _multiple) = choice_ids(questionnaire)
    send(
        client,
        "put",
        f"/api/v1/outreach/activities/{activity.pk}/results",
        {"counts": [{"choice_id": single[0], "count": 1}]},
    )

    cleared = client.delete(f"/api/v1/outreach/activities/{activity.pk}/results")
    again = client.delete(f"/api/v1/outreach/activities/{activity.pk}/results")
    bad = send(
        client,
        "post",
        "/api/v1/outreach/questionnaires",
        {"title": "", "questions": [{"text": "题", "choices": ["是"]}]},
    )

    assert cleared.status_code == 204 and not ChoiceCount.objects.exists()
    assert again.status_code == 422 and again.json()["errors"]["__all__"] == ["该活动尚未录入问卷结果"]
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "title": ["请填写问卷名称"],
        "questions.0.choices": ["每道题至少要有 2 个选项"],
    }


def test_questionnaires_are_listed_in_scope_deactivated_and_404_outside(api_client_for, city, questionnaire):
    from minsheng.outreach.services import QuestionEntry, questionnaire_create

    township_own = questionnaire_create(
        actor=city.yunzhong_handler, title="云中镇问卷", questions=[QuestionEntry("题", ["是", "否"])]
    )
    jinshatan = api_client_for(city.jinshatan_handler)

    listed = jinshatan.get("/api/v1/outreach/questionnaires").json()
    hidden = jinshatan.get(f"/api/v1/outreach/questionnaires/{township_own.pk}")
    forbidden = send(
        jinshatan, "patch", f"/api/v1/outreach/questionnaires/{questionnaire.pk}", {"is_active": False}
    )
    done = send(
        api_client_for(city.supervisor),
        "patch",
        f"/api/v1/outreach/questionnaires/{questionnaire.pk}",
        {"is_active": False},
    )

    assert [q["title"] for q in listed["items"]] == [questionnaire.title]
    assert listed["items"][0]["question_count"] == 2
    assert hidden.status_code == 404
    assert forbidden.status_code == 403
    assert done.status_code == 200 and done.json()["is_active"] is False
    assert not Questionnaire.objects.get(pk=questionnaire.pk).is_active


def test_the_api_needs_a_token(client):
    assert client.get("/api/v1/outreach/activities").status_code == 401
