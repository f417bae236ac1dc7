"""The office's sessions page: add a session, correct it, make it current; others are refused."""

import datetime as dt

import pytest
from django.urls import reverse

from minsheng.proposals.models import ProposalSession

pytestmark = pytest.mark.django_db


def test_the_office_adds_a_session_and_makes_it_current(client, cppcc, submit):
    client.force_login(cppcc.office)
    url = reverse("proposals:sessions")
    page = client.get(url).content.decode()
    assert "二届二次会议" in page and "当前届次" in page

    response = client.post(url, {"name": "二届三次会议", "opens_on": "2027-01-08", "closes_on": "2027-01-12"})
    assert response.status_code == 302
    new = ProposalSession.objects.get(name="二届三次会议")
    assert (new.opens_on, new.is_current) == (dt.date(2027, 1, 8), False)

    response = client.post(reverse("proposals:session_make_current", args=[new.pk]))
    assert response.status_code == 302
    assert list(ProposalSession.objects.filter(is_current=True)) == [new]
    # A proposal written now goes to the new session.
    assert submit().session == new


def test_bad_session_input_is_refused_with_reasons_and_nothing_saved(client, cppcc):
    client.force_login(cppcc.office)
    url = reverse("proposals:sessions")
    before = ProposalSession.objects.count()
    response = client.post(url, {"name": "二届二次会议", "opens_on": "2027-01-08"})
    assert response.status_code == 422 and "已存在" in response.content.decode()
    response = client.post(url, {"name": "二届三次会议", "opens_on": "2027-01-08", "closes_on": "2027-01-01"})
    assert response.status_code == 422 and "闭幕日期不能早于开幕日期" in response.content.decode()
    response = client.post(url, {"name": "", "opens_on": "明天"})
    assert response.status_code == 422
    assert ProposalSession.objects.count() == before


def test_the_office_corrects_a_sessions_dates_and_keeps_its_numbers(client, cppcc):
    client.force_login(cppcc.office)
    url = reverse("proposals:session_edit", args=[cppcc.session.pk])
    assert "二届二次会议" in client.get(url).content.decode()
    response = client.post(url, {"name": "二届二次会议", "opens_on": "2026-01-11", "closes_on": "2026-01-15"})
    assert response.status_code == 302
    cppcc.session.refresh_from_db()
    assert (cppcc.session.opens_on, cppcc.session.last_number) == (dt.date(2026, 1, 11), 66)


@pytest.mark.parametrize("who", ["wang", "bureau_handler"])
def test_members_and_units_cannot_manage_sessions(client, cppcc, who):
    client.force_login(getattr(cppcc, who))
    assert client.get(reverse("proposals:sessions")).status_code == 403
    response = client.post(reverse("proposals:sessions"), {"name": "伪造届次", "opens_on": "2027-01-08"})
    assert response.status_code == 403
    assert not ProposalSession.objects.filter(name="伪造届次").exists()
