"""POST /api/v1/suggestions: both rankings for a text; errors in Chinese, by field."""

import json

import pytest


@pytest.fixture
def post(api_client_for):
    def _post(user, body):
        client = api_client_for(user)
        return client.post("/api/v1/suggestions", data=json.dumps(body), content_type="application/json")

    return _post


def test_it_returns_ranked_categories_and_units(small_taxonomy, city, post):
    response = post(
        city.registrar, {"title": "小区物业乱收费", "content": "物业公司乱收停车费。", "place": "云中镇"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["categories"][0]["name"] == "城乡建设"
    assert len(body["categories"]) == 3
    assert body["categories"][0]["id"] == small_taxonomy["城乡建设"].pk
    assert body["trained"] is False
    unit_ids = [u["id"] for u in body["units"]]
    assert city.housing.pk in unit_ids and city.yunzhong.pk in unit_ids
    assert all(0 <= item["score"] <= 1 for item in body["categories"] + body["units"])


def test_an_accusation_is_sent_towards_the_discipline_organ_once_learnt(
    small_taxonomy, city, register, post, tmp_path
):
    from minsheng.classify.services import classifier_train
    from minsheng.petitions.models import Nature
    from minsheng.petitions.services import matter_route

    for title in ("举报村干部贪污", "举报挪用公款", "举报收受贿赂"):
        matter = register(title=title, content=f"{title}。", nature=Nature.ACCUSATION).matter
        matter_route(actor=city.supervisor, matter=matter, kind="transfer", to_org=city.discipline)
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    response = post(city.registrar, {"title": "举报干部", "content": "干部违纪。", "nature": "accusation"})
    assert response.json()["units"][0]["id"] == city.discipline.pk


def test_empty_text_is_a_422_with_a_chinese_message(small_taxonomy, city, post):
    response = post(city.registrar, {"title": "", "content": "   "})
    assert response.status_code == 422
    assert response.json() == {"detail": "提交的数据有误", "errors": {"content": ["请填写标题或信访内容"]}}


def test_ten_thousand_characters_are_fine_and_more_than_twenty_thousand_are_refused(
    small_taxonomy, city, post
):
    long = "学校老师要求学生参加收费补课。" * 667
    assert len(long) >= 10_000
    response = post(city.registrar, {"title": "补课收费", "content": long[:10_000]})
    assert response.status_code == 200
    assert response.json()["categories"][0]["name"] == "教育文体"
    response = post(city.registrar, {"title": "补课收费", "content": "补" * 20_001})
    assert response.status_code == 422
    assert response.json()["errors"]["content"] == ["不能超过 20000 个字"]


def test_bad_nature_is_refused_by_field(small_taxonomy, city, post):
    response = post(city.registrar, {"title": "补课", "content": "补课", "nature": "other"})
    assert response.status_code == 422
    assert "nature" in response.json()["errors"]


def test_a_handler_may_not_ask_and_anonymous_callers_must_log_in(small_taxonomy, city, post, client):
    response = post(city.housing_handler, {"title": "补课", "content": "补课"})
    assert response.status_code == 403
    assert response.json()["detail"] == "只有登记员、督办员或管理员可以获取分类建议"
    response = client.post("/api/v1/suggestions", data="{}", content_type="application/json")
    assert response.status_code == 401
