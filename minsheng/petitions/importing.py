"""Reading exported message files (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 答复意见, 答复时间).

Reading is separate from writing: a file is read and checked completely before the import service
writes anything, so a malformed file changes nothing.
"""

import csv
import datetime as dt
import io
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

REQUIRED_COLUMNS = ("留言编号", "留言用户", "留言主题", "留言时间", "留言详情")
REPLY_COLUMNS = ("答复意见", "答复时间")
_TIME_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d",
    "%Y-%m-%d",
)


class MalformedFile(ValueError):
    pass


def clean_text(value) -> str:
    # The publisher padded 留言详情 with newlines and tabs; inner line breaks are kept.
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\u3000", " ")
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def parse_time(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = clean_text(value)
    if not text:
        return None
    text = text.split(".")[0]
    for fmt in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def read_messages_file(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise MalformedFile(f"找不到文件：{path}")
    if path.suffix.lower() == ".xlsx":
        header, rows = _read_xlsx(path)
    elif path.suffix.lower() == ".csv":
        header, rows = _read_csv(path)
    else:
        raise MalformedFile("只支持 .csv 或 .xlsx 文件")
    header = [clean_text(h) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise MalformedFile(f"文件缺少必需的列：{'、'.join(missing)}（第一行应为列名）")
    records = []
    for line_number, row in rows:
        if not any(cell not in (None, "") for cell in row):
            continue
        if len(row) > len(header):
            raise MalformedFile(f"第 {line_number} 行的列数（{len(row)}）多于列名（{len(header)}）")
        record = dict(zip(header, row, strict=False))
        record["_line"] = line_number
        records.append(record)
    return records


def _read_csv(path: Path):
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise MalformedFile("无法识别文件编码（应为 UTF-8 或 GB18030）")
    if "\x00" in text:
        raise MalformedFile("文件不是文本格式的 CSV")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, None)
        if header is None:
            raise MalformedFile("文件是空的")
        # Records span lines (留言详情 holds newlines); report the line where each record starts.
        rows, start = [], reader.line_num + 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise MalformedFile(f"CSV 格式错误：{exc}") from exc
    return header, rows


def _read_xlsx(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # A damaged workbook fails in many ways, some only while rows are read (read-only mode is lazy).
    damaged = (
        InvalidFileException,
        OSError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        ParseError,
        zlib.error,
    )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except damaged as exc:
        raise MalformedFile(f"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）：{exc}") from exc
    try:
        if not workbook.worksheets:
            raise MalformedFile("Excel 文件中没有工作表")
        iterator = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            raise MalformedFile("工作表是空的")
        rows = [(index, list(row)) for index, row in enumerate(iterator, start=2)]
    except damaged as exc:
        raise MalformedFile(f"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）：{exc}") from exc
    finally:
        workbook.close()
    # Trailing empty header cells come from formatting, not data.
    header = list(header)
    while header and header[-1] in (None, ""):
        header.pop()
    rows = [
        (n, row[: len(header)] if all(c in (None, "") for c in row[len(header) :]) else row)
        for n, row in rows
    ]
    return header, rows
