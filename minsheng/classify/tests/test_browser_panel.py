"""In the browser: typing a petition brings suggestions; a click fills the field; registering records it."""

import pytest

from minsheng.classify.models import CategorySuggestionFeedback
from minsheng.conftest import ARTIFACTS, browser_htmx_settle, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_registrar_picks_a_suggested_category_and_unit(browser_page, city, small_taxonomy):
    page = browser_page
    browser_login(page, city.registrar.username)
    page.goto(f"{page.base_url}/intake/")
    page.fill("#id_p-0-name", "王建国")
    page.fill("#id_title", "小区物业乱收停车费")
    page.fill("#id_content", "物业公司未经业主同意收取停车费，物业服务很差。")

    button = page.wait_for_selector("button.suggestion[data-fill=id_category]")
    assert "城乡建设" in button.inner_text()
    button.click()
    assert page.input_value("#id_category") == str(small_taxonomy["城乡建设"].pk)
    unit = page.wait_for_selector("button.suggestion[data-fill=id_concerned_org]")
    assert "住房和城乡建设局" in unit.inner_text()
    unit.click()
    assert page.input_value("#id_concerned_org") == str(city.housing.pk)
    page.locator("#classify-suggestions").screenshot(path=str(ARTIFACTS / "intake-suggestions.png"))

    browser_htmx_settle(page)
    page.click("#submit-intake")
    page.wait_for_selector("h1:has-text('小区物业乱收停车费')")
    feedback = CategorySuggestionFeedback.objects.get()
    assert (feedback.category_rank, feedback.unit_rank) == (1, 1)
    assert feedback.chosen_category == small_taxonomy["城乡建设"]
