"""The item's page for the bureau: issue a notice, escalate, accept feedback, note a follow-up and close,
each form showing its mistakes in place."""

import pytest

from minsheng.petitions.tests.workflow_steps import set_today
from minsheng.supervision.models import SupervisionNotice

from .conftest import TODAY
from .notices import D, swept_item


@pytest.fixture
def item(city, matters, monkeypatch, client):
    set_today(monkeypatch, TODAY)
    client.force_login(city.supervisor)
    return swept_item(matters.overdue_10, TODAY)


def test_it_offers_the_bureaus_steps_and_shows_the_history(client, item):
    html = client.get(f"/supervision/{item.pk}/").content.decode()

    for action in ("notices", "follow-up", "close"):
        assert f'action="/supervision/{item.pk}/{action}/"' in html
    assert f'action="/supervision/{item.pk}/escalate/"' not in html  # nothing to escalate yet
    assert "办理期限 2026-06-05 已届满" in html and "已超期 10 日" in html


def test_it_issues_escalates_and_accepts_from_the_page(client, city, item):
    issued = client.post(
        f"/supervision/{item.pk}/notices/",
        {
            "level": "reminder",
            "feedback_due_on": "2026-06-18",
            "addressee": city.yunzhong.pk,
            "requirement": "",
        },
    )
    escalated = client.post(f"/supervision/{item.pk}/escalate/", {"feedback_due_on": "2026-06-22"})

    assert (issued.status_code, escalated.status_code) == (302, 302)
    assert list(item.notices.values_list("level", "status")) == [
        ("reminder", "escalated"),
        ("supervision", "awaiting"),
    ]
    notice = item.notices.get(level="supervision")
    client.force_login(city.yunzhong_handler)
    client.post(f"/supervision/notices/{notice.pk}/feedback/", {"text": "已办结"})
    client.force_login(city.supervisor)
    page = client.get(f"/supervision/{item.pk}/").content.decode()
    assert f'action="/supervision/notices/{notice.pk}/accept/"' in page

    assert client.post(f"/supervision/notices/{notice.pk}/accept/", {"note": "属实"}).status_code == 302
    notice.refresh_from_db()
    assert notice.status == SupervisionNotice.Status.ACCEPTED


def test_it_shows_a_bad_notice_in_place(client, city, item):
    response = client.post(
        f"/supervision/{item.pk}/notices/",
        {"level": "reminder", "feedback_due_on": "2026-06-14", "addressee": city.jinshatan.pk},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert "反馈期限应晚于发出日期" in html
    assert not SupervisionNotice.objects.exists()


def test_it_requires_a_note_to_close_from_the_page(client, item):
    response = client.post(f"/supervision/{item.pk}/close/", {"close-note": ""})

    assert response.status_code == 422 and "这个字段是必填项" in response.content.decode()
    item.refresh_from_db()
    assert item.closed_on is None
    assert client.post(f"/supervision/{item.pk}/follow-up/", {"follow-note": "电话督促"}).status_code == 302
    assert client.post(f"/supervision/{item.pk}/close/", {"close-note": "已办结"}).status_code == 302
    item.refresh_from_db()
    assert (item.closed_on, item.close_note) == (D(2026, 6, 15), "已办结")
    assert list(item.events.values_list("kind", flat=True)) == ["follow_up", "closed"]


def test_a_leader_reads_the_item_without_the_bureaus_forms(client, city, item):
    client.force_login(city.leader)

    html = client.get(f"/supervision/{item.pk}/").content.decode()

    assert "督办记录" in html
    assert 'action="/supervision/' not in html
    assert client.post(f"/supervision/{item.pk}/follow-up/", {"follow-note": "x"}).status_code == 403
