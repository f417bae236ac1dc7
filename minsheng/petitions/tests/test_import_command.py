"""manage.py import_messages: reads a file, imports it, prints what it did; a broken file changes nothing."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create
from minsheng.petitions.importing import read_messages_file
from minsheng.petitions.models import Matter

HEADER = "留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间"
GOOD_ROWS = (
    '101,A001,路灯不亮,2019/4/25 9:32:09,"\n\t\t路灯坏了一个月。\n\t",已修复,2019/5/10 14:56:53\n'
    "102,A002,噪音扰民,2019/4/26 10:00:00,晚上施工,,\n"
    ",A003,没有编号,2019/4/27 10:00:00,内容,,\n"
    "104,A004,时间不对,去年春天,内容,,\n"
)


def write(tmp_path, text: str, name: str = "messages.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("import_messages", *[str(a) for a in args], stdout=out, **options)
    return out.getvalue()


def test_it_imports_a_file_and_prints_the_counts(city, tmp_path):
    output = run(write(tmp_path, HEADER + "\n" + GOOD_ROWS))

    assert "导入 2 条，跳过 2 条" in output
    assert "缺少留言编号：1" in output
    assert "留言时间无法识别：1" in output
    assert sorted(Matter.objects.values_list("external_id", flat=True)) == ["101", "102"]
    assert set(Matter.objects.values_list("receiving_org", flat=True)) == {city.bureau.pk}
    assert Matter.objects.get(external_id="101").content == "路灯坏了一个月。"


def test_it_lists_each_skipped_line_at_verbosity_2(city, tmp_path):
    output = run(write(tmp_path, HEADER + "\n" + GOOD_ROWS), verbosity=2)

    assert "第 6 行  留言编号 （空）  缺少留言编号" in output
    assert "第 7 行  留言编号 104  留言时间无法识别：'去年春天'" in output


def test_it_skips_everything_when_run_again(city, tmp_path, row_counts):
    path = write(tmp_path, HEADER + "\n" + GOOD_ROWS)
    run(path)
    before = row_counts()

    output = run(path)

    assert "导入 0 条，跳过 4 条" in output
    assert "已导入过：2" in output
    assert row_counts() == before


def test_it_imports_into_the_organisation_given_by_name_or_id(city, tmp_path):
    run(write(tmp_path, HEADER + "\n101,A,题,2019/1/1,内容,,\n"), organisation="云中镇")
    run(
        write(tmp_path, HEADER + "\n102,A,题,2019/1/1,内容,,\n", "b.csv"), organisation=str(city.jinshatan.pk)
    )

    assert Matter.objects.get(external_id="101").receiving_org == city.yunzhong
    assert Matter.objects.get(external_id="101").number == "云中信〔2019〕00001"
    assert Matter.objects.get(external_id="102").receiving_org == city.jinshatan


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("不存在的单位", "找不到单位“不存在的单位”"),
        ("987654", "找不到单位“987654”"),
    ],
)
def test_it_refuses_an_unknown_organisation(city, tmp_path, row_counts, wanted, message):
    before = row_counts()

    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, HEADER + "\n101,A,题,2019/1/1,内容,,\n"), organisation=wanted)

    assert message in str(caught.value)
    assert row_counts() == before


def test_it_refuses_an_inactive_organisation(city, tmp_path):
    organisation_create(name="已撤并的乡", kind=Organisation.Kind.TOWNSHIP, parent=city.root, is_active=False)

    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, HEADER + "\n101,A,题,2019/1/1,内容,,\n"), organisation="已撤并的乡")

    assert "已停用" in str(caught.value)


def test_it_needs_a_petition_bureau_when_no_organisation_is_given(db, tmp_path):
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, HEADER + "\n101,A,题,2019/1/1,内容,,\n"))

    assert "还没有启用的信访局" in str(caught.value)
    assert Matter.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "missing.csv",
            "留言编号,留言用户,留言主题,留言时间\n1,U,题,2019/1/1\n",
            "文件缺少必需的列：留言详情",
        ),
        ("notes.txt", HEADER + "\n1,U,题,2019/1/1,内容,,\n", "只支持 .csv 或 .xlsx 文件"),
        ("fake.xlsx", HEADER + "\n1,U,题,2019/1/1,内容,,\n", "无法读取 Excel 文件"),
        ("long.csv", HEADER + "\n1,U,题,2019/1/1,内容,,,多余\n", "第 2 行的列数（8）多于列名（7）"),
    ],
)
def test_it_refuses_a_broken_file_and_changes_nothing(city, tmp_path, row_counts, name, content, message):
    before = row_counts()

    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, content, name))

    assert message in str(caught.value)
    assert row_counts() == before


def test_it_refuses_a_binary_file_named_csv(city, tmp_path, row_counts):
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 8)
    before = row_counts()

    with pytest.raises(CommandError):
        run(path)

    assert row_counts() == before


def test_it_refuses_a_file_that_does_not_exist(city, tmp_path):
    with pytest.raises(CommandError) as caught:
        run(tmp_path / "nowhere.csv")

    assert "找不到文件" in str(caught.value)


def test_it_imports_a_sample_of_the_real_published_file(city, tmp_path, shared_data):
    records = read_messages_file(shared_data / "taidi2020C_fujian4_full_replies.csv")[:60]
    path = tmp_path / "sample.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER.split(","))
        for record in records:
            writer.writerow([record[c] for c in HEADER.split(",")])

    output = run(path)

    assert "导入 60 条，跳过 0 条" in output
    assert Matter.objects.filter(status=Matter.Status.CLOSED).count() == 60
