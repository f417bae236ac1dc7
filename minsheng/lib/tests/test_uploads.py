"""Uploads are judged by their content: the name must match what the bytes really are."""

import io
import struct
import zipfile
import zlib

import pytest
from openpyxl import Workbook

from minsheng.lib.uploads import RejectedUpload, check

ALL_KINDS = ["pdf", "jpeg", "png", "docx", "xlsx", "doc", "xls", "txt", "mp3", "mp4"]
MAX = 1024 * 1024


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _jpeg() -> bytes:
    # SOI, a JFIF APP0 segment, then the rest of a (truncated) baseline image.
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + b"\xff\xdb\x00\x43\x00"
        + bytes(64)
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def _xlsx() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "信访事项"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
    return buffer.getvalue()


def _check(content: bytes, name: str, *, allowed=ALL_KINDS, max_bytes=MAX, size=None):
    file = io.BytesIO(content)
    result = check(
        file, name=name, size=len(content) if size is None else size, max_bytes=max_bytes, allowed=allowed
    )
    assert file.tell() == 0  # left ready to be saved from the start
    return result


@pytest.mark.parametrize(
    ("content", "name", "kind", "content_type"),
    [
        (_pdf(), "信访材料.pdf", "pdf", "application/pdf"),
        (_png(), "现场照片.png", "png", "image/png"),
        (_jpeg(), "现场照片.jpg", "jpeg", "image/jpeg"),
        (_jpeg(), "现场照片.JPEG", "jpeg", "image/jpeg"),
        (_pdf(), "SCAN.PDF", "pdf", "application/pdf"),
    ],
)
def test_it_accepts_a_file_whose_content_matches_its_name(content, name, kind, content_type):
    checked = _check(content, name)
    assert (checked.kind, checked.content_type) == (kind, content_type)


def test_it_recognises_a_word_document_by_what_is_inside_the_zip():
    checked = _check(_docx(), "答复意见.docx")
    assert checked.kind == "docx"
    assert checked.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_it_recognises_a_spreadsheet_written_by_openpyxl():
    checked = _check(_xlsx(), "台账.xlsx")
    assert checked.kind == "xlsx"
    assert checked.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_it_refuses_a_spreadsheet_renamed_to_a_word_document():
    with pytest.raises(RejectedUpload, match="不符"):
        _check(_xlsx(), "答复意见.docx")


def test_it_refuses_a_zip_that_is_not_an_office_document():
    with pytest.raises(RejectedUpload):
        _check(_plain_zip(), "材料.docx")


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(48),  # Windows executable
        b"\x7fELF\x02\x01\x01\x00" + bytes(56),  # Linux executable
        b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
        _png(),
    ],
    ids=["exe", "elf", "html", "png"],
)
def test_it_refuses_something_else_renamed_to_pdf(content):
    with pytest.raises(RejectedUpload) as caught:
        _check(content, "信访材料.pdf")
    assert str(caught.value).startswith("不支持的文件类型，或文件内容与扩展名不符。允许：")
    assert ".pdf" in str(caught.value)


def test_it_refuses_an_executable_under_its_own_name():
    with pytest.raises(RejectedUpload):
        _check(b"MZ\x90\x00" + bytes(60), "setup.exe")


def test_it_refuses_an_empty_file():
    with pytest.raises(RejectedUpload) as caught:
        _check(b"", "空.pdf")
    assert str(caught.value) == "文件是空的"


def test_it_refuses_a_file_over_the_size_limit():
    with pytest.raises(RejectedUpload) as caught:
        _check(_pdf(), "大.pdf", max_bytes=20 * 1024 * 1024, size=20 * 1024 * 1024 + 1)
    assert str(caught.value) == "文件过大：最大 20 MB"


def test_it_accepts_a_file_exactly_at_the_size_limit():
    assert _check(_pdf(), "刚好.pdf", max_bytes=len(_pdf())).kind == "pdf"


def test_it_refuses_a_kind_that_is_not_allowed():
    with pytest.raises(RejectedUpload) as caught:
        _check(_png(), "照片.png", allowed=["pdf"])
    assert str(caught.value).endswith("允许：.pdf")


def test_it_tells_legacy_word_and_excel_files_apart_by_name():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert _check(ole, "旧文档.doc").kind == "doc"
    assert _check(ole, "旧表格.xls").kind == "xls"
    with pytest.raises(RejectedUpload):
        _check(ole, "旧文档.pdf")


def test_it_accepts_a_short_chinese_text_file():
    checked = _check("来信内容：请求解决宅基地纠纷。\n".encode(), "来信.txt")
    assert (checked.kind, checked.content_type) == ("txt", "text/plain; charset=utf-8")


def test_it_accepts_a_long_chinese_text_file():
    # A typed-up letter of 960 characters: 2 880 bytes of UTF-8, longer than the 2 048 bytes that are sniffed.
    letter = ("尊敬的领导：我村土地征收补偿款至今没有发放到位，" * 40).encode()
    assert len(letter) > 2048
    assert _check(letter, "来信.txt").kind == "txt"
