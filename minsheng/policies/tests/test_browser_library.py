"""A citizen on a 360-px phone finds Art 31, reads it, moves to the next article, and opens the guide and
an FAQ — with nothing wider than the screen."""

import pytest

from minsheng.conftest import ARTIFACTS
from minsheng.policies.models import Faq

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(chromium_browser, live_server):
    context = chromium_browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True,
        locale="zh-CN",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    yield page
    context.close()


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360-px screen"


def test_a_citizen_on_a_phone_looks_up_article_31_and_the_guide(phone, regulation):
    Faq.objects.create(
        category="legal", question="已经打官司的事，信访能管吗？", answer="按照法定程序处理（第三十一条）。"
    )
    page = phone

    page.goto(f"{page.base_url}/public/library/")
    no_sideways_scroll(page)
    page.fill("#policy-q", "第三十一条")
    page.keyboard.press("Enter")
    page.wait_for_selector(".resultcount")
    first = page.locator(".policy-result").first
    assert "第三十一条" in first.locator("h2").inner_text()
    assert "信访工作条例" in first.inner_text()
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "policies-search-360.png"), full_page=True)

    first.locator("h2 a").click()
    page.wait_for_selector("h1:has-text('第三十一条')")
    assert page.locator(".policy-text").inner_text().startswith("对信访人提出的申诉求决类事项")
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "policies-article-360.png"), full_page=True)
    page.click("a[rel=next]")
    page.wait_for_selector("h1:has-text('第三十二条')")
    assert page.url.endswith(f"/public/library/{regulation.pk}/articles/32/")

    page.goto(f"{page.base_url}/public/library/guide/")
    no_sideways_scroll(page)
    assert page.locator("#steps").inner_text().count("日") >= 5
    page.screenshot(path=str(ARTIFACTS / "policies-guide-360.png"), full_page=True)
    page.click("#legal a:has-text('看第三十一条原文')")
    page.wait_for_selector("h1:has-text('第三十一条')")

    page.goto(f"{page.base_url}/public/library/faq/")
    page.click("summary:has-text('已经打官司的事')")
    item = page.locator("details.faq-item", has_text="已经打官司的事，信访能管吗？")
    link = item.locator(".faq-answer a:has-text('第三十一条')")
    assert link.is_visible()
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "policies-faq-360.png"), full_page=True)
    link.click()
    page.wait_for_selector("h1:has-text('第三十一条')")


def test_the_pages_stay_within_a_phone_screen_with_large_type(phone, regulation):
    page = phone
    for path in ("/public/library/", f"/public/library/{regulation.pk}/", "/public/library/guide/"):
        page.goto(f"{page.base_url}{path}")
        # The reader's larger default font (as set in the phone's browser): rem units scale with it.
        page.add_style_tag(content="html { font-size: 24px !important; }")
        no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "policies-guide-360-large.png"), full_page=False)
