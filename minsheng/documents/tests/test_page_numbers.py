"""A long document runs over pages numbered "— 2 —", odd numbers right and even numbers left."""

import pytest

from minsheng.documents.render import render_pdf

from .helpers import CHARACTER, MM, TYPE_LEFT, TYPE_RIGHT, make_document, page_runs, pdf_text, reader

LONG_BODY = ["信访工作是党的群众工作的重要组成部分，是了解社情民意的重要窗口。" * 6] * 8


@pytest.fixture(scope="module")
def long_pdf():
    return render_pdf(make_document(paragraphs=LONG_BODY))


def test_it_runs_a_long_body_over_several_pages(long_pdf):
    assert len(reader(long_pdf).pages) >= 2
    assert "—2—" in pdf_text(long_pdf)


def test_it_puts_odd_page_numbers_right_and_even_ones_left(long_pdf):
    first = [run for run in page_runs(long_pdf, 1) if run.text == "— 1 —"]
    second = [run for run in page_runs(long_pdf, 2) if run.text == "— 2 —"]

    assert len(first) == 1 and len(second) == 1
    # 14 pt numbers outside the type area: below its bottom edge, at 297 − 35 mm.
    for run in first + second:
        assert run.size == pytest.approx(14, abs=0.1)
        assert run.y > (297 - 35) * MM + 7 * MM
    # Even pages: one character (14 pt) in from the left edge of the type area.
    assert second[0].x == pytest.approx(TYPE_LEFT + 14, abs=0.5)
    # Odd pages: on the right, the number ends one character in from the right edge.
    assert first[0].x > TYPE_RIGHT - 6 * CHARACTER
