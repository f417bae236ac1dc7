"""In a real browser: the supervisor records a special-topic meeting with one decision."""

import pytest

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.meetings.models import JointMeeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_records_a_meeting_and_its_decision(browser_page, city, matter):
    page = browser_page
    browser_login(page, city.supervisor.username)

    page.goto(f"{page.base_url}/meetings/new/")
    page.fill("input[name=held_on]", "2026-06-10")
    page.select_option("select[name=kind]", "special")
    page.fill("input[name=title]", "研究东关村征地补偿款发放问题")
    page.fill("input[name=place]", "市信访局三楼会议室")
    page.select_option("select[name=chair]", str(city.leader.pk))
    page.select_option(
        "select[name=attendees]", [str(city.yunzhong_handler.pk), str(city.housing_handler.pk)]
    )
    page.fill("textarea[name=guests]", "王建国，东关村党支部书记")
    page.fill("textarea[name=matter_numbers]", matter.number)
    page.fill("textarea[name=minutes]", "会议听取了云中镇的汇报，研究了补偿款发放的处理意见。")
    page.fill("textarea[name=decisions-0-text]", "云中镇对补偿款发放情况进行核查，限期发放到户")
    page.select_option("select[name=decisions-0-organisation]", str(city.yunzhong.pk))
    page.fill("input[name=decisions-0-due_on]", "2026-06-30")
    page.screenshot(path=str(ARTIFACTS / "meetings-form.png"), full_page=True)
    page.click("button:has-text('保存会议记录')")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "meetings-detail.png"), full_page=True)

    meeting = JointMeeting.objects.get()
    assert meeting.tasks.get().organisation == city.yunzhong
    assert matter.number in page.inner_text("main")
    page.goto(f"{page.base_url}/meetings/")
    page.screenshot(path=str(ARTIFACTS / "meetings-list.png"), full_page=True)
