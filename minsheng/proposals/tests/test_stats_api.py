"""GET /api/v1/proposals/statistics?session_id= — the statistics through the API."""

import pytest

from minsheng.proposals import services
from minsheng.proposals.models import Proposal

pytestmark = pytest.mark.django_db

URL = "/api/v1/proposals/statistics"


def test_the_office_gets_a_sessions_figures(api_client_for, cppcc, proposal_67_replied):
    services.proposal_rate(
        actor=cppcc.wang,
        proposal=proposal_67_replied,
        rating=Proposal.Rating.UNSATISFIED,
        comment="希望进一步细化措施",
    )
    response = api_client_for(cppcc.office).get(URL, {"session_id": cppcc.session.pk})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["session"] == {"id": cppcc.session.pk, "name": "二届二次会议"}
    assert data["received"] == 1 and data["admitted"] == 1 and data["replied"] == 1
    assert data["grades"] == {"A": 1, "B": 0, "C": 0}
    assert data["ratings"]["unsatisfied"] == 1 and data["satisfaction_rate"] == 0.0
    assert data["units"][0]["lead"] == 1 and data["units"][0]["on_time"] == 1


def test_without_session_it_uses_the_current_one(api_client_for, cppcc, proposal_67):
    data = api_client_for(cppcc.office).get(URL).json()
    assert data["session"]["name"] == "二届二次会议" and data["pending_review"] == 1


def test_an_unknown_session_is_not_found(api_client_for, cppcc):
    assert api_client_for(cppcc.office).get(URL, {"session_id": 999999}).status_code == 404


def test_a_bad_session_id_is_refused(api_client_for, cppcc):
    assert api_client_for(cppcc.office).get(URL, {"session_id": "abc"}).status_code == 422


def test_a_member_may_not_read_the_statistics(api_client_for, cppcc, proposal_67):
    response = api_client_for(cppcc.wang).get(URL)
    assert response.status_code == 403
    assert "提案委" in response.json()["detail"]
