"""The index kept up by the services in use and the one `manage.py rebuild_index` builds from scratch
are the same, entry for entry, and answer every query the same."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters
from minsheng.petitions.services import messages_import
from minsheng.search import fts_postgres, fts_sqlite, fulltext, selectors

QUERIES = [
    "低保",
    "拆迁",
    "补偿",
    "拆迁补偿",
    "财政所",
    "噪音扰民",
    "欠",
    "怀信〔2026〕000",
    "停车 收费",
    "赵铁柱",
]


def answers(user) -> dict:
    out = {}
    for text in QUERIES:
        result = selectors.matter_search(user=user, filters=MatterFilters(text=text), limit=100)
        out[text] = ([m.pk for m in result], result.total)
    return out


def index_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT matter_id, document::text FROM {fts_postgres.TABLE} ORDER BY matter_id")
        else:
            cursor.execute(f"SELECT rowid, body FROM {fts_sqlite.TABLE} ORDER BY rowid")
        return cursor.fetchall()


@pytest.fixture
def imported(city):
    records = [
        {
            "_line": 2,
            "留言编号": "9001",
            "留言用户": "A0001",
            "留言主题": "小区停车收费过高",
            "留言时间": "2025-12-20 09:00:00",
            "留言详情": "物业公司停车收费每月五百元。",
            "答复意见": "经核查，已责令物业公司按标准收费。",
            "答复时间": "2026-01-05 10:00:00",
        },
        {
            "_line": 3,
            "留言编号": "9002",
            "留言用户": "A0002",
            "留言主题": "低保发放延迟",
            "留言时间": "2026-01-20 09:00:00",
            "留言详情": "本月低保至今未到账。",
        },
    ]
    report = messages_import(records=records, organisation=city.bureau)
    assert report.imported == 2


@pytest.mark.parametrize("plan", ["few", "many"], indirect=True)
def test_the_index_kept_by_the_services_equals_a_rebuilt_one(corpus, imported, city, plan):
    kept_rows, kept_answers = index_rows(), answers(city.supervisor)
    assert len(kept_rows) == Matter.objects.count() == 8
    assert kept_answers["低保"][1] == 2 and kept_answers["停车 收费"][1] == 1

    fulltext.clear()
    assert answers(city.supervisor)["低保"] == ([], 0)

    out = io.StringIO()
    call_command("rebuild_index", "--batch-size", "3", stdout=out)

    assert index_rows() == kept_rows
    assert answers(city.supervisor) == kept_answers
    assert "已索引 3 / 8 件" in out.getvalue()
    assert "完成：共索引 8 件信访事项" in out.getvalue()


def test_a_matter_indexed_again_keeps_one_entry(corpus, city):
    before = index_rows()
    fulltext.index_matters([corpus.dibao.pk, corpus.dibao.pk, corpus.wages.pk])
    assert index_rows() == before


def test_a_deleted_matter_leaves_the_index(corpus, city):
    matter = corpus.dibao
    matter.events.all().delete()
    matter.notices.all().delete()
    for submission in matter.submissions.all():
        submission.submissionpetitioner_set.all().delete()
        submission.delete()
    matter.delete()
    assert len(index_rows()) == Matter.objects.count()
    assert selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="低保")).total == 0


def test_rebuild_refuses_a_batch_size_below_one(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--batch-size 至少为 1"):
        call_command("rebuild_index", "--batch-size", "0", stdout=io.StringIO())
