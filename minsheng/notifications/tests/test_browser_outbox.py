"""A supervisor opens 消息发送记录, sees the failed SMS first, reads what was sent (masked and redacted),
and sends the failed one again — on a desktop and on a 360-px phone."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.notifications.models import Notification
from minsheng.notifications.services import credentials_sms_send

from . import gateways

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_reads_the_outbox_and_resends_a_failed_sms(browser_page, city, register, settings):
    gateways.reset(failures=1)
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "sms": f"{gateways.__name__}.FlakyGateway",
    }
    matter = register().matter  # its SMS is the first the gateway sees, and fails
    credentials_sms_send(phone="13987654321", matter=matter, query_code="K7Q2M9XW4P", password="58302716")
    failed = Notification.objects.get(status="failed")
    page = browser_page
    browser_login(page, city.supervisor.username)

    # From 消息 in the navigation to its 消息发送记录 tab.
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="消息").click()
    page.get_by_role("navigation", name="消息").get_by_role("link", name="消息发送记录").click()
    page.wait_for_url(f"{page.base_url}/notifications/outbox/")

    assert page.inner_text("#failed-count .num") == "1"
    assert "有 1 条消息发送失败" in page.inner_text("[role=alert]")
    row = page.locator(f"#message-{failed.pk}")
    assert "139****5678" in row.inner_text() and "13912345678" not in page.content()
    assert "58302716" not in page.content() and "密码******" in page.content()
    page.screenshot(path=str(ARTIFACTS / "notifications-outbox.png"), full_page=True)

    row.get_by_role("button", name="重新发送").click()

    page.wait_for_selector(f"text=消息 #{failed.pk} 已重新发送")
    assert page.inner_text("#failed-count .num") == "0"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("sent", 2)

    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{page.base_url}/notifications/outbox/?channel=sms")
    page.screenshot(path=str(ARTIFACTS / "notifications-outbox-phone.png"), full_page=True)
    assert page.locator("table.outbox tbody tr").count() == 2
