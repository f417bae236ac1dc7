"""Every kind of document the workflow issues renders, with its default title; bad input is refused."""

import datetime

import pytest

from minsheng.documents.render import DOCUMENT_KINDS, chinese_date, render_html

from .helpers import make_document


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_it_renders_every_kind_with_its_default_title(kind):
    html = render_html(make_document(kind=kind, title=""))

    assert f'<h1 class="title">{DOCUMENT_KINDS[kind]}</h1>' in html
    assert f"<title>{DOCUMENT_KINDS[kind]}</title>" in html


def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown document kind"):
        make_document(kind="memo")


def test_it_refuses_a_string_for_the_paragraphs():
    with pytest.raises(TypeError):
        make_document(paragraphs="特此告知。")


def test_it_writes_dates_in_arabic_numerals_without_leading_zeros():
    assert chinese_date(datetime.date(2026, 1, 5)) == "2026年1月5日"
    assert chinese_date(datetime.date(2026, 11, 26)) == "2026年11月26日"


def test_it_ends_the_copy_to_line_with_a_full_stop_once():
    assert "抄送：云中镇人民政府。</p>" in render_html(make_document(copy_to="云中镇人民政府"))
    assert "抄送：云中镇人民政府。</p>" in render_html(make_document(copy_to="云中镇人民政府。"))


def test_it_leaves_out_the_imprint_without_a_copy_to_line():
    assert "抄送" not in render_html(make_document())
