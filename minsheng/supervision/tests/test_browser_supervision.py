"""In a real browser: the supervisor issues a reminder from the dashboard, and the township's handler
finds it under 督办 and gives written feedback."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.supervision.models import SupervisionFeedback, SupervisionNotice
from minsheng.supervision.services import deadlines_sweep

from .conftest import TODAY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reminder_goes_out_and_the_unit_answers_it(browser_page, city, matters):
    deadlines_sweep(today=TODAY)
    page = browser_page
    browser_login(page, city.supervisor.username)

    page.click("nav.mainnav >> text=督办")
    page.wait_for_selector(".supervision-dashboard")
    page.screenshot(path=str(ARTIFACTS / "supervision-dashboard.png"), full_page=True)
    page.locator("table.supervision tbody tr", has_text="超期十日").locator("text=督办详情").click()
    page.wait_for_selector("#steps")
    page.click("#steps summary:has-text('发出督办通知书')")
    page.select_option("select[name=level]", "reminder")
    page.fill("textarea[name=requirement]", "请于一周内约见信访人并答复。")
    page.locator("form[action$='/notices/'] button[type=submit]").click()
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "supervision-item.png"), full_page=True)
    notice = SupervisionNotice.objects.get()
    page.goto(f"{page.base_url}/supervision/notices/{notice.pk}/preview/")
    page.wait_for_selector("article.sheet")
    page.screenshot(path=str(ARTIFACTS / "supervision-notice.png"), full_page=True)
    assert "云中镇：" in page.inner_text("article.sheet")

    page.goto(f"{page.base_url}/")
    page.click("button:has-text('退出')")
    browser_login(page, city.yunzhong_handler.username)
    page.click("nav.mainnav >> text=督办")
    page.wait_for_selector("table.unit-items")
    page.screenshot(path=str(ARTIFACTS / "supervision-unit.png"), full_page=True)
    page.locator("table.unit-items a", has_text="超期十日").click()
    page.fill("textarea[name=text]", "已约见信访人，补偿款将于月底前发放到户。")
    page.click("#feedback button[type=submit]")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "supervision-feedback.png"), full_page=True)

    assert SupervisionFeedback.objects.get().text == "已约见信访人，补偿款将于月底前发放到户。"
