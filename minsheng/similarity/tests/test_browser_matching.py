"""At the counter: the registrar sees that a visitor raises a known matter again and attaches it."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_htmx_settle, browser_login
from minsheng.petitions.models import Matter
from minsheng.petitions.services import PetitionerEntry
from minsheng.similarity.models import MatchDecision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_registrar_attaches_a_repeat_from_the_panel(browser_page, city, register):
    earlier = register(
        petitioners=[PetitionerEntry(name="张建华", phone="13800001111", address="云中镇丽景小区")],
        title="丽景小区物业乱收停车费",
        content="丽景小区物业公司每月收取地面停车费三百元，业主多次反映无果。",
    ).matter
    register(
        petitioners=[PetitionerEntry(name="刘芳", phone="13800002222")],
        title="东关村村道破损",
        content="东关村通往镇上的村道破损严重，雨天无法通行。",
    )
    page = browser_page
    browser_login(page, city.registrar.username)
    page.goto(f"{page.base_url}/intake/")

    page.fill("#id_p-0-name", "张建华")
    page.fill("#id_p-0-phone", "13800001111")
    page.fill("#id_title", "丽景小区停车费还是乱收")
    page.fill("#id_content", "上次反映丽景小区物业乱收停车费的事，到现在还在收。")
    match = page.wait_for_selector(f"#match-results .match:has-text('{earlier.number}')")
    assert "同一信访人" in match.inner_text() and "同一地点：丽景小区" in match.inner_text()
    assert "东关村" not in page.inner_text("#match-results")
    page.locator("#match-panel").screenshot(path=str(ARTIFACTS / "intake-match-panel.png"))

    page.click(f"[data-attach-number='{earlier.number}']")
    assert page.input_value("#id_matter_number") == earlier.number
    page.wait_for_selector(".match-chosen")
    browser_htmx_settle(page)
    page.click("#submit-intake")

    page.wait_for_selector(f"h1:has-text('{earlier.title}')")
    assert Matter.objects.count() == 2
    decision = MatchDecision.objects.get()
    assert decision.choice == MatchDecision.Choice.REPEAT
    assert decision.chosen_matter == earlier and decision.chosen_rank == 1
    assert decision.submission.is_repeat
