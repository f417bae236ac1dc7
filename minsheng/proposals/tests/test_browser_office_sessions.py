"""The office in a real browser: reveals a proposer's contact details with a click (logged) and adds a
session and makes it current."""

import pytest

from minsheng.audit.models import AuditEntry
from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.proposals.models import ProposalSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_reveals_a_contact_and_manages_sessions(browser_page, cppcc, submit):
    page = browser_page
    proposal = submit()
    browser_login(page, cppcc.office.username)

    page.goto(f"{page.base_url}/proposals/{proposal.pk}/")
    contact = page.locator("#proposer-contact")
    assert "138****5678" in contact.inner_text()
    contact.get_by_role("button", name="显示完整").click()
    page.wait_for_selector("#proposer-contact >> text=13812345678")
    assert "怀仁市云中镇仁德路1号" in contact.inner_text()
    assert (
        AuditEntry.objects.filter(actor=cppcc.office, action=AuditEntry.Action.PERSONAL_DATA_VIEW).count()
        == 1
    )

    page.goto(f"{page.base_url}/proposals/sessions/")
    page.fill("#id_name", "二届三次会议")
    page.fill("#id_opens_on", "2027-01-08")
    page.check("#id_make_current")
    page.get_by_role("button", name="添加届次").click()
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "proposals-sessions.png"), full_page=True)
    assert ProposalSession.objects.get(is_current=True).name == "二届三次会议"
    row = page.locator("tr", has_text="二届三次会议")
    assert "当前届次" in row.inner_text()
