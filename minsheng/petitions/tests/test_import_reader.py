"""Reading message files: a whole file is read and checked before anything is written."""

import datetime as dt

import pytest
from openpyxl import Workbook

from minsheng.petitions.importing import MalformedFile, clean_text, parse_time, read_messages_file

HEADER = "留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间"


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def write_csv(tmp_path, text: str, name: str = "messages.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_it_reads_a_csv_with_quoted_multiline_cells_and_line_numbers(tmp_path):
    path = write_csv(
        tmp_path,
        (
            f"{HEADER}\n"
            '101,A001,路灯不亮,2019/4/25 9:32:09,"\n\t\t\t路灯坏了一个月。\n\t\t\n",'
            "已修复,2019/5/10 14:56:53\n"
            "102,A002,噪音扰民,2019-04-26 10:00,晚上施工,,\n"
        ),
    )

    records = read_messages_file(path)

    assert [r["留言编号"] for r in records] == ["101", "102"]
    assert records[0]["留言详情"] == "\n\t\t\t路灯坏了一个月。\n\t\t\n"
    # The line where each record starts, though the first spans lines 2–5.
    assert [r["_line"] for r in records] == [2, 6]
    assert records[1]["答复意见"] == ""


def test_it_reads_a_csv_with_a_byte_order_mark_or_in_gb18030(tmp_path):
    text = f"{HEADER}\n101,A001,路灯不亮,2019/4/25 9:32:09,路灯坏了,,\n"

    with_bom = read_messages_file(write_csv(tmp_path, "\ufeff" + text, "bom.csv"))
    gbk = read_messages_file(write_csv(tmp_path, text, "gbk.csv", encoding="gb18030"))

    assert with_bom[0]["留言编号"] == gbk[0]["留言编号"] == "101"
    assert with_bom[0]["留言主题"] == gbk[0]["留言主题"] == "路灯不亮"


def test_it_accepts_a_file_without_the_reply_columns(tmp_path):
    path = write_csv(tmp_path, "留言编号,留言用户,留言主题,留言时间,留言详情\n7,U,题,2019/1/1 8:00,内容\n")

    assert read_messages_file(path)[0]["留言详情"] == "内容"


def test_it_skips_empty_lines(tmp_path):
    path = write_csv(tmp_path, f"{HEADER}\n\n101,A,题,2019/1/1,内容,,\n,,,,,,\n")

    assert [r["留言编号"] for r in read_messages_file(path)] == ["101"]


def test_it_reads_an_xlsx_ignoring_trailing_empty_header_cells(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([*HEADER.split(","), None, None])
    sheet.append(
        [
            2549,
            "A00045581",
            "物业管理有问题",
            "2019/4/25 9:32:09",
            "\n\t\t内容\t\n",
            "答复",
            "2019/5/10 14:56:53",
        ]
    )
    sheet.append([None] * 9)
    sheet.append([2550, "A2", "题二", dt.datetime(2019, 4, 26, 8, 0), "内容二", None, None, None, None])
    path = tmp_path / "messages.xlsx"
    workbook.save(path)

    records = read_messages_file(path)

    assert [r["留言编号"] for r in records] == [2549, 2550]
    assert [r["_line"] for r in records] == [2, 4]
    assert records[1]["留言时间"] == dt.datetime(2019, 4, 26, 8, 0)
    assert "_line" in records[0] and None not in records[0]


def test_it_refuses_a_csv_missing_the_message_text_column(tmp_path):
    path = write_csv(
        tmp_path, "留言编号,留言用户,留言主题,留言时间,答复意见,答复时间\n1,U,题,2019/1/1,答,2019/1/2\n"
    )

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert str(caught.value) == "文件缺少必需的列：留言详情（第一行应为列名）"


def test_it_names_every_missing_column(tmp_path):
    with pytest.raises(MalformedFile) as caught:
        read_messages_file(write_csv(tmp_path, "编号,内容\n1,x\n"))

    assert "留言编号、留言用户、留言主题、留言时间、留言详情" in str(caught.value)


def test_it_refuses_a_row_with_more_cells_than_the_header(tmp_path):
    path = write_csv(tmp_path, f"{HEADER}\n1,U,题,2019/1/1,内容,答,2019/1/2,多出来的\n")

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert str(caught.value) == "第 2 行的列数（8）多于列名（7）"


def test_it_refuses_a_binary_file_named_csv(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 8)

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert has_chinese(str(caught.value))


def test_it_refuses_a_utf8_file_with_nul_bytes_named_csv(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(f"{HEADER}\n".encode() + b"\x00\x01\x02abc\n")

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert str(caught.value) == "文件不是文本格式的 CSV"


def test_it_refuses_an_empty_csv(tmp_path):
    with pytest.raises(MalformedFile) as caught:
        read_messages_file(write_csv(tmp_path, ""))

    assert str(caught.value) == "文件是空的"


def test_it_refuses_a_csv_with_an_unclosed_quote(tmp_path):
    # Excel would stop at the end of the file; a strict reader must not invent a value.
    path = write_csv(tmp_path, f'{HEADER}\n1,U,题,2019/1/1,"没有结尾的引号\n')

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert str(caught.value).startswith("CSV 格式错误")


@pytest.mark.parametrize(
    "content", [b"not a spreadsheet at all", "留言编号,留言用户\n1,a\n".encode()], ids=["text", "csv-text"]
)
def test_it_refuses_a_file_named_xlsx_that_is_not_a_spreadsheet(tmp_path, content):
    path = tmp_path / "messages.xlsx"
    path.write_bytes(content)

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert has_chinese(str(caught.value))


def test_it_refuses_a_zip_named_xlsx_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert has_chinese(str(caught.value))


@pytest.mark.parametrize("name", ["messages.txt", "messages.xls", "messages"])
def test_it_refuses_an_unsupported_file_type(tmp_path, name):
    path = tmp_path / name
    path.write_text(f"{HEADER}\n1,U,题,2019/1/1,内容,,\n", encoding="utf-8")

    with pytest.raises(MalformedFile) as caught:
        read_messages_file(path)

    assert str(caught.value) == "只支持 .csv 或 .xlsx 文件"


def test_it_refuses_a_file_that_does_not_exist(tmp_path):
    with pytest.raises(MalformedFile) as caught:
        read_messages_file(tmp_path / "missing.csv")

    assert str(caught.value).startswith("找不到文件：")


def test_it_strips_the_publishers_padding_but_keeps_inner_line_breaks():
    assert clean_text("\n\t\t\t第一段。\t\n\t\t\n\u3000\u3000第二段。 \n\t") == "第一段。\n第二段。"
    assert clean_text(None) == ""
    assert clean_text(2549) == "2549"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019/4/25 9:32:09", dt.datetime(2019, 4, 25, 9, 32, 9)),
        ("2019-04-25 09:32:09.123", dt.datetime(2019, 4, 25, 9, 32, 9)),
        (" 2019/4/25 9:32 ", dt.datetime(2019, 4, 25, 9, 32)),
        ("2019-04-25", dt.datetime(2019, 4, 25)),
        (dt.date(2019, 4, 25), dt.datetime(2019, 4, 25)),
        (dt.datetime(2019, 4, 25, 9, 1), dt.datetime(2019, 4, 25, 9, 1)),
        ("去年春天", None),
        ("2019/13/45", None),
        ("", None),
        (None, None),
    ],
)
def test_it_parses_the_time_formats_of_the_exports(value, expected):
    assert parse_time(value) == expected
