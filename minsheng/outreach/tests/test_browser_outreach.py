"""A bureau registrar makes a questionnaire, records an activity that used it, enters its results and
reads them back, in a real browser."""

import datetime as dt

import pytest

from minsheng.conftest import ARTIFACTS, browser_login
from minsheng.outreach.models import Activity, Questionnaire

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_registrar_records_an_activity_and_its_questionnaire_results(browser_page, city, record):
    record(
        actor=city.yunzhong_handler,
        held_on=dt.date(2026, 4, 2),
        kind="door_to_door",
        place="东关村",
        materials_distributed=300,
        people_reached=120,
    )
    page = browser_page
    browser_login(page, city.registrar.username)

    page.goto(f"{page.base_url}/outreach/questionnaires/new/")
    page.fill("#id_title", "《信访工作条例》知晓度调查")
    page.fill("#id_q-0-text", "您是否了解《信访工作条例》？")
    page.fill("#id_q-0-choices", "了解\n部分了解\n不了解")
    page.fill("#id_q-1-text", "您从哪些渠道了解信访知识？")
    page.fill("#id_q-1-choices", "宣传展板\n宣传手册\n微信群")
    page.check("#id_q-1-multiple")
    page.click("#add-question")
    page.fill("#id_q-3-text", "您对信访接待是否满意？")
    page.fill("#id_q-3-choices", "满意\n基本满意\n不满意")
    page.screenshot(path=str(ARTIFACTS / "outreach-questionnaire-form.png"), full_page=True)
    page.click("button:has-text('保存问卷')")
    page.wait_for_selector(".msg-success")
    questionnaire = Questionnaire.objects.get()
    assert questionnaire.questions.count() == 3

    page.goto(f"{page.base_url}/outreach/new/")
    page.fill("#id_held_on", "2026-03-15")
    page.select_option("#id_kind", "regulations_month")
    page.fill("#id_place", "群众来访服务中心")
    page.fill("#id_title", "《信访工作条例》宣传月现场答疑")
    page.fill("#id_materials_distributed", "1200")
    page.fill("#id_questionnaires_collected", "200")
    page.fill("#id_consultations_answered", "150")
    page.fill("#id_people_reached", "400")
    page.select_option("#id_questionnaire", str(questionnaire.pk))
    page.screenshot(path=str(ARTIFACTS / "outreach-activity-form.png"), full_page=True)
    page.click("button:has-text('保存')>> nth=0")
    page.wait_for_selector(".msg-success")
    activity = Activity.objects.get(organiser=city.bureau)

    page.click("a:has-text('录入问卷结果')")
    page.wait_for_selector("fieldset.outreach-question")
    choices = [
        c.pk for q in questionnaire.questions.order_by("position") for c in q.choices.order_by("position")
    ]
    page.fill(f"#id_choice_{choices[0]}", "150")
    page.fill(f"#id_choice_{choices[1]}", "60")  # 210 answers to 200 questionnaires
    page.click("button:has-text('保存问卷结果')")
    page.wait_for_selector(".error-summary")
    assert "多于收回的问卷 200 份" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "outreach-results-refused.png"), full_page=True)
    page.fill(f"#id_choice_{choices[1]}", "40")
    page.fill(f"#id_choice_{choices[3]}", "180")
    page.fill(f"#id_choice_{choices[6]}", "170")
    page.click("button:has-text('保存问卷结果')")
    page.wait_for_selector("#results .outreach-results")
    assert "75.0%" in page.inner_text("#results")
    page.screenshot(path=str(ARTIFACTS / "outreach-activity-detail.png"), full_page=True)
    assert activity.choice_counts.count() == 9

    page.goto(f"{page.base_url}/outreach/")
    page.wait_for_selector("table.outreach-activities")
    assert page.locator("table.outreach-activities tbody tr").count() == 2
    assert "1500" in page.inner_text("tfoot")
    page.screenshot(path=str(ARTIFACTS / "outreach-activity-list.png"), full_page=True)

    page.goto(f"{page.base_url}/outreach/questionnaires/{questionnaire.pk}/")
    page.wait_for_selector("#results")
    page.screenshot(path=str(ARTIFACTS / "outreach-questionnaire-results.png"), full_page=True)
