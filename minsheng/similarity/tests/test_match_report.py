"""match_report: how the intake check does in use, from what registrars chose after seeing it."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from minsheng.conftest import make_id_number
from minsheng.petitions.services import PetitionerEntry
from minsheng.similarity.decision_report import match_decisions_report
from minsheng.similarity.models import MatchDecision

ESTATE = {"title": "丽景小区物业乱收停车费", "content": "丽景小区物业公司每月收取地面停车费三百元。"}
ROAD = {"title": "东关村村道破损", "content": "东关村通往镇上的村道破损严重，雨天无法通行。"}
SCHOOL = {"title": "云中镇中学门口摊贩占道", "content": "中学门口早晚摊贩占道，学生上下学不安全。"}


def person(name, sequence):
    return PetitionerEntry(name=name, id_number=make_id_number(sequence=sequence), address="云中镇")


@pytest.fixture
def decisions(register):
    """Five registrations after a check: three attached (the chosen matter shown first, shown third,
    not shown at all) and two new matters (one despite a strong first candidate)."""
    estate = register(petitioners=[person("张建华", "401")], **ESTATE)
    road = register(petitioners=[person("刘芳", "402")], **ROAD).matter
    school = register(petitioners=[person("赵强", "403")], **SCHOOL).matter
    estate_owner = estate.petitioners.get()
    shown = [
        {"matter": estate.matter_id, "score": 0.82},
        {"matter": school.pk, "score": 0.31},
        {"matter": road.pk, "score": 0.25},
    ]
    made = {
        "first": register(matter=estate.matter, shown_candidates=shown, petitioners=[person("钱进", "404")]),
        "third": register(
            matter=road, shown_candidates=shown, petitioners=[PetitionerEntry(petitioner_id=estate_owner.pk)]
        ),
        "missed": register(matter=school, shown_candidates=shown[:1], petitioners=[person("孙丽", "405")]),
        "doubtful": register(
            shown_candidates=shown, confirmed_new=True, petitioners=[person("周明", "406")], title="停车收费"
        ),
        "plain_new": register(
            shown_candidates=[{"matter": road.pk, "score": 0.3}],
            confirmed_new=True,
            petitioners=[person("吴刚", "407")],
            title="路灯不亮",
            content="东关村路灯坏了一个月。",
        ),
    }
    return made


def test_the_report_counts_hits_misses_and_doubtful_new_matters(decisions):
    report = match_decisions_report()
    figures = report.as_dict()

    assert MatchDecision.objects.count() == 5
    assert (figures["decisions"], figures["attached"], figures["new"]) == (5, 3, 2)
    assert figures["precision@1"] == round(1 / 3, 4) and figures["recall@5"] == round(2 / 3, 4)
    assert figures["attached_not_shown"] == 1 and figures["new_despite_strong_candidate"] == 1
    assert report.misses == [(decisions["missed"].pk, decisions["missed"].matter.number)]
    assert report.doubtful_new == [(decisions["doubtful"].pk, decisions["doubtful"].matter.number)]
    # A higher bar for "strong" leaves no new matter in doubt.
    assert match_decisions_report(strong=0.9).total.new_despite_strong == 0


def test_the_report_splits_by_month_and_keeps_to_the_period(decisions):
    earlier = timezone.now() - dt.timedelta(days=62)
    MatchDecision.objects.filter(submission=decisions["missed"]).update(decided_at=earlier)
    this_month = timezone.localtime().strftime("%Y-%m")
    that_month = timezone.localtime(earlier).strftime("%Y-%m")

    months = match_decisions_report().as_dict()["by_month"]
    recent = match_decisions_report(since=timezone.localdate() - dt.timedelta(days=30))
    old = match_decisions_report(until=timezone.localtime(earlier).date())

    assert months[that_month]["attached_not_shown"] == 1 and months[that_month]["decisions"] == 1
    assert months[this_month]["decisions"] == 4 and months[this_month]["precision@1"] == 0.5
    assert recent.total.decisions == 4 and recent.misses == []
    assert old.total.decisions == 1 and old.total.not_shown == 1


def test_the_command_prints_a_table_and_one_json_line(decisions, capsys):
    call_command("match_report", "--list", "5")
    lines = capsys.readouterr().out.strip().splitlines()

    figures = json.loads(lines[-1])
    assert figures["attached"] == 3 and figures["precision@1"] == round(1 / 3, 4)
    assert any(line.startswith("合计") for line in lines)
    assert f"事项 {decisions['missed'].matter.number}" in "\n".join(lines)


def test_the_command_says_so_when_nothing_was_decided(db, capsys):
    call_command("match_report", "--since", "2026-01-01")
    out = capsys.readouterr().out

    assert "没有登记员的查重选择记录" in out
    assert json.loads(out.strip().splitlines()[-1])["precision@1"] is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--since", "2026-13-01"], "日期格式应为 YYYY-MM-DD"),
        (["--since", "2026-05-02", "--until", "2026-05-01"], "起始日期不能晚于截止日期"),
        (["--strong", "1.5"], "--strong 应在 0 到 1 之间"),
        (["--list", "-1"], "--list 不能为负数"),
    ],
)
def test_bad_arguments_are_refused_in_chinese(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("match_report", *arguments)
