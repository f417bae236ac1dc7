"""/notifications/outbox/ (消息发送记录): supervisors and administrators read every SMS and e-mail of
their scope — masked address, event, status, attempts, error and the text (redacted when sensitive) —
filter them, and resend a failed one; nobody else may."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role, User
from minsheng.audit.models import AuditEntry
from minsheng.notifications.models import Notification
from minsheng.notifications.services import credentials_sms_send, notification_queue
from minsheng.petitions.tests.workflow_steps import staff

from . import gateways
from .petitioner_sms import MASKED, PHONE

URL = "/notifications/outbox/"


@pytest.fixture
def outbox(city, register, settings, django_capture_on_commit_callbacks):
    """A registered matter (its petitioner's SMS failed at the gateway), portal credentials (sent), and
    an e-mail to the bureau's supervisor (sent)."""
    gateways.reset(failures=1)
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{gateways.__name__}.FlakyGateway",
    }
    User.objects.filter(pk=city.supervisor.pk).update(email="duban@huairen.gov.cn")
    with django_capture_on_commit_callbacks(execute=True):
        matter = register().matter
    with django_capture_on_commit_callbacks(execute=True):
        credentials_sms_send(phone="13987654321", matter=matter, query_code="K7Q2M9XW4P", password="58302716")
        notification_queue(
            dedupe_key="deadline:1:duban:email",
            recipient=User.objects.get(pk=city.supervisor.pk),
            channel="email",
            subject="超期提醒",
            body="一件事项已超期",
        )
    return matter


def page(client, user, query=""):
    client.force_login(user)
    return client.get(URL + query)


def test_it_shows_each_message_with_a_masked_address_and_its_text(client, city, outbox):
    response = page(client, city.supervisor)

    html = response.content.decode()
    assert response.status_code == 200
    assert MASKED in html and PHONE not in html
    assert "139****4321" in html and "13987654321" not in html
    assert "d***@huairen.gov.cn" in html and "duban@huairen.gov.cn" not in html
    assert f"您反映的信访事项已由怀仁市信访局登记，编号{outbox.number}" in html
    assert "已登记" in html and "网上信访查询码" in html
    assert "一件事项已超期" in html


def test_it_shows_a_sensitive_message_redacted(client, city, outbox):
    html = page(client, city.supervisor).content.decode()

    assert "58302716" not in html
    assert "密码******" in html and "含密码，已遮蔽" in html


def test_it_shows_the_failed_count_prominently_with_the_error(client, city, outbox):
    html = page(client, city.supervisor).content.decode()

    assert (
        '<a class="stat stat-alert" href="?status=failed" id="failed-count"><span class="num">1</span>'
        in html
    )
    assert "有 1 条消息发送失败" in html
    assert "ConnectionError: gateway refused 139****5678" in html
    assert "重新发送" in html


def test_it_filters_by_status_channel_and_date(client, city, outbox):
    failed = page(client, city.supervisor, "?status=failed").content.decode()
    email = page(client, city.supervisor, "?channel=email").content.decode()
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    later = page(client, city.supervisor, f"?date_from={tomorrow}").content.decode()

    assert "共 1 条" in failed and "您反映的信访事项已由" in failed and "一件事项已超期" not in failed
    assert "共 1 条" in email and "一件事项已超期" in email
    assert "没有符合条件的消息" in later


def test_it_pages_long_lists_keeping_the_filters(client, city, outbox, settings):
    settings.MATTER_LIST_PAGE_SIZE = 2
    today = timezone.localdate().isoformat()

    first = page(client, city.admin, f"?date_from={today}").content.decode()
    second = page(client, city.admin, f"?date_from={today}&page=2").content.decode()

    assert "共 3 条" in first and "第 1 / 2 页" in first
    assert f'href="?date_from={today}&amp;page=2"' in first
    assert "第 2 / 2 页" in second and second.count('<tr id="message-') == 1


def test_resending_a_failed_message_sends_it(client, city, outbox):
    failed = Notification.objects.get(status="failed")
    client.force_login(city.supervisor)

    response = client.post(f"{URL}{failed.pk}/resend/", {"next": URL + "?status=failed"})

    assert response.status_code == 302 and response["Location"] == URL + "?status=failed"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("sent", 2)
    assert "已重新发送" in client.get(URL).content.decode()
    # Who sent what again is on record (a resent message may carry a query password).
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MESSAGE_RESEND)
    assert (entry.actor, entry.object_id, entry.ip_address) == (city.supervisor, str(failed.pk), "127.0.0.1")
    assert entry.detail == {"channel": "sms", "event": failed.event, "attempts": 1}


def test_resending_a_sent_message_is_refused(client, city, outbox):
    sent = Notification.objects.filter(status="sent", channel="sms").first()
    client.force_login(city.supervisor)

    client.post(f"{URL}{sent.pk}/resend/")

    sent.refresh_from_db()
    assert sent.attempts == 1
    assert "只有发送失败的消息可以重新发送" in client.get(URL).content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.MESSAGE_RESEND).exists()


@pytest.mark.parametrize("role", ["yunzhong_handler", "registrar", "leader", "lawyer"])
def test_other_roles_may_neither_read_nor_resend(client, city, outbox, role):
    failed = Notification.objects.get(status="failed")
    client.force_login(getattr(city, role))

    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}{failed.pk}/resend/").status_code == 403
    failed.refresh_from_db()
    assert failed.attempts == 1


def test_a_township_supervisor_sees_only_messages_of_their_scope(client, city, outbox):
    township = staff(city.jinshatan, "jst_duban", role=Role.SUPERVISOR)
    failed = Notification.objects.get(status="failed")

    html = page(client, township).content.decode()

    assert "没有符合条件的消息" in html
    assert client.post(f"{URL}{failed.pk}/resend/").status_code == 404


def test_anonymous_visitors_go_to_the_login(client, db):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_the_messages_page_offers_the_outbox_tab_only_to_those_who_may_read_it(client, city):
    outbox_url = reverse("notifications:outbox")
    client.force_login(city.supervisor)
    assert f'href="{outbox_url}"' in client.get(reverse("notifications:list")).content.decode()
    client.force_login(city.registrar)
    assert f'href="{outbox_url}"' not in client.get(reverse("notifications:list")).content.decode()
