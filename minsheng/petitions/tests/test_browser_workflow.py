"""One matter through the whole statutory workflow in a real browser: registration, routing,
acceptance, reply, review and recheck to final, with the notices on the page."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_switch_user
from minsheng.petitions.models import Matter, Notice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPINION = {
    "request": "请求发放征收补偿款",
    "facts_and_reasons": "经调查核实，补偿协议已签订，补偿款因资金调度延迟发放。",
    "text": "责成云中镇于 30 日内发放补偿款。",
    "basis": "《国有土地上房屋征收与补偿条例》第二十七条",
}


def take_step(page, step: str, fields: dict | None = None, selects: dict | None = None) -> None:
    form = page.locator(f"form[action$='/steps/{step}/']")
    form.locator("xpath=..").locator("summary").click()
    for name, value in (fields or {}).items():
        form.locator(f"[name='{step}-{name}']").fill(value)
    for name, value in (selects or {}).items():
        form.locator(f"[name='{step}-{name}']").select_option(value)
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".msg-success")


def log_in_as(page, username, matter):
    browser_switch_user(page, username)
    page.goto(f"{page.base_url}/matters/{matter.pk}/")


def test_it_takes_one_matter_from_registration_to_final(browser_page, city, register):
    matter = register(title="反映东关村征收补偿款未发放", concerned_org=city.yunzhong_village).matter
    page = browser_page

    log_in_as(page, city.supervisor.username, matter)
    take_step(page, "route", selects={"kind": "assign", "to_org": str(city.yunzhong.pk)})
    assert page.locator(".status.big").inner_text() == "已交办"

    log_in_as(page, city.yunzhong_handler.username, matter)
    take_step(page, "accept")
    take_step(page, "note", fields={"text": "到东关村入户核实，补偿协议属实。"})
    take_step(page, "reply", fields=OPINION, selects={"outcome": "support"})
    assert page.locator(".status.big").inner_text() == "已答复"
    page.screenshot(path=str(ARTIFACTS / "workflow-replied.png"), full_page=True)

    log_in_as(page, city.supervisor.username, matter)
    take_step(page, "review_request", fields={"reason": "认为补偿标准过低"})
    take_step(page, "review", fields=OPINION, selects={"outcome": "explain"})
    take_step(page, "recheck_request", fields={"reason": "仍不服"})
    take_step(page, "hearing", fields={"days": "7"})
    take_step(page, "recheck", fields=OPINION, selects={"outcome": "not_support"})
    assert page.locator(".status.big").inner_text() == "已终结"
    page.screenshot(path=str(ARTIFACTS / "workflow-final.png"), full_page=True)

    matter.refresh_from_db()
    assert matter.status == Matter.Status.FINAL
    assert [n.kind for n in Notice.objects.filter(matter=matter).order_by("pk")] == [
        "assignment_form",
        "acceptance_notice",
        "reply_opinion",
        "review_opinion",
        "recheck_opinion",
    ]
    timeline = page.locator(".timeline").inner_text()
    for label in (
        "交办",
        "受理",
        "办理记录",
        "答复",
        "申请复查",
        "复查意见",
        "申请复核",
        "听证",
        "复核意见（终结）",
    ):
        assert label in timeline

    with page.expect_popup() as popup:
        page.locator(".notices li").last.get_by_role("link", name="打印预览").click()
    preview = popup.value
    preview.wait_for_load_state()
    assert "信访事项复核意见书" in preview.content()
    preview.screenshot(path=str(ARTIFACTS / "workflow-recheck-opinion-preview.png"), full_page=True)


def test_it_shows_the_reason_when_a_step_is_refused(browser_page, city, register):
    matter = register(title="反映拖欠工资", concerned_org=city.yunzhong).matter
    page = browser_page
    log_in_as(page, city.supervisor.username, matter)

    form = page.locator("form[action$='/steps/route/']")
    form.locator("xpath=..").locator("summary").click()
    form.locator("[name='route-kind']").select_option("transfer")
    form.locator("button[type=submit]").click()

    page.wait_for_selector(".errorlist")
    assert "请选择接收单位" in page.locator("#steps").inner_text()
    matter.refresh_from_db()
    assert matter.status == Matter.Status.REGISTERED
