"""The hot issue pages: list and detail, period and organisation filters, who may see what."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.hotissues.models import HotIssue, HotIssueAnalysis
from minsheng.hotissues.services import hot_issues_refresh

from .helpers import period


@pytest.fixture
def analysed(estates):
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    lijing = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    jinxiu = HotIssue.objects.get(analysis=analysis, members__matter=estates.jinxiu[0])
    return analysis, lijing, jinxiu


def logged_in(client, user):
    client.force_login(user)
    return client


def test_it_lists_the_groups_largest_first_with_size_trend_and_place(client, city, analysed):
    _analysis, lijing, jinxiu = analysed

    html = logged_in(client, city.supervisor).get(reverse("hotissues:issue_list")).content.decode()

    assert html.index(f"/hot-issues/{lijing.pk}/") < html.index(f"/hot-issues/{jinxiu.pk}/")
    assert "<strong>5 件</strong>" in html and "<strong>4 件</strong>" in html
    assert "5 名信访人" in html
    assert "丽景小区" in html and "锦绣小区" in html
    assert html.count('<svg class="trend"') == 2
    # 13 weekly bars in a 90-day period, one per week.
    assert html.count("起一周") == 2 * 13
    assert "重新分析" in html


def test_it_draws_each_week_of_the_trend_with_its_count(client, city, analysed):
    _analysis, lijing, _jinxiu = analysed
    start = period()[0]

    html = (
        logged_in(client, city.supervisor)
        .get(reverse("hotissues:issue_detail", args=[lijing.pk]))
        .content.decode()
    )

    received = sorted(timezone.localdate(m.received_at) for m in [mm.matter for mm in lijing.members.all()])
    weeks: dict[dt.date, int] = {}
    for day in received:
        week = start + dt.timedelta(weeks=(day - start).days // 7)
        weeks[week] = weeks.get(week, 0) + 1
    for week, count in weeks.items():
        assert f"{week:%Y-%m-%d} 起一周：{count} 件" in html


def test_it_shows_a_groups_matters_on_its_page(client, city, estates, analysed):
    _analysis, lijing, _jinxiu = analysed

    html = (
        logged_in(client, city.leader)
        .get(reverse("hotissues:issue_detail", args=[lijing.pk]))
        .content.decode()
    )

    for matter in estates.lijing:
        assert matter.number in html
    for matter in [*estates.jinxiu, *estates.noise]:
        assert matter.number not in html
    # A leader sees the group but does not combine it.
    assert 'name="lead_org"' not in html


def test_it_reads_the_analysis_covering_a_narrower_period_and_counts_only_its_matters(
    client, city, estates, analysed
):
    start = timezone.localdate() - dt.timedelta(days=8)
    query = {"received_from": start.isoformat(), "received_to": timezone.localdate().isoformat()}

    html = logged_in(client, city.supervisor).get(reverse("hotissues:issue_list"), query).content.decode()

    # Within the last 9 days: 丽景 matters 1, 4 and 7 days old; 锦绣 matters 2, 5 and 8 days old.
    assert html.count("<strong>3 件</strong>") == 2
    assert "<strong>5 件</strong>" not in html


def test_it_says_so_when_no_analysis_covers_the_period(client, city, analysed):
    query = {"received_from": "2001-01-01", "received_to": "2001-03-31"}

    html = logged_in(client, city.supervisor).get(reverse("hotissues:issue_list"), query).content.decode()

    assert "该期间尚未分析热点问题" in html


def test_it_filters_by_organisation_subtree(client, city, estates, analysed):
    _analysis, lijing, jinxiu = analysed

    html = (
        logged_in(client, city.supervisor)
        .get(reverse("hotissues:issue_list"), {"organisation": city.jinshatan.pk})
        .content.decode()
    )

    assert f"/hot-issues/{jinxiu.pk}/" in html
    assert f"/hot-issues/{lijing.pk}/" not in html


def test_a_township_supervisor_sees_only_the_groups_of_matters_in_their_scope(
    client, township_supervisor, analysed
):
    _analysis, lijing, jinxiu = analysed
    client = logged_in(client, township_supervisor)

    html = client.get(reverse("hotissues:issue_list")).content.decode()

    assert f"/hot-issues/{lijing.pk}/" in html
    assert f"/hot-issues/{jinxiu.pk}/" not in html
    assert client.get(reverse("hotissues:issue_detail", args=[jinxiu.pk])).status_code == 404


def test_a_township_supervisor_counts_only_the_matters_they_may_see(
    client, city, register, people, township_supervisor, estates
):
    # Two more 丽景 complaints concern the other township: the group is 7, the township sees 5.
    for title in ("丽景小区供暖不热，暖气冰凉", "丽景小区暖气不热，室温十二度"):
        register(
            title=title,
            content="丽景小区供暖不达标，暖气不热，室温只有十二度，请热力公司整改丽景小区供暖。",
            petitioners=[people()],
            concerned_org=city.jinshatan,
        )
    analysis = hot_issues_refresh(start=period()[0], end=period()[1])
    lijing = HotIssue.objects.get(analysis=analysis, members__matter=estates.lijing[0])
    assert lijing.size == 7

    html = (
        logged_in(client, township_supervisor)
        .get(reverse("hotissues:issue_detail", args=[lijing.pk]))
        .content.decode()
    )

    assert "全组 7 件" in html
    assert len(re.findall(r'href="/matters/\d+/"', html)) == 5


@pytest.mark.parametrize("role", ["yunzhong_handler", "yunzhong_registrar", "lawyer"])
def test_it_is_not_shown_to_staff_outside_the_bureau_who_do_not_supervise_or_lead(
    client, city, analysed, role
):
    client = logged_in(client, getattr(city, role))

    assert client.get(reverse("hotissues:issue_list")).status_code == 403
    assert "热点问题" not in client.get(reverse("petitions:home")).content.decode()


def test_bureau_staff_see_it_in_the_navigation(client, city, analysed):
    html = logged_in(client, city.registrar).get(reverse("petitions:home")).content.decode()

    assert reverse("hotissues:issue_list") in html


def test_a_supervisor_refreshes_the_analysis_of_a_period(client, city, estates):
    start, end = period(30)

    response = logged_in(client, city.supervisor).post(
        reverse("hotissues:refresh"), {"received_from": start.isoformat(), "received_to": end.isoformat()}
    )

    assert response.status_code == 302
    analysis = HotIssueAnalysis.objects.get()
    assert (analysis.start, analysis.end, analysis.computed_by) == (start, end, city.supervisor)
    assert analysis.issue_count == 2


def test_a_registrar_cannot_refresh(client, city, estates):
    start, end = period(30)

    response = logged_in(client, city.registrar).post(
        reverse("hotissues:refresh"), {"received_from": start.isoformat(), "received_to": end.isoformat()}
    )

    assert response.status_code == 403
    assert not HotIssueAnalysis.objects.exists()


def test_a_refresh_with_the_dates_reversed_is_refused_and_changes_nothing(client, city, analysed):
    before = list(HotIssueAnalysis.objects.values_list("pk", flat=True))

    response = logged_in(client, city.supervisor).post(
        reverse("hotissues:refresh"),
        {"received_from": "2026-03-01", "received_to": "2026-01-01"},
        follow=True,
    )

    assert "起始日期不能晚于截止日期" in response.content.decode()
    assert list(HotIssueAnalysis.objects.values_list("pk", flat=True)) == before
