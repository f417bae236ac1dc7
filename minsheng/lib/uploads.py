"""Checks on uploaded files by their content, not only by their name."""

import codecs
import zipfile
from dataclasses import dataclass

# (kind, extensions the name may carry, MIME type served back)
_KINDS = {
    "pdf": ((".pdf",), "application/pdf"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "png": ((".png",), "image/png"),
    "docx": ((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "doc": ((".doc",), "application/msword"),
    "xls": ((".xls",), "application/vnd.ms-excel"),
    "txt": ((".txt",), "text/plain; charset=utf-8"),
    "mp3": ((".mp3",), "audio/mpeg"),
    "mp4": ((".mp4",), "video/mp4"),
}


class RejectedUpload(ValueError):
    pass


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    content_type: str


def sniff(head: bytes, file) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc / .xls share one container format
    if head.startswith(b"PK\x03\x04"):
        return _office_zip_kind(file)
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "mp4"
    try:
        # Incremental, so that a multi-byte character cut at the end of the sample is not an error.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    return "txt" if b"\x00" not in head else None


def _office_zip_kind(file) -> str | None:
    file.seek(0)
    try:
        names = set(zipfile.ZipFile(file).namelist())
    except zipfile.BadZipFile:
        return None
    finally:
        file.seek(0)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{max(size // 1024, 1)} KB"


def check(file, *, name: str, size: int, max_bytes: int, allowed: list[str]) -> CheckedUpload:
    if size == 0:
        raise RejectedUpload("文件是空的")
    if size > max_bytes:
        raise RejectedUpload(f"文件过大：最大 {_human_size(max_bytes)}")
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    sniffed = sniff(head, file)
    lower = name.lower()
    candidates = ("doc", "xls") if sniffed == "ole" else (sniffed,) if sniffed else ()
    for kind in candidates:
        extensions, content_type = _KINDS[kind]
        if kind in allowed and lower.endswith(extensions):
            return CheckedUpload(kind=kind, content_type=content_type)
    allowed_names = "、".join(ext for k in allowed for ext in _KINDS[k][0])
    raise RejectedUpload(f"不支持的文件类型，或文件内容与扩展名不符。允许：{allowed_names}")
