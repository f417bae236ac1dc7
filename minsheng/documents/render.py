"""Official documents (公文) as an HTML print preview and as PDF, laid out per GB/T 9704-2012.

One template and one stylesheet serve both: WeasyPrint renders the page with the print media type, a
browser shows it on screen as a white A4 sheet and prints it with the same @page rules. The document is
plain data, so the workflow decides what a notice says and this module only decides how it looks.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

DOCUMENT_KINDS = {
    "acceptance_notice": "信访事项受理告知书",
    "rejection_notice": "信访事项不予受理告知书",
    "transfer_form": "信访事项转送单",
    "assignment_form": "信访事项交办单",
    "extension_notice": "信访事项延期办理告知书",
    "reply_opinion": "信访事项处理意见书",
    "review_opinion": "信访事项复查意见书",
    "recheck_opinion": "信访事项复核意见书",
    # Art 19 para 3: tells the petitioner where the matter is already being handled.
    "level_skipping_notice": "信访事项告知书（越级信访）",
    # Art 36: after a recheck, the same facts and reasons are not accepted again.
    "final_rejection_notice": "不予受理告知书（已终结事项）",
    # Art 31 (一)–(五): where the claim lawfully goes (court, arbitration, administrative review…).
    "diversion_notice": "依法分类处理告知书",
    # Art 40: to the responsible unit, at a level (提醒 / 督办 / 挂牌督办), requiring written feedback.
    "supervision_notice": "督办通知书",
}

# Debian's fonts-noto-cjk has it, so a document still prints in Chinese when a configured commercial
# family (FangSong, XiaoBiaoSong) is missing on a machine.
FALLBACK_FAMILY = "Noto Serif CJK SC"

# A family name goes into a CSS string inside <style>, where HTML escaping does not apply; allowing only
# letters (any script), digits, spaces, hyphens and underscores keeps a bad setting from breaking out.
_FAMILY_NAME = re.compile(r"[\w \-]+")


@dataclass(frozen=True)
class OfficialDocument:
    kind: str  # one of DOCUMENT_KINDS
    title: str  # "" prints the kind's default title
    number: str  # 发文字号 with hexagonal brackets: 怀信〔2026〕00123号
    addressee: str  # 主送: printed flush left with a full-width colon
    paragraphs: list[str]  # body, each paragraph indented two characters
    issuer: str  # 发文机关署名
    date: datetime.date  # 成文日期
    fields: list[tuple[str, str]] = ()  # labelled lines shown as a table before the body
    copy_to: str = ""  # 抄送, printed in the 版记 at the foot of the last page

    def __post_init__(self):
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}; expected one of {sorted(DOCUMENT_KINDS)}")
        if isinstance(self.paragraphs, str):
            # A bare string would print one character per paragraph.
            raise TypeError("paragraphs must be a list of strings, not a string")

    @property
    def display_title(self) -> str:
        return self.title or DOCUMENT_KINDS[self.kind]


def chinese_date(date: datetime.date) -> str:
    # GB/T 9704 7.3.5: Arabic numerals, the year in full, no leading zeros (1月, not 01月).
    return f"{date.year}年{date.month}月{date.day}日"


def font_stack(family: str) -> str:
    """A CSS font-family value naming the configured CJK family first, then the Noto fallback."""
    if not _FAMILY_NAME.fullmatch(family or ""):
        raise ImproperlyConfigured(f"document font family {family!r} must be a plain family name")
    families = dict.fromkeys([family.strip(), FALLBACK_FAMILY])
    # The generic family comes last only as a last resort; the CJK families are always named.
    return mark_safe(", ".join(f'"{name}"' for name in families) + ", serif")


def _copy_to_line(copy_to: str) -> str:
    # GB/T 9704 7.4.2: the last unit in 抄送 ends with a full stop.
    copy_to = copy_to.strip()
    if copy_to and not copy_to.endswith("。"):
        copy_to += "。"
    return copy_to


def render_html(document: OfficialDocument) -> str:
    """The print-preview page: a complete HTML document with the stylesheet inline."""
    return render_to_string(
        "documents/official_document.html",
        {
            "document": document,
            "title": document.display_title,
            "date": chinese_date(document.date),
            "copy_to": _copy_to_line(document.copy_to),
            "body_font": font_stack(settings.DOCUMENT_BODY_FONT),
            "title_font": font_stack(settings.DOCUMENT_TITLE_FONT),
        },
    )


def render_pdf(document: OfficialDocument) -> bytes:
    """The document as an A4 PDF with its CJK fonts embedded (subset)."""
    # Imported here so that pages which never print do not pay for loading WeasyPrint and its fonts.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Everything the page needs is inline; refusing every URL means no text in a document can make the
    # server fetch anything.
    fetcher = URLFetcher(allowed_protocols=())
    return HTML(string=render_html(document), url_fetcher=fetcher).write_pdf()
