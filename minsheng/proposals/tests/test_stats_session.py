"""Statistics per session — page, Excel and API show the same figures."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.audit.models import AuditEntry
from minsheng.proposals import services
from minsheng.proposals.models import Proposal, ProposalSession
from minsheng.proposals.stats import session_statistics

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_figures(city, cppcc, proposal_67_replied, submit):
    """No. 67 answered on time (grade A) and rated 满意; one proposal not admitted; one converted to an
    opinion; one still waiting for review."""
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating=Proposal.Rating.SATISFIED)
    refused = submit(title="关于我家房屋漏水的问题", actor=cppcc.li)
    services.proposal_not_admit(actor=cppcc.office, proposal=refused, ground="属于个人或家庭问题")
    converted = submit(title="关于增加公交线路的建议", actor=cppcc.zhao)
    services.proposal_convert(actor=cppcc.office, proposal=converted, unit=city.housing)
    submit(title="关于加强农村饮水安全的建议", actor=cppcc.li)
    return cppcc.session


def test_it_counts_received_admitted_units_on_time_grades_and_satisfaction(city, cppcc, session_figures):
    stats = session_statistics(user=cppcc.office, session=session_figures)
    assert (stats.received, stats.admitted, stats.not_admitted, stats.converted) == (4, 1, 1, 1)
    assert stats.pending_review == 1
    assert (stats.replied, stats.replied_on_time, stats.on_time_rate) == (1, 1, 100.0)
    assert stats.grades == {"A": 1}
    assert stats.ratings == {"satisfied": 1}
    assert stats.satisfaction_rate == 100.0
    assert stats.closed == 1
    (bureau,) = stats.units
    assert (bureau.unit, bureau.lead, bureau.replies, bureau.on_time) == (city.bureau.name, 1, 1, 1)


def test_the_statistics_page_shows_the_figures_of_the_chosen_session(client, city, cppcc, session_figures):
    empty = ProposalSession.objects.create(name="二届一次会议", opens_on="2025-01-10")
    client.force_login(cppcc.office)
    page = client.get(reverse("proposals:statistics")).content.decode()
    assert "二届二次会议提案办理情况" in page and city.bureau.name in page
    assert "100.0%" in page
    other = client.get(reverse("proposals:statistics"), {"session": empty.pk}).content.decode()
    assert "二届一次会议提案办理情况" in other and "本届次尚未交办提案" in other


def test_the_excel_export_holds_the_same_figures_and_is_audited(client, city, cppcc, session_figures):
    client.force_login(cppcc.office)
    response = client.get(reverse("proposals:statistics_excel"), {"session": session_figures.pk})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    overview = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=5, values_only=True)}
    assert overview["收到提案"] == 4 and overview["立案"] == 1 and overview["不予立案"] == 1
    assert overview["按期答复率"] == 1.0 and overview["满意"] == 1
    units = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert units[0][0] == city.bureau.name and units[0][1] == 1
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.EXPORT, object_id=str(session_figures.pk)
    ).exists()


def test_members_and_units_may_not_see_the_statistics(client, city, cppcc, session_figures):
    for user in (cppcc.wang, cppcc.bureau_handler, city.registrar):
        client.force_login(user)
        assert client.get(reverse("proposals:statistics")).status_code == 403
        assert client.get(reverse("proposals:statistics_excel")).status_code == 403


def test_a_leader_sees_the_statistics(client, city, session_figures):
    client.force_login(city.leader)
    assert client.get(reverse("proposals:statistics")).status_code == 200


def test_an_unknown_session_in_the_page_falls_back_with_the_current_one(client, cppcc, session_figures):
    client.force_login(cppcc.office)
    response = client.get(reverse("proposals:statistics"), {"session": "999999"})
    assert response.status_code == 200
    assert "二届二次会议提案办理情况" in response.content.decode()
