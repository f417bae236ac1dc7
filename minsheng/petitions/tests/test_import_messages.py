"""Importing historical messages with their replies (services.messages_import) as closed matters."""

import datetime as dt

from minsheng.audit.models import AuditEntry
from minsheng.petitions.models import Channel, Matter, MatterEvent, Nature, Petitioner, Reply
from minsheng.petitions.services import PetitionerEntry, messages_import

from .helpers import beijing


def record(line: int, external_id, **fields) -> dict:
    data = {
        "_line": line,
        "留言编号": external_id,
        "留言用户": "A00045581",
        "留言主题": "A2区景蓉华苑物业管理有问题",
        "留言时间": "2019/4/25 9:32:09",
        "留言详情": "\n\t\t\t\t\t\n\t\t\t\t\t小区物业扬言要退出小区。\n\t\t\t\t\t\n\t\t\t\t",
        "答复意见": "\n\t现将调查核实情况答复如下：已责成物业公司整改。\t\n",
        "答复时间": "2019/5/10 14:56:53",
    }
    data.update(fields)
    return data


def test_it_imports_a_message_with_a_reply_as_a_closed_matter(city):
    report = messages_import(records=[record(2, "2549")], organisation=city.bureau)

    assert (report.imported, report.skipped) == (1, [])
    matter = Matter.objects.get()
    assert matter.source == Matter.Source.IMPORT
    assert matter.external_id == "2549"
    assert matter.number == "怀信〔2019〕00001"
    assert matter.status == Matter.Status.CLOSED
    assert matter.first_channel == Channel.ONLINE
    assert matter.nature == Nature.CLAIM
    assert matter.receiving_org == city.bureau
    assert matter.received_at == beijing(2019, 4, 25, 9, 32, 9)
    assert matter.title == "A2区景蓉华苑物业管理有问题"
    assert matter.content == "小区物业扬言要退出小区。"
    # Historical matters carry no live deadlines.
    assert (matter.due_on, matter.route_due_on, matter.accept_due_on) == (None, None, None)
    submission = matter.submissions.get()
    assert (submission.channel, submission.content) == (Channel.ONLINE, "小区物业扬言要退出小区。")
    assert submission.petitioners.get().name == "A00045581"
    reply = Reply.objects.get()
    assert reply.matter == matter
    assert reply.text == "现将调查核实情况答复如下：已责成物业公司整改。"
    assert reply.replied_at == beijing(2019, 5, 10, 14, 56, 53)
    assert reply.organisation == city.bureau


def test_it_writes_the_imported_and_replied_events_at_their_historical_times(city):
    messages_import(records=[record(2, "2549")], organisation=city.bureau, actor=city.admin)

    imported, replied = Matter.objects.get().events.order_by("at", "pk")
    assert (imported.kind, imported.at, imported.to_status) == (
        MatterEvent.Kind.IMPORTED,
        beijing(2019, 4, 25, 9, 32, 9),
        "registered",
    )
    assert imported.note == "历史留言导入（留言编号 2549）"
    assert imported.actor == city.admin
    assert (replied.kind, replied.at, replied.from_status, replied.to_status) == (
        MatterEvent.Kind.REPLIED,
        beijing(2019, 5, 10, 14, 56, 53),
        "registered",
        "closed",
    )


def test_it_imports_a_message_without_a_reply_as_registered(city):
    messages_import(records=[record(2, "77", 答复意见="  \n\t", 答复时间="")], organisation=city.bureau)

    matter = Matter.objects.get()
    assert matter.status == Matter.Status.REGISTERED
    assert Reply.objects.count() == 0
    assert [e.kind for e in matter.events.all()] == [MatterEvent.Kind.IMPORTED]


def test_it_reuses_one_petitioner_per_user_name_across_rows_and_imports(city):
    messages_import(
        records=[record(2, "1"), record(3, "2"), record(4, "3", 留言用户="A999")], organisation=city.bureau
    )
    messages_import(records=[record(2, "4")], organisation=city.bureau)

    assert sorted(Petitioner.objects.values_list("name", flat=True)) == ["A00045581", "A999"]
    assert Petitioner.objects.get(name="A00045581").submissions.count() == 3


def test_it_calls_a_user_without_a_name_an_anonymous_netizen(city):
    messages_import(records=[record(2, "1", 留言用户="  ")], organisation=city.bureau)

    assert Petitioner.objects.get().name == "匿名网民"


def test_it_cuts_a_title_to_200_characters(city):
    messages_import(records=[record(2, "1", 留言主题="题" * 250)], organisation=city.bureau)

    assert Matter.objects.get().title == "题" * 200


def test_it_numbers_imported_matters_by_the_year_they_were_received(city):
    messages_import(
        records=[
            record(2, "1", 留言时间="2018/12/31 23:59:00"),
            record(3, "2", 留言时间="2019/1/1 00:01:00"),
            record(4, "3", 留言时间="2019/3/1 08:00:00"),
        ],
        organisation=city.bureau,
    )

    assert list(Matter.objects.order_by("external_id").values_list("number", flat=True)) == [
        "怀信〔2018〕00001",
        "怀信〔2019〕00001",
        "怀信〔2019〕00002",
    ]


def test_it_accepts_spreadsheet_cells_that_are_numbers_and_datetimes(city):
    report = messages_import(
        records=[
            record(
                2,
                2549,
                留言时间=dt.datetime(2019, 4, 25, 9, 32, 9),
                答复时间=dt.datetime(2019, 5, 10, 14, 56, 53),
            )
        ],
        organisation=city.bureau,
    )

    assert report.imported == 1
    matter = Matter.objects.get()
    assert matter.external_id == "2549"
    assert matter.received_at == beijing(2019, 4, 25, 9, 32, 9)


def test_it_skips_rows_without_a_message_number_with_the_reason(city):
    report = messages_import(
        records=[record(2, ""), record(3, None), record(4, "5")], organisation=city.bureau
    )

    assert report.imported == 1
    assert report.skipped == [(2, "", "缺少留言编号"), (3, "", "缺少留言编号")]
    assert report.skipped_count == 2


def test_it_skips_rows_with_an_unreadable_message_time_with_the_reason(city):
    report = messages_import(
        records=[record(7, "5", 留言时间="去年春天"), record(8, "6", 留言时间="")], organisation=city.bureau
    )

    assert report.imported == 0
    assert report.skipped == [(7, "5", "留言时间无法识别：'去年春天'"), (8, "6", "留言时间无法识别：''")]
    assert Matter.objects.count() == 0


def test_it_skips_rows_with_an_unreadable_reply_time(city):
    report = messages_import(records=[record(2, "5", 答复时间="不详")], organisation=city.bureau)

    assert report.skipped == [(2, "5", "答复时间无法识别：'不详'")]
    assert Matter.objects.count() == 0


def test_it_skips_rows_without_a_title_or_text(city):
    report = messages_import(
        records=[record(2, "5", 留言主题=""), record(3, "6", 留言详情="\n\t\t\n")], organisation=city.bureau
    )

    assert report.skipped == [(2, "5", "留言主题或留言详情为空"), (3, "6", "留言主题或留言详情为空")]


def test_it_skips_a_message_number_seen_earlier_in_the_same_file(city):
    report = messages_import(records=[record(2, "5"), record(3, " 5 ")], organisation=city.bureau)

    assert report.imported == 1
    assert report.skipped == [(3, "5", "文件中重复出现")]


def test_it_skips_every_row_when_the_same_records_are_imported_again(city, row_counts):
    records = [record(2, "1"), record(3, "2"), record(4, "3")]
    messages_import(records=records, organisation=city.bureau)
    before = row_counts()

    report = messages_import(records=records, organisation=city.bureau)

    assert report.imported == 0
    assert report.skipped == [(2, "1", "已导入过"), (3, "2", "已导入过"), (4, "3", "已导入过")]
    assert row_counts() == before


def test_it_does_not_confuse_an_imported_number_with_an_intake_matter(city, register):
    register()

    report = messages_import(records=[record(2, "1")], organisation=city.bureau)

    assert report.imported == 1
    assert Matter.objects.count() == 2


def test_it_does_not_merge_an_online_user_with_a_person_registered_under_the_same_name(city, register):
    # A name alone does not identify a person: 张伟 who came to the bureau with her phone number is
    # not the 张伟 who wrote on the message board.
    visitor = register(petitioners=[PetitionerEntry(name="张伟", phone="13912345678")]).petitioners.get()

    messages_import(records=[record(2, "1", 留言用户="张伟")], organisation=city.bureau)

    writer = Matter.objects.get(source=Matter.Source.IMPORT).submissions.get().petitioners.get()
    assert writer != visitor
    assert visitor.submissions.count() == 1


def test_it_records_the_import_in_the_audit_log(city):
    messages_import(records=[record(2, "1"), record(3, "")], organisation=city.bureau, actor=city.admin)

    entry = AuditEntry.objects.get(action=AuditEntry.Action.IMPORT)
    assert entry.actor == city.admin
    assert entry.detail == {"imported": 1, "skipped": 1, "organisation": city.bureau.pk}


def test_it_skips_a_message_number_too_long_to_store(city, row_counts):
    # 留言编号 is stored in a 50-character column: a longer one must be reported, not crash the whole
    # import on PostgreSQL (value too long) or be stored uncut on SQLite.
    long_id = "2549-" + "9" * 60
    before = row_counts()

    report = messages_import(records=[record(2, "1"), record(3, long_id)], organisation=city.bureau)

    assert report.imported == 1
    assert [(line, reason) for line, _id, reason in report.skipped] == [(3, report.skipped[0][2])]
    assert "留言编号" in report.skipped[0][2]
    assert row_counts()["Matter"] == before["Matter"] + 1
