"""The HTML print preview: the same page and stylesheet as the PDF, with a 打印 button hidden in print."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import translation

from minsheng.documents.render import render_html

from .helpers import make_document


def test_it_is_a_complete_page_with_a_print_button():
    html = render_html(make_document())

    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert re.search(r'<button type="button" data-print>\s*打印\s*</button>', html)
    assert "/static/documents/print.js" in html
    script = Path(finders.find("documents/print.js")).read_text(encoding="utf-8")
    assert "window.print()" in script


def test_it_hides_the_button_in_print_and_shows_a_sheet_on_screen():
    html = render_html(make_document())

    assert re.search(r"@media print \{\s*\.toolbar \{ display: none; \}", html)
    assert re.search(r"@media screen \{.*\.sheet \{[^}]*width: 210mm;[^}]*background: #fff;", html, re.S)
    # The same @page rules a browser uses when printing the preview.
    assert "size: A4;" in html and "margin: 37mm 26mm 35mm 28mm;" in html


def test_it_shows_the_same_text_as_the_pdf():
    document = make_document(
        fields=[("信访事项编号", "HR2026-00123")], copy_to="云中镇人民政府", paragraphs=["第一段。\n第二行。"]
    )

    html = render_html(document)

    for part in ["信访事项受理告知书", "怀信〔2026〕00123号", "李桂兰：", "怀仁市信访局", "2026年11月26日"]:
        assert part in html
    assert '<th scope="row">信访事项编号</th><td>HR2026-00123</td>' in html
    assert "第一段。<br>第二行。" in html
    assert "抄送：云中镇人民政府。" in html
    assert "（印章）" in html


def test_it_keeps_the_document_chinese_when_the_user_reads_english():
    with translation.override("en"):
        html = render_html(make_document(copy_to="云中镇人民政府"))

    assert '<html lang="en">' in html
    assert '<article class="sheet" lang="zh-CN">' in html
    assert "抄送：云中镇人民政府。" in html
