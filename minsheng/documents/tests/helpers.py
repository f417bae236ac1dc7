"""Builders and PDF readers shared by the documents tests."""

import datetime
import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

from minsheng.documents.render import OfficialDocument

MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH = 210 * MM
TYPE_LEFT = 28 * MM
TYPE_RIGHT = PAGE_WIDTH - 26 * MM
TYPE_TOP = 37 * MM
CHARACTER = 156 * MM / 28  # the advance of one 16 pt character on the 28-a-line grid
LINE = 28.95


def make_document(**overrides) -> OfficialDocument:
    fields = {
        "kind": "acceptance_notice",
        "title": "信访事项受理告知书",
        "number": "怀信〔2026〕00123号",
        "addressee": "李桂兰",
        "paragraphs": [
            "你于2026年11月12日来访反映的云中镇东关村房屋征收补偿款未发放到位的信访事项收悉。"
            "根据《信访工作条例》第二十三条规定，本机关决定予以受理。",
            "本机关将自受理之日起60日内办结并出具信访处理意见书。",
            "特此告知。",
        ],
        "issuer": "怀仁市信访局",
        "date": datetime.date(2026, 11, 26),
    }
    fields.update(overrides)
    return OfficialDocument(**fields)


def squash(text: str) -> str:
    # pypdf may put spaces or line breaks between CJK characters and at line ends; compare without them.
    return re.sub(r"\s+", "", text)


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    return squash("".join(page.extract_text() for page in reader(pdf).pages))


@dataclass
class Run:
    """One run of text on a page: where it starts, in points from the top left corner of the page."""

    text: str
    x: float
    y: float
    size: float


def page_runs(pdf: bytes, page_number: int) -> list[Run]:
    """The text runs of one page (1-based), in drawing order, with positions in points."""
    runs = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        # WeasyPrint draws in CSS pixels: cm scales them to points and flips y from the page's bottom.
        scale_x, scale_y = cm[0], -cm[3]
        x = tm[4] * scale_x + cm[4]
        y = tm[5] * scale_y
        runs.append(Run(text.strip(), x, y, font_size * scale_x))

    reader(pdf).pages[page_number - 1].extract_text(visitor_text=visit)
    return runs


def run_starting(runs: list[Run], text: str) -> Run:
    return next(run for run in runs if squash(run.text).startswith(squash(text)))


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont name → whether its program is embedded, for every font used on any page."""
    fonts = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor.get_object()
                for descriptor in descriptors
                if descriptor is not None
                for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def font_key(name: str) -> str:
    """A family or PostScript name reduced to compare them: "ABCDEF+Noto-Serif-CJK-SC" → "notoserifcjksc"."""
    return re.sub(r"[^0-9a-z]", "", name.split("+")[-1].lower())
