"""`manage.py sweep_deadlines [--today YYYY-MM-DD]` runs the sweep and prints what it did."""

import io

import pytest
from django.core.management import CommandError, call_command

from minsheng.notifications.models import Notification


def run(*args) -> str:
    out = io.StringIO()
    call_command("sweep_deadlines", *args, stdout=out)
    return out.getvalue().strip()


def test_it_prints_the_counts_of_the_day_it_ran_for(city, matters, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = run("--today", "2026-06-15")
    second = run("--today", "2026-06-15")

    assert first == "2026-06-15：检查 4 件有期限的事项，新增提醒 12 条，新开督办 2 件，请求期限届满办结 0 件"
    assert second == "2026-06-15：检查 4 件有期限的事项，新增提醒 0 条，新开督办 0 件，请求期限届满办结 0 件"
    assert Notification.objects.filter(status="sent").count() == 12


def test_it_runs_for_today_by_default(city, matters):
    # The fixture's deadlines are in June 2026; by the machine's today they are long past.
    assert "新开督办" in run()


def test_it_refuses_a_malformed_date(db):
    with pytest.raises(CommandError, match="日期格式不正确：15/06/2026"):
        run("--today", "15/06/2026")
