"""The demo publicity: built through the services on the demo city, once."""

import datetime as dt

from django.core.management import call_command

from minsheng.outreach.demo import build_outreach_demo
from minsheng.outreach.models import Activity, Questionnaire
from minsheng.outreach.reports import period_figures
from minsheng.petitions.demo_city import build_city


def test_the_demo_records_a_year_of_activities_with_consistent_results_once(db, settings):
    settings.DEBUG = True
    demo = build_city()
    today = dt.date(2026, 11, 26)

    report = build_outreach_demo(today=today)
    again = build_outreach_demo(today=today)

    assert report.activities_created == 60 and report.questionnaires_created == 1
    assert again.activities_created == 0 and again.skipped
    assert Questionnaire.objects.count() == 1
    assert Activity.objects.filter(results_recorded_at__isnull=False).count() == 36
    figures = period_figures(organisation=demo.city, start=dt.date(2025, 11, 1), end=today)
    assert figures["publicity_activities"] == 60 and figures["materials_distributed"] > 30000
    yunzhong = period_figures(organisation=demo.by_name["云中镇"], start=dt.date(2025, 11, 1), end=today)
    assert yunzhong["publicity_activities"] == 18
    call_command("load_outreach_demo")  # nothing more, and no error
    assert Activity.objects.count() == 60
