"""/notifications/ ("消息") lists the user's own in-app messages; the navigation shows the unread count."""

import pytest

from minsheng.notifications.services import notification_queue


@pytest.fixture
def inbox(city, django_capture_on_commit_callbacks):
    def message(user, key, subject, channel="in_app", **extra):
        notification_queue(
            dedupe_key=key, recipient=user, channel=channel, subject=subject, body=f"{subject}的内容", **extra
        )

    with django_capture_on_commit_callbacks(execute=True):
        message(city.yunzhong_handler, "a", "第一条提醒")
        message(city.yunzhong_handler, "b", "第二条提醒")
        message(city.yunzhong_handler, "c", "短信副本", channel="sms", address="13900000002")
        message(city.housing_handler, "d", "住建局的提醒")


def test_it_lists_only_the_users_own_in_app_messages(client, city, inbox):
    client.force_login(city.yunzhong_handler)

    html = client.get("/notifications/").content.decode()

    assert "第一条提醒" in html and "第二条提醒的内容" in html
    assert "短信副本" not in html
    assert "住建局的提醒" not in html
    assert html.index("第二条提醒") < html.index("第一条提醒")


def test_it_shows_the_unread_count_in_the_navigation_until_read(client, city, inbox):
    client.force_login(city.yunzhong_handler)
    assert '<span class="badge" title="未读消息">2</span>' in client.get("/matters/").content.decode()

    response = client.post("/notifications/read/")

    assert response.status_code == 302
    html = client.get("/notifications/").content.decode()
    assert 'class="badge"' not in html
    assert "未读</span>" not in html
    assert 'href="/notifications/"' in html


def test_it_marks_only_the_users_own_messages_read(client, city, inbox):
    client.force_login(city.yunzhong_handler)
    client.post("/notifications/read/")

    client.force_login(city.housing_handler)
    assert '<span class="badge" title="未读消息">1</span>' in client.get("/notifications/").content.decode()


def test_it_shows_an_empty_inbox(client, city):
    client.force_login(city.lawyer)

    assert "暂无消息" in client.get("/notifications/").content.decode()


def test_it_sends_anonymous_visitors_to_the_login(client, db):
    assert client.get("/notifications/")["Location"].startswith("/accounts/login/")
    assert client.post("/notifications/read/")["Location"].startswith("/accounts/login/")
