"""A citizen files a petition on the portal, on a desktop and on a 360-px phone, tracks it, and after
the staff reply (through the real services) rates it and asks for a review. Every URL the browser
visited is checked for personal data."""

import datetime as dt
from urllib.parse import unquote

import pytest

from minsheng.conftest import ARTIFACTS, make_id_number
from minsheng.petitions.models import Matter, Rating
from minsheng.portal import botcheck

from .conftest import PNG
from .test_track import staff_reply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


# Every control a person can reach has a label a screen reader announces (the honeypot is hidden).
UNLABELLED = """() => [...document.querySelectorAll(
    'main input:not([type=hidden]), main select, main textarea')]
  .filter(el => !el.closest('.honeypot') && !(el.labels && el.labels.length)).map(el => el.name)"""


def answer_question(page) -> None:
    label = page.inner_text("label[for=id_bot_answer]")
    a, b = label.split("：")[1][0], label.split("加")[1][0]
    page.fill("#id_bot_answer", str(botcheck.DIGITS.index(a) + botcheck.DIGITS.index(b)))


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_citizen_files_tracks_rates_and_asks_for_review(
    chromium_browser, live_server, city, settings, tmp_path, device
):
    settings.PORTAL_MIN_FILL_SECONDS = 0
    settings.PORTAL_FAILURE_DELAY_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"
    context = chromium_browser.new_context(viewport=VIEWPORTS[device], locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    visited = []
    page.on("request", lambda request: visited.append(request.url))
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    id_number = make_id_number(birth="19520304", sequence="462")
    phone, name = "13812345678", "张秀英"
    photo = tmp_path / "路面.jpg"
    photo.write_bytes(b"MZ\x90\x00" + b"\x00" * 100)  # a program under a photo's name

    page.goto(f"{base}/public/")
    no_sideways_scroll(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.click("text=我要信访")
    no_sideways_scroll(page)
    assert page.evaluate(UNLABELLED) == []
    page.focus("#id_name")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    # Nothing filled in: the summary at the top links to each field, the message sits next to it.
    answer_question(page)
    page.click("button:has-text('下一步')")
    assert page.locator("#error-summary a[href='#id_name']").count() == 1
    assert page.locator("#id_name_error").inner_text() == "请填写姓名"
    assert page.get_attribute("#id_name", "aria-invalid") == "true"

    page.fill("#id_name", name)
    page.fill("#id_id_number", id_number)
    page.fill("#id_phone", phone)
    page.fill("#id_address", "云中镇东关村三组")
    page.fill("#id_title", "村里道路损坏多年未修<script>alert(1)</script>")
    page.fill("#id_content", "东关村通往镇上的道路坑洼多年。去年曾向法院起诉，对判决不服。")
    page.fill("#id_demands", "请求尽快维修道路")
    page.select_option("#id_township", str(city.yunzhong.pk))
    page.fill("#id_place", "东关村")
    page.set_input_files("#id_files", str(photo))
    answer_question(page)
    page.click("button:has-text('下一步')")
    assert "不支持的文件类型" in page.inner_text("#id_files_error")
    good = tmp_path / "路面2.png"
    good.write_bytes(PNG)
    page.set_input_files("#id_files", str(good))
    answer_question(page)
    page.click("button:has-text('下一步')")

    page.wait_for_selector("h1:has-text('请核对')")
    assert "<script>alert(1)</script>" in page.inner_text("main")  # shown as text, not run
    assert page.locator("#legal-route a[href='/public/library/?q=第三十一条']").count() == 1
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"portal-confirm-{device}.png"), full_page=True)
    page.click("button:has-text('确认提交')")

    page.wait_for_selector("#query-code")
    code = page.inner_text("#query-code")
    password = page.inner_text("#query-password")
    assert "请记下或截图保存" in page.inner_text("main")
    no_sideways_scroll(page)
    # 大字版, remembered across pages.
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    page.click("button:has-text('大字版')")
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert after > before
    page.screenshot(path=str(ARTIFACTS / f"portal-done-large-{device}.png"), full_page=True)
    matter = Matter.objects.get()
    assert matter.attachments.count() == 1

    page.goto(f"{base}/public/track/")
    assert page.evaluate("document.documentElement.classList.contains('large-type')")
    page.fill("#id_query_code", "ZZZZ ZZZZ ZZZZ")
    page.fill("#id_password", password)
    page.click("button:has-text('查询')")
    assert "查询码或密码不正确" in page.inner_text("#error-summary")
    page.fill("#id_query_code", code)
    page.fill("#id_password", password)
    page.click("button:has-text('查询')")
    page.wait_for_selector("#status-sentence")
    assert "已经登记" in page.inner_text("#status-sentence")

    staff_reply(city, matter, served_on=dt.date.today())
    page.reload()
    assert "承办单位已经作出书面答复" in page.inner_text("#status-sentence")
    assert "责成镇财政所" in page.inner_text("#replies")
    no_sideways_scroll(page)
    page.check("input[value=unsatisfied]")
    page.fill("#id_comment", "路还没修")
    page.click("button:has-text('提交评价')")
    page.wait_for_selector("text=谢谢您的评价")
    assert Rating.objects.get(is_current=True).source == Rating.Source.PETITIONER
    page.fill("#id_reason", "对处理意见不服，请求复查")
    page.click("button:has-text('提交复查请求')")
    page.wait_for_selector("text=您的申请已经提交")
    matter.refresh_from_db()
    assert matter.status == Matter.Status.REVIEW_REQUESTED
    assert "您已请求复查" in page.inner_text("#status-sentence")
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"portal-track-large-{device}.png"), full_page=True)
    page.click("button:has-text('退出查询')")
    page.wait_for_selector("#id_query_code")
    page.goto(f"{base}/public/")
    no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"portal-home-large-{device}.png"), full_page=True)

    secrets_ = [name, id_number, phone, code.replace(" ", ""), code, password, "东关村"]
    for url in visited:
        for secret in secrets_:
            assert secret not in unquote(url), f"{secret!r} in {url}"
    context.close()
