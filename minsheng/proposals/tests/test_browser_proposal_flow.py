"""A proposal in a real browser from submission to rating: the member writes it, the office admits and
assigns it, the petition bureau answers, the member rates the answer."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_switch_user
from minsheng.proposals.models import Proposal

from .conftest import REASON_67, SUGGESTIONS_67, TITLE_67

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, username):
    browser_switch_user(page, username)


def test_a_proposal_goes_from_submission_to_rating(browser_page, city, cppcc):
    page = browser_page
    base = page.base_url

    # The member writes proposal 67.
    _as(page, cppcc.wang.username)
    page.goto(f"{base}/proposals/new/")
    page.fill("#id_title", TITLE_67)
    page.fill("#id_proposer_unit_post", "怀仁一中仁德校区德育处主任")
    page.fill("#id_phone", "13934561234")
    page.fill("#id_desired_departments", "信访部门")
    page.fill("#id_reason", REASON_67)
    page.fill("#id_suggestions", SUGGESTIONS_67)
    # The box of earlier proposals follows the typing (nothing on this subject yet).
    page.wait_for_selector("#similar >> text=没有找到同一主题的以往提案")
    page.screenshot(path=str(ARTIFACTS / "proposals-1-submit.png"), full_page=True)
    page.click("#proposal-form button[type=submit]")
    page.wait_for_selector(".msg-success")
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.SUBMITTED

    # The office admits it (number 67) and assigns it to the petition bureau.
    _as(page, cppcc.office.username)
    page.goto(f"{base}/proposals/")
    page.click(f"table.proposals >> text={TITLE_67}")
    page.fill("#admit-form textarea[name=review_opinion]", "同意立案，交市信访局办理。")
    page.click("#admit-form button[type=submit]")
    page.wait_for_selector("#assign-form")
    page.select_option("#assign-form select[name=lead]", str(city.bureau.pk))
    page.screenshot(path=str(ARTIFACTS / "proposals-2-assign.png"), full_page=True)
    page.click("#assign-form button[type=submit]")
    page.wait_for_selector(".msg-success")
    proposal.refresh_from_db()
    assert (proposal.number, proposal.status) == (67, Proposal.Status.ASSIGNED)

    # The bureau drafts the reply, records the leader's signature and sends it.
    _as(page, cppcc.bureau_handler.username)
    page.goto(f"{base}/proposals/assigned/")
    page.click(f"table.proposals >> text={TITLE_67}")
    page.fill(
        "#reply-form textarea[name=measures]",
        "一、严格落实领导干部接访制度，实现信访工作重心下移。\n今年上半年，市级领导共召开信访工作联席专题会议11次。",
    )
    page.select_option("#reply-form select[name=grade]", "A")
    page.fill("#reply-form textarea[name=report]", "已逐项研究落实。")
    page.click("#reply-form button[type=submit]")
    page.wait_for_selector("#sign-form")
    page.fill("#sign-form input[name=signed_by_name]", "刘局长")
    page.click("#sign-form button[type=submit]")
    page.wait_for_selector("#send-form")
    page.click("#send-form button[type=submit]")
    page.wait_for_selector(".reply-letter")
    page.screenshot(path=str(ARTIFACTS / "proposals-3-replied.png"), full_page=True)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REPLIED

    # The member rates the answer.
    _as(page, cppcc.wang.username)
    page.goto(f"{base}/proposals/")
    page.click("section[aria-labelledby=rate-title] a")
    page.wait_for_selector("#rate")
    assert "联席专题会议11次" in page.locator(".reply-letter").inner_text()
    page.check("#rate input[value=satisfied]")
    page.click("#rate button[type=submit]")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "proposals-4-rated.png"), full_page=True)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.rating) == (Proposal.Status.CLOSED, "satisfied")
