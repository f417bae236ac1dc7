"""POST /api/v1/submissions/check: ranked candidates with reasons, saving nothing; and the choice recorded."""

import json

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Matter, MatterEvent, Petitioner, Submission
from minsheng.petitions.services import PetitionerEntry
from minsheng.similarity.models import MatchDecision, MatterSignature, MatterTerm

BODY = {
    "channel": "visit",
    "received_at": "2026-11-20T09:30:00+08:00",
    "title": "丽景小区物业乱收停车费",
    "content": "丽景小区物业公司每月收取地面停车费三百元，业主多次反映无果。",
    "petitioners": [{"name": "张建华", "id_number": make_id_number(sequence="201")}],
}


@pytest.fixture
def estate(register):
    return register(
        petitioners=[PetitionerEntry(name="张建华", id_number=make_id_number(sequence="201"))],
        title="丽景小区物业乱收停车费",
        content="丽景小区物业公司从本月起每月收取地面停车费三百元，没有任何依据。",
    ).matter


def post(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")


def test_it_returns_ranked_candidates_with_reasons_and_saves_nothing(city, estate, api_client_for):
    client = api_client_for(city.registrar)
    tables = (Matter, Submission, Petitioner, MatterEvent, MatchDecision, MatterTerm, MatterSignature)
    before = {model: model.objects.count() for model in tables}

    response = post(client, "/api/v1/submissions/check", BODY)

    assert response.status_code == 200
    data = response.json()
    assert data["petitioners_recognised"] == [Petitioner.objects.get(name="张建华").pk]
    first = data["candidates"][0]
    assert first["matter_number"] == estate.number
    assert first["action"] == "repeat" and first["same_petitioner"] is True
    assert "同一信访人" in first["reasons"] and "同一地点：丽景小区" in first["reasons"]
    assert 0 < first["score"] <= 1
    assert first["status"] == "registered" and first["status_label"] == "已登记"
    assert first["level"] == "信访局" and first["last_reply"] is None
    assert {model: model.objects.count() for model in tables} == before


def test_registering_with_the_candidates_shown_records_the_choice(city, estate, api_client_for):
    client = api_client_for(city.registrar)
    shown = post(client, "/api/v1/submissions/check", BODY).json()["candidates"]

    response = post(
        client,
        "/api/v1/submissions",
        {
            **BODY,
            "matter_number": shown[0]["matter_number"],
            "shown_candidates": [{"matter_id": c["matter_id"], "score": c["score"]} for c in shown],
        },
    )

    assert response.status_code == 201, response.content
    decision = MatchDecision.objects.get()
    assert decision.choice == MatchDecision.Choice.REPEAT and decision.chosen_rank == 1
    assert decision.submission.is_repeat


def test_the_check_is_for_registrars_only(city, estate, api_client_for):
    response = post(api_client_for(city.yunzhong_handler), "/api/v1/submissions/check", BODY)
    assert response.status_code == 403
    assert "登记" in response.json()["detail"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "x" * 201}, "title"),
        ({"receiving_org_id": 999999}, "receiving_org_id"),
        ({"channel": "pigeon"}, "channel"),
    ],
)
def test_bad_input_is_refused_by_field(city, api_client_for, change, field):
    response = post(api_client_for(city.registrar), "/api/v1/submissions/check", {**BODY, **change})
    assert response.status_code == 422
    assert any(field in key for key in response.json()["errors"])


def test_a_limit_outside_1_to_20_is_refused(city, api_client_for):
    response = post(api_client_for(city.registrar), "/api/v1/submissions/check?limit=0", BODY)
    assert response.status_code == 422
    assert "limit" in response.json()["errors"]
