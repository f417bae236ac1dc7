"""In a real browser: the supervisor plans the roster and assigns a lawyer; the lawyer declares,
gives an opinion and logs a consultation."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.conftest import ARTIFACTS, browser_login, browser_switch_user
from minsheng.legal.models import Consultation, DutyShift, LegalOpinion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_roster_assignment_declaration_opinion_and_consultation(browser_page, city, firm, claim):
    page = browser_page
    start = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    browser_login(page, city.supervisor.username)

    page.goto(f"{page.base_url}/legal/roster/?month={start:%Y-%m}")
    page.fill("#id_month", f"{start:%Y-%m}")
    page.check(f"#plan input[value='{firm.zhang.pk}']")
    page.check(f"#plan input[value='{firm.wang.pk}']")
    page.click("#plan button[type=submit]")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "legal-roster.png"), full_page=True)
    assert DutyShift.objects.count() > 15

    page.goto(f"{page.base_url}/legal/assignments/")
    page.fill("#id_number", claim.number)
    page.select_option("#id_lawyer", str(firm.zhang.pk))
    page.fill("#id_request", "请就补偿款争议的解决途径提出法律意见")
    page.click("#assign button[type=submit]")
    page.wait_for_selector(".msg-success")

    browser_switch_user(page, firm.zhang.username)
    page.goto(f"{page.base_url}/legal/")
    page.click(f"text={claim.number}")
    page.wait_for_selector("#declaration")
    assert claim.content not in page.content()
    page.screenshot(path=str(ARTIFACTS / "legal-declaration.png"), full_page=True)
    page.check("input[name=has_conflict][value=no]")
    page.check("#id_confirmed")
    page.click("#declaration button[type=submit]")
    page.wait_for_selector("#opinion-form")
    assert claim.content in page.content()
    page.fill("#id_facts", "村委会截留补偿款三万元。")
    page.fill("#id_analysis", "补偿款归承包人所有，村委会无权截留，属民事纠纷。")
    page.select_option("#id_route", "litigation")
    page.fill("#id_basis", "《中华人民共和国民法典》第二百四十三条")
    page.click("#opinion-form button[type=submit]")
    page.wait_for_selector(".legal-opinion")
    page.screenshot(path=str(ARTIFACTS / "legal-opinion.png"), full_page=True)
    assert LegalOpinion.objects.get().route == "litigation"

    page.goto(f"{page.base_url}/legal/consultations/")
    page.select_option("#id_topic", "labour")
    page.fill("#id_question", "工地拖欠工资怎么办？")
    page.fill("#id_advice", "可向劳动保障监察投诉或申请劳动仲裁。")
    page.click("#entry button[type=submit]")
    page.wait_for_selector(".msg-success")
    page.screenshot(path=str(ARTIFACTS / "legal-consultations.png"), full_page=True)
    assert Consultation.objects.get().lawyer == firm.zhang

    browser_switch_user(page, city.supervisor.username)
    page.goto(f"{page.base_url}/legal/assignments/")
    page.screenshot(path=str(ARTIFACTS / "legal-assignments.png"), full_page=True)
