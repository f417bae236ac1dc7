"""A supervisor opens the hot issues in a real browser and combines the largest group."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.hotissues.models import JointHandling
from minsheng.hotissues.services import hot_issues_refresh
from minsheng.petitions.models import MatterEvent

from .helpers import period

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_combines_the_largest_hot_issue(browser_page, city, estates):
    hot_issues_refresh(start=period()[0], end=period()[1])
    page = browser_page
    browser_login(page, city.supervisor.username)

    page.click("nav.mainnav >> text=热点问题")
    page.wait_for_selector("table.hot-issues")
    page.screenshot(path=str(ARTIFACTS / "hot-issues-list.png"), full_page=True)
    assert page.locator("table.hot-issues tbody tr").count() == 2
    page.locator("table.hot-issues tbody tr").first.locator("a").first.click()

    page.wait_for_selector("#joint-form")
    assert page.locator("input[name=matters]:checked").count() == 5
    page.select_option("select[name=lead_org]", str(city.yunzhong.pk))
    page.select_option("select[name=route_kind]", "assign")
    page.fill("textarea[name=note]", "由云中镇牵头，热力公司配合")
    page.screenshot(path=str(ARTIFACTS / "hot-issues-detail.png"), full_page=True)
    page.click("#joint-form button[type=submit]")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "hot-issues-joint.png"), full_page=True)

    joint = JointHandling.objects.get()
    assert joint.members.count() == 5 and joint.lead_org == city.yunzhong
    assert MatterEvent.objects.filter(kind=MatterEvent.Kind.JOINT_HANDLING).count() == 5
    page.locator("table.matters a").nth(1).click()
    page.wait_for_selector("#joint-box-title")
    assert "由云中镇牵头" in page.locator(".joint-box").inner_text()
    page.screenshot(path=str(ARTIFACTS / "hot-issues-matter-box.png"), full_page=True)
