"""A registrar registers a group of two at the counter, by keyboard, and finds the matter in the list."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login, make_id_number
from minsheng.petitions.models import Matter, Petitioner, Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_registers_a_visit_with_two_petitioners_and_finds_it_in_the_list(browser_page, city, register):
    # A person already known from an earlier letter, to be found as the registrar types.
    earlier = register(channel="letter", title="反映低保资格问题")
    known = earlier.petitioners.get()
    page = browser_page
    browser_login(page, city.registrar.username)

    page.goto(f"{page.base_url}/intake/")
    page.select_option("#id_channel", "visit")
    page.fill("#id_head_count", "2")

    page.fill("#id_p-0-name", "王建国")
    page.keyboard.press("Tab")
    page.keyboard.type(make_id_number(sequence="457"))
    page.keyboard.press("Tab")
    page.keyboard.type("13800001111")
    page.keyboard.press("Tab")
    page.keyboard.type("云中镇东关村三组")

    page.keyboard.press("Alt+p")  # accesskey of “添加信访人” in Chromium
    page.wait_for_selector("#id_p-1-name")
    page.focus("#id_p-1-name")
    page.keyboard.type(known.name)
    option = page.wait_for_selector("[data-candidates] [role=option]")
    assert known.name in option.inner_text()
    assert "****" in option.inner_text()  # candidates show masked numbers only
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#id_p-1-petitioner_id") == str(known.pk)

    page.fill("#id_title", "反映东关村拆迁安置房迟迟未交付")
    page.fill("#id_content", "2024 年签订拆迁安置协议，约定 2025 年底交付安置房，至今未交付。")
    page.fill("#id_demands", "请求尽快交付安置房并支付过渡费")
    page.select_option("#id_concerned_org", str(city.yunzhong.pk))
    page.focus("#id_place")
    page.keyboard.press("Control+Enter")

    page.wait_for_selector("h1:has-text('反映东关村拆迁安置房迟迟未交付')")
    page.screenshot(path=str(ARTIFACTS / "intake-matter-detail.png"), full_page=True)
    matter = Matter.objects.get(title="反映东关村拆迁安置房迟迟未交付")
    submission = Submission.objects.get(matter=matter)
    assert submission.head_count == 2
    assert {p.name for p in submission.petitioners.all()} == {"王建国", known.name}
    assert Petitioner.objects.filter(name=known.name).count() == 1  # found, not duplicated
    assert page.locator("text=王建国").count() >= 1

    page.goto(f"{page.base_url}/matters/")
    page.fill("#id_q", "安置房")
    page.keyboard.press("Enter")
    page.wait_for_selector(".resultcount:has-text('共 1 件')")
    assert page.locator("table.matters").inner_text().count("反映低保资格问题") == 0
    page.screenshot(path=str(ARTIFACTS / "intake-matter-list.png"), full_page=True)
    page.locator("table.matters").get_by_role("link", name=matter.number).click()
    page.wait_for_url(f"{page.base_url}/matters/{matter.pk}/")
