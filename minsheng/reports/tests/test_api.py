"""GET /api/v1/reports/period: every figure with its label, the text, the units; the refusals."""

import pytest
from django.utils import timezone

from minsheng.reports.figures import FIGURES

from .conftest import SEPTEMBER, SEPTEMBER_TRUTH

URL = "/api/v1/reports/period"


def september_query(**extra):
    return {"start": SEPTEMBER[0].isoformat(), "end": SEPTEMBER[1].isoformat(), **extra}


def test_it_returns_every_figure_with_its_label_unit_and_definition(api_client_for, city, september):
    response = api_client_for(city.supervisor).get(URL, september_query())
    body = response.json()

    assert response.status_code == 200
    assert body["organisation"] == {"id": city.root.pk, "name": "怀仁市"}
    assert (body["start"], body["end"], body["period_phrase"]) == ("2026-09-01", "2026-09-30", "今年9月")
    assert [figure["key"] for figure in body["figures"]] == [spec.key for spec in FIGURES]
    received = next(figure for figure in body["figures"] if figure["key"] == "matters_received")
    assert (
        received["label"] == "登记信访事项"
        and received["unit"] == "件"
        and received["section"] == "petitions"
    )
    assert received["definition"].startswith("首次信访件的收到时间在统计期内")
    assert {key: body["values"][key] for key in SEPTEMBER_TRUTH} == SEPTEMBER_TRUTH
    assert body["values"]["satisfaction_rate"] is None
    assert body["narrative"][3].startswith("今年9月，全市共登记信访事项 6 件")
    units = {unit["name"]: unit for unit in body["units"]}
    assert units["怀仁市（本级）"]["is_own"] is True
    assert units["云中镇"]["values"]["matters_received"] == 2


def test_a_township_gets_its_own_subtree_by_default(api_client_for, city, september):
    body = api_client_for(city.yunzhong_handler).get(URL, september_query()).json()

    assert body["organisation"]["name"] == "云中镇"
    assert body["values"]["matters_received"] == 2
    assert [unit["name"] for unit in body["units"]] == ["云中镇（本级）", "东关村"]


def test_the_bureau_may_ask_for_any_unit_of_the_city(api_client_for, city, september):
    body = api_client_for(city.supervisor).get(URL, september_query(organisation_id=city.jinshatan.pk)).json()

    assert body["organisation"]["name"] == "金沙滩镇"
    assert (body["values"]["accept_due"], body["values"]["accepted_on_time"]) == (1, 0)


def test_a_preset_names_the_period(api_client_for, city):
    body = api_client_for(city.supervisor).get(URL, {"preset": "h1"}).json()
    year = timezone.localdate().year

    assert (body["start"], body["end"], body["period_phrase"]) == (
        f"{year}-01-01",
        f"{year}-06-30",
        "今年上半年",
    )


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"start": "2026-06-30", "end": "2026-01-01"}, {"end": ["截止日期不能早于起始日期"]}),
        ({"start": "2020-01-01", "end": "2025-01-01"}, {"end": ["统计期间不能超过 5 年"]}),
        ({"start": "not-a-date", "end": "2026-01-01"}, {"start": ["日期格式不正确，例如 2026-11-26"]}),
        ({"start": "2026-02-30", "end": "2026-03-01"}, {"start": ["日期格式不正确，例如 2026-11-26"]}),
        ({"start": "2026-01-01"}, {"end": ["请填写截止日期"]}),
        ({"preset": "h3"}, {"preset": ["未知的统计期间：h3"]}),
        ({"preset": "h" * 5000}, {"preset": ["不能超过 20 个字"]}),
    ],
)
def test_bad_periods_are_a_422_with_chinese_messages_by_field(api_client_for, city, params, errors):
    response = api_client_for(city.supervisor).get(URL, params)

    assert response.status_code == 422
    assert response.json()["errors"] == errors


def test_an_organisation_outside_the_callers_scope_is_a_404(api_client_for, city):
    client = api_client_for(city.yunzhong_handler)

    assert client.get(URL, {"organisation_id": city.jinshatan.pk}).status_code == 404
    assert client.get(URL, {"organisation_id": 987654}).status_code == 404


def test_a_role_without_reports_is_a_403_and_no_token_a_401(api_client_for, client, city):
    assert api_client_for(city.lawyer).get(URL).status_code == 403
    assert client.get(URL).status_code == 401


def test_the_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    parameters = {p["name"] for p in paths["/api/v1/reports/period"]["get"]["parameters"]}
    assert parameters == {"start", "end", "preset", "organisation_id"}


def test_an_empty_period_is_all_zeros_with_rates_null(api_client_for, city):
    body = api_client_for(city.supervisor).get(URL, {"start": "2001-01-01", "end": "2001-06-30"}).json()

    counts = [f["value"] for f in body["figures"] if f["unit"] != "%"]
    rates = [f["value"] for f in body["figures"] if f["unit"] == "%"]
    assert set(counts) == {0} and set(rates) == {None}
    assert body["narrative"] == [
        "2001年上半年，全市没有记录任何信访工作数据：领导接访、法律服务、宣传活动和信访事项均无记录。"
    ]
