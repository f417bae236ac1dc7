"""A supervisor reads the September report in a real browser and switches to a township."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_reads_the_report_and_opens_a_townships(browser_page, city, september):
    page = browser_page
    browser_login(page, city.supervisor.username)

    page.goto(f"{page.base_url}/reports/?start=2026-09-01&end=2026-09-30")
    page.wait_for_selector(".report-narrative")
    page.screenshot(path=str(ARTIFACTS / "reports-city-september.png"), full_page=True)
    assert "全市共登记信访事项 6 件" in page.locator(".report-narrative").inner_text()
    assert page.locator("tr[data-key=accepted_on_time_rate] td.num").inner_text() == "50.0%"

    page.locator("table.report-units a", has_text="云中镇").click()
    page.wait_for_selector(".report-narrative")
    assert "云中镇共登记信访事项 2 件" in page.locator(".report-narrative").inner_text()
    assert page.locator("select[name=organisation]").input_value() == str(city.yunzhong.pk)

    page.click("text=今年上半年")
    page.wait_for_selector(".report-narrative")
    assert page.locator("input[name=start]").input_value().endswith("-01-01")
    page.screenshot(path=str(ARTIFACTS / "reports-township-half-year.png"), full_page=True)

    with page.expect_download() as download:
        page.click("text=下载 Excel")
    assert download.value.suggested_filename.endswith(".xlsx")
