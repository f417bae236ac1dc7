"""The report page: figures, text, units and definitions; presets; bad input; who sees which unit."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create, organisation_save

from .conftest import SEPTEMBER

URL = reverse("reports:period")


def get(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def september_query(**extra):
    return {"start": SEPTEMBER[0].isoformat(), "end": SEPTEMBER[1].isoformat(), **extra}


def figure_cell(html: str, key: str) -> str:
    match = re.search(rf'<tr data-key="{key}"><td>[^<]*</td><td class="num">([^<]*)</td>', html)
    assert match, key
    return match.group(1)


def test_it_shows_the_figures_text_units_and_definitions_of_the_city(client, city, september):
    response = get(client, city.supervisor, **september_query())
    html = response.content.decode()

    assert response.status_code == 200
    assert "怀仁市（含下级单位） · 今年9月（2026-09-01 至 2026-09-30）" in html
    assert figure_cell(html, "matters_received") == "6"
    assert figure_cell(html, "accepted_on_time_rate") == "50.0%"
    assert figure_cell(html, "completed_on_time_rate") == "33.3%"
    assert figure_cell(html, "repeat_rate") == "12.5%"
    assert figure_cell(html, "satisfaction_rate") == "—"  # the ratings were recorded today, not in September
    assert "今年9月，全市共登记信访事项 6 件，收到信访件 8 件" in html
    assert "怀仁市（本级）" in html and ">云中镇</a>" in html
    assert "口径说明" in html and "首次信访件的收到时间在统计期内" in html
    assert 'href="/reports/period.pdf?start=2026-09-01&amp;end=2026-09-30&amp;organisation=' in html


def test_by_default_the_bureau_sees_the_city_and_a_township_its_own_subtree(client, city, september):
    bureau = get(client, city.supervisor).content.decode()
    leader = get(client, city.leader).content.decode()
    department = get(client, city.housing_handler).content.decode()
    township = get(client, city.yunzhong_handler).content.decode()

    assert "怀仁市（含下级单位）" in bureau and "怀仁市（含下级单位）" in leader
    assert "怀仁市住房和城乡建设局（含下级单位）" in department
    assert "云中镇（含下级单位）" in township
    assert ">东关村</a>" in township and "金沙滩镇" not in township


def test_a_preset_fills_in_its_dates(client, city):
    html = get(client, city.supervisor, preset="q3").content.decode()
    year = timezone.localdate().year

    assert f"（{year}-07-01 至 {year}-09-30）" in html
    assert f'value="{year}-07-01"' in html and f'value="{year}-09-30"' in html
    assert "第三季度" in html


def test_a_township_may_not_ask_for_another_townships_report(client, city):
    response = get(client, city.yunzhong_handler, organisation=city.jinshatan.pk)

    assert response.status_code == 404


def test_an_organisation_that_is_no_number_is_not_found(client, city):
    assert get(client, city.supervisor, organisation="abc").status_code == 404


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"start": "2026-06-30", "end": "2026-01-01"}, "end", "截止日期不能早于起始日期"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "end", "统计期间不能超过 5 年"),
        ({"start": "2026-13-01", "end": "2026-12-31"}, "start", "日期格式不正确，例如 2026-11-26"),
        ({"start": "昨天", "end": "2026-12-31"}, "start", "日期格式不正确，例如 2026-11-26"),
        ({"start": "2026-01-01"}, "end", "请填写截止日期"),
    ],
)
def test_bad_dates_are_refused_in_place_with_a_chinese_message(client, city, params, field, message):
    response = get(client, city.supervisor, **params)
    html = response.content.decode()

    assert response.status_code == 400
    assert re.search(rf'id="id_{field}".*?<p class="errorlist" role="alert">{message}</p>', html, re.S)
    assert "情况综述" not in html


def test_an_unknown_preset_is_refused(client, city):
    response = get(client, city.supervisor, preset="h3")

    assert response.status_code == 400
    assert "未知的统计期间：h3" in response.content.decode()


def test_a_unit_since_closed_can_still_be_reported_on(client, city):
    city.jinshatan.is_active = False
    organisation_save(organisation=city.jinshatan)

    response = get(client, city.supervisor, organisation=city.jinshatan.pk)

    assert response.status_code == 200
    assert "金沙滩镇（含下级单位）" in response.content.decode()


def test_a_lawyer_may_not_see_reports(client, city):
    assert get(client, city.lawyer).status_code == 403


def test_it_requires_a_login(client):
    response = client.get(URL)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_empty_period_shows_zeros_and_says_nothing_was_recorded(client, city):
    html = get(client, city.supervisor, start="2001-01-01", end="2001-12-31").content.decode()

    assert figure_cell(html, "matters_received") == "0"
    assert figure_cell(html, "satisfaction_rate") == "—"
    assert "2001年，全市没有记录任何信访工作数据" in html


def test_the_units_table_pages_by_25(client, city):
    for n in range(30):
        organisation_create(name=f"测试村{n:02d}", kind=Organisation.Kind.VILLAGE, parent=city.yunzhong)

    first = get(client, city.yunzhong_handler, start="2026-01-01", end="2026-01-31").content.decode()
    second = get(client, city.yunzhong_handler, start="2026-01-01", end="2026-01-31", page=2).content.decode()

    # 本级, 东关村 and 30 villages: 32 rows.
    assert first.count("<tr data-unit=") == 25
    assert second.count("<tr data-unit=") == 7
    assert "第 2 / 2 页" in second


def test_today_is_in_the_default_period(client, city):
    today = timezone.localdate()
    html = get(client, city.supervisor).content.decode()
    start = dt.date(today.year, 1 if today.month <= 6 else 7, 1)

    assert f"（{start.isoformat()} 至" in html


def test_the_navigation_filter_shows_reports_to_staff_and_not_to_lawyers(city):
    link = Template("{% load reports %}{% if user|sees_reports %}工作报表{% endif %}")

    assert link.render(Context({"user": city.yunzhong_registrar})) == "工作报表"
    assert link.render(Context({"user": city.leader})) == "工作报表"
    assert link.render(Context({"user": city.lawyer})) == ""
