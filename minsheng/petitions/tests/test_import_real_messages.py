"""Importing the real published messages with their replies (../shared/data), CSV and XLSX.

The full CSV is imported once for the module (about 20 s): every test below reads that result inside
its own savepoint, and the whole import is rolled back when the module ends.
"""

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import transaction

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create
from minsheng.petitions.importing import clean_text, read_messages_file
from minsheng.petitions.models import Channel, Matter, Petitioner, Reply, Submission
from minsheng.petitions.services import messages_import

CSV = "taidi2020C_fujian4_full_replies.csv"
XLSX = "taidi2020C_fujian4_full_replies.xlsx"
ROWS = 2816


def data_dir() -> Path:
    path = Path(settings.SHARED_DATA_DIR)
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}; these tests read the real public data from it")
    return path


@pytest.fixture(scope="module")
def csv_records():
    return read_messages_file(data_dir() / CSV)


@pytest.fixture(scope="module")
def xlsx_records():
    return read_messages_file(data_dir() / XLSX)


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, csv_records):
    with django_db_blocker.unblock(), transaction.atomic():
        bureau = organisation_create(
            name="导入测试信访局", kind=Organisation.Kind.PETITION_BUREAU, number_prefix="怀信"
        )
        started = time.monotonic()
        report = messages_import(records=csv_records, organisation=bureau)
        yield SimpleNamespace(bureau=bureau, report=report, seconds=time.monotonic() - started)
        transaction.set_rollback(True)


def test_it_reads_every_row_of_the_csv_and_the_xlsx(csv_records, xlsx_records):
    assert len(csv_records) == ROWS
    assert len(xlsx_records) == ROWS
    assert csv_records[0]["留言编号"] == "2549"
    assert xlsx_records[0]["留言编号"] == 2549


def test_it_reads_the_same_messages_from_the_csv_and_the_xlsx(csv_records, xlsx_records):
    def cleaned(record):
        return tuple(
            clean_text(record.get(c)) for c in ("留言编号", "留言用户", "留言主题", "留言详情", "答复意见")
        )

    assert [cleaned(r) for r in xlsx_records] == [cleaned(r) for r in csv_records]


def test_it_imports_every_row_of_the_csv(db, imported):
    assert imported.report.imported == ROWS
    assert imported.report.skipped == []
    assert Matter.objects.filter(source=Matter.Source.IMPORT, receiving_org=imported.bureau).count() == ROWS
    assert (
        Submission.objects.filter(matter__source=Matter.Source.IMPORT, channel=Channel.ONLINE).count() == ROWS
    )
    assert Matter.objects.filter(source=Matter.Source.IMPORT).values("external_id").distinct().count() == ROWS


def test_it_closes_every_imported_matter_with_its_reply(db, imported):
    matters = Matter.objects.filter(source=Matter.Source.IMPORT)
    assert set(matters.values_list("status", flat=True)) == {Matter.Status.CLOSED}
    replies = Reply.objects.filter(matter__in=matters)
    assert replies.count() == ROWS
    assert not replies.filter(text="").exists()
    assert not replies.filter(replied_at__isnull=True).exists()


def test_it_strips_the_publishers_padding_from_every_text(db, imported):
    def padded(text: str) -> bool:
        return text != text.strip() or any(line != line.strip() for line in text.split("\n"))

    contents = Matter.objects.filter(source=Matter.Source.IMPORT).values_list("title", "content")
    assert [pair for pair in contents if padded(pair[0]) or padded(pair[1])] == []
    assert [t for t in Reply.objects.values_list("text", flat=True) if padded(t)] == []
    # Tabs are left only inside a line, where the writers used them (“1、\t必须…”).
    assert not Matter.objects.filter(content__contains="\n\t").exists()
    assert not Matter.objects.filter(content__contains="\t\n").exists()


def test_it_keeps_the_first_messages_text_and_reply(db, imported):
    matter = Matter.objects.get(source=Matter.Source.IMPORT, external_id="2549")

    assert matter.title == "A2区景蓉华苑物业管理有问题"
    assert matter.content.startswith("2019年4月以来，位于A市A2区桂花坪街道的A2区公安分局宿舍区")
    assert matter.content.endswith("面对公安干警采用这种方式投票合法性在哪？")
    assert matter.replies.get().text.startswith("现将网友在平台《问政西地省》栏目向胡华衡书记留言反映")
    assert matter.submissions.get().petitioners.get().name == "A00045581"


def test_it_creates_one_petitioner_per_user_name(db, imported, csv_records):
    names = {clean_text(r["留言用户"]) for r in csv_records}

    assert Petitioner.objects.filter(name__in=names).count() == len(names)


def test_it_numbers_the_imported_matters_per_year_without_gaps(db, imported):
    by_year: dict[int, list[int]] = {}
    for year, seq in Matter.objects.values_list("number_year", "number_seq"):
        by_year.setdefault(year, []).append(seq)

    assert min(by_year) == 2011 and max(by_year) == 2020
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), year


def test_it_imports_nothing_when_the_csv_is_imported_again(db, imported, csv_records, row_counts):
    before = row_counts()

    report = messages_import(records=csv_records, organisation=imported.bureau)

    assert report.imported == 0
    assert report.skipped_count == ROWS
    assert {reason for _line, _id, reason in report.skipped} == {"已导入过"}
    assert row_counts() == before


def test_it_imports_nothing_from_the_xlsx_after_the_csv(db, imported, xlsx_records, row_counts):
    before = row_counts()

    report = messages_import(records=xlsx_records, organisation=imported.bureau)

    assert report.imported == 0
    assert report.skipped_count == ROWS
    assert {reason for _line, _id, reason in report.skipped} == {"已导入过"}
    assert row_counts() == before
