"""Reading a regulation from Markdown or plain text into chapters, sections and articles.

A line opening with 第X章 starts a chapter, 第X节 a section, 第X条 an article; the lines that follow
an article, up to the next heading or article, are its further paragraphs. Markdown heading marks
(#) and bold (**) around these labels are ignored. A line that starts with 第X条 but runs straight on
without a space ("第三十一条规定的……") is a cross-reference, not a new article — unless its number is
the next one expected, which is how texts without spaces are still read.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .numerals import NUMERAL_CHARS, article_label, parse_number

_NUM = rf"[0-9０-９{NUMERAL_CHARS}]+"
_MARKS = r"[#>*\s　]*"
_HEADING = re.compile(rf"^{_MARKS}(第({_NUM})(章|节))(?:[\s　*]*)(.*?)[\s*]*$")
_ARTICLE = re.compile(rf"^{_MARKS}(?:\*\*)?第({_NUM})条(?:\*\*)?([\s　]*)(.*)$")
_TITLE = re.compile(r"^#\s+(.+?)\s*#*$")
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_ISSUED = re.compile(rf"^{_DATE}\s*(.+?)(?:发布|公布|印发)$")
_EFFECTIVE_META = re.compile(rf"^{_DATE}\s*(?:起)?施行$")
_EFFECTIVE_TEXT = re.compile(rf"自{_DATE}起施行")
_ORDER = re.compile(r"^(.+?)令第\d+号$")
_INFO_END = "<!-- INFO END -->"


class MalformedPolicy(ValueError):
    """The file cannot be read as a regulation; the message says why, in Chinese, for the command line."""


@dataclass
class ParsedArticle:
    number: int
    label: str
    chapter: str
    section: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class ParsedPolicy:
    title: str
    preamble: str
    articles: list[ParsedArticle]
    issuer: str = ""
    doc_number: str = ""
    issued_on: dt.date | None = None
    effective_on: dt.date | None = None


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def read_text(path: str | Path) -> str:
    """The file's text: UTF-8 (with or without BOM), or GB 18030 as saved by older Chinese editors."""
    path = Path(path)
    if not path.is_file():
        raise MalformedPolicy(f"找不到文件：{path}")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise MalformedPolicy("文件不是文本文件（应为 UTF-8 编码的 Markdown 或纯文本）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MalformedPolicy("无法识别文件编码，请另存为 UTF-8 编码的文本文件")


def parse_policy(text: str) -> ParsedPolicy:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title, preamble_lines = "", []
    chapter = section = ""
    articles: list[ParsedArticle] = []
    seen: set[int] = set()
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped == _INFO_END:
            continue
        heading = _HEADING.match(stripped)
        article = None if heading else _ARTICLE.match(stripped)
        if heading:
            label, _number, kind, name = heading.groups()
            text = f"{label} {name}".strip()
            if kind == "章":
                chapter, section = text, ""
            else:
                section = text
            continue
        if article:
            number = parse_number(article.group(1))
            separated = bool(article.group(2)) or not article.group(3)
            expected = (articles[-1].number + 1) if articles else 1
            if number and (separated or number == expected):
                if number in seen:
                    raise MalformedPolicy(f"条文编号重复：{article_label(number)}出现了两次")
                seen.add(number)
                articles.append(ParsedArticle(number, article_label(number), chapter, section))
                if article.group(3).strip():
                    articles[-1].paragraphs.append(article.group(3).strip())
                continue
        if articles:
            articles[-1].paragraphs.append(stripped)
        elif not title and (found := _TITLE.match(stripped)):
            title = found.group(1).strip()
        elif not chapter:
            preamble_lines.append(stripped.lstrip("#").strip())
    if not articles:
        raise MalformedPolicy("文件中没有找到任何条文：条文应以“第一条”“第二条”……开头，每条另起一行")
    empty = [a.label for a in articles if not a.paragraphs]
    if empty:
        raise MalformedPolicy(f"以下条文没有内容：{'、'.join(empty[:5])}")
    if not title and preamble_lines:
        title = preamble_lines.pop(0)
    parsed = ParsedPolicy(title=title, preamble="\n".join(preamble_lines), articles=articles)
    for line in preamble_lines:
        if (found := _ISSUED.match(line)) and parsed.issued_on is None:
            parsed.issued_on = _date(*found.groups()[:3])
            parsed.issuer = found.group(4).strip()
            # 中华人民共和国国务院令第431号公布: the issuer is the State Council, the order is the number.
            if order := _ORDER.match(parsed.issuer):
                parsed.issuer, parsed.doc_number = order.group(1), parsed.issuer
        elif (found := _EFFECTIVE_META.match(line)) and parsed.effective_on is None:
            parsed.effective_on = _date(*found.groups())
    if parsed.effective_on is None:
        # The closing article usually says when the regulation takes effect: 本条例自2022年5月1日起施行。
        for article in reversed(articles):
            if found := _EFFECTIVE_TEXT.search(article.text):
                parsed.effective_on = _date(*found.groups())
                break
    return parsed
