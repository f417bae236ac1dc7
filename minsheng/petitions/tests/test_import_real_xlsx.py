"""Importing a sample of the real published spreadsheet (../shared/data) into a fresh database."""

from minsheng.petitions.importing import clean_text, read_messages_file
from minsheng.petitions.models import Matter
from minsheng.petitions.services import messages_import

SAMPLE = 200


def test_it_imports_the_xlsx_with_the_same_text_as_the_csv(city, shared_data):
    csv_records = read_messages_file(shared_data / "taidi2020C_fujian4_full_replies.csv")
    xlsx_records = read_messages_file(shared_data / "taidi2020C_fujian4_full_replies.xlsx")

    report = messages_import(records=xlsx_records[:SAMPLE], organisation=city.bureau)

    assert (report.imported, report.skipped) == (SAMPLE, [])
    by_id = {clean_text(r["留言编号"]): r for r in csv_records}
    matters = Matter.objects.filter(source=Matter.Source.IMPORT).prefetch_related("replies")
    assert len(matters) == SAMPLE
    for matter in matters:
        source = by_id[matter.external_id]
        assert matter.title == clean_text(source["留言主题"])[:200]
        assert matter.content == clean_text(source["留言详情"])
        assert matter.replies.get().text == clean_text(source["答复意见"])
        assert matter.status == Matter.Status.CLOSED


def test_it_imports_nothing_from_the_csv_after_the_xlsx(city, shared_data, row_counts):
    xlsx_records = read_messages_file(shared_data / "taidi2020C_fujian4_full_replies.xlsx")
    csv_records = read_messages_file(shared_data / "taidi2020C_fujian4_full_replies.csv")
    messages_import(records=xlsx_records[:SAMPLE], organisation=city.bureau)
    before = row_counts()

    report = messages_import(records=csv_records[:SAMPLE], organisation=city.bureau)

    assert report.imported == 0
    assert {reason for _line, _id, reason in report.skipped} == {"已导入过"}
    assert report.skipped_count == SAMPLE
    assert row_counts() == before
