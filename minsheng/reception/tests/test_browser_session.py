"""The bureau's registrar, in a real browser, opens today's reception and registers a petitioner the
leader received, answered on the spot."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.reception.models import Kind, Outcome, ReceptionEntry
from minsheng.reception.services import reception_day_plan

from .helpers import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_registrar_records_a_petitioner_answered_on_the_spot(browser_page, city, leaders):
    reception_day_plan(actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate())
    page = browser_page
    browser_login(page, city.registrar.username)

    page.goto(f"{page.base_url}/reception/")
    page.wait_for_selector("table.rota")
    page.screenshot(path=str(ARTIFACTS / "reception-rota.png"), full_page=True)
    page.click("text=开始接访")

    page.wait_for_selector("#entry-form")
    assert "刘振华（副市长）" in page.locator("h1").inner_text()
    # The instruction's fields show only for 现场批示.
    # expect() waits for the deferred script that hides the fieldset, instead of racing it.
    expect(page.locator("fieldset.instruction-fields")).to_be_hidden()
    page.fill("input[name=name]", "张秀英")
    page.fill("input[name=id_number]", person().id_number)
    page.fill("input[name=phone]", "13712345678")
    page.fill("input[name=address]", "云中镇东关村")
    page.fill("input[name=head_count]", "2")
    page.fill("input[name=title]", "反映房屋拆迁补偿款未发放")
    page.fill("textarea[name=content]", "本人房屋去年被征收，补偿款至今未发放到位。")
    page.fill("textarea[name=demands]", "请求尽快发放补偿款")
    page.check("input[name=outcome][value=instructed]")
    expect(page.locator("fieldset.instruction-fields")).to_be_visible()
    page.check("input[name=outcome][value=answered]")
    expect(page.locator("fieldset.instruction-fields")).to_be_hidden()
    page.fill("textarea[name=outcome_note]", "刘副市长当场解释了补偿政策，请云中镇三日内答复发放时间。")
    page.screenshot(path=str(ARTIFACTS / "reception-session-form.png"), full_page=True)
    page.click("#entry-form button[type=submit]")

    page.wait_for_selector(".msg-success")
    entry = ReceptionEntry.objects.get()
    assert entry.outcome == Outcome.ANSWERED and entry.submission.head_count == 2
    row = page.locator("table.entries tbody tr").first.inner_text()
    assert "张秀英" in row and "现场答复" in row and entry.matter.number in row
    assert page.locator(".session-stats .num").first.inner_text() == "1"
    page.screenshot(path=str(ARTIFACTS / "reception-session.png"), full_page=True)
