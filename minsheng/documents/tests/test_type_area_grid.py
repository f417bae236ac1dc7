"""GB/T 9704-2012 layout: a 156 × 225 mm type area 37 mm from the top and 28 mm from the left, holding
22 lines of 28 characters; the title centred, the addressee flush left, paragraphs indented two characters,
and the date four characters from the right under the issuing unit."""

import pytest

from minsheng.documents.render import render_pdf

from .helpers import CHARACTER, LINE, TYPE_LEFT, TYPE_RIGHT, TYPE_TOP, make_document, page_runs, run_starting

# Full-width characters only, and no punctuation that line breaking keeps off a line start or end.
FILLER = "信访工作是党的群众工作的重要组成部分"


@pytest.fixture(scope="module")
def runs():
    return page_runs(render_pdf(make_document()), 1)


def test_it_centres_the_title_in_22_point_type(runs):
    title = run_starting(runs, "信访事项受理告知书")

    assert title.size == pytest.approx(22, abs=0.1)
    assert title.x + 9 * 22 / 2 == pytest.approx((TYPE_LEFT + TYPE_RIGHT) / 2, abs=1)
    # On the first line of the type area.
    assert TYPE_TOP < title.y < TYPE_TOP + LINE


def test_it_starts_the_addressee_flush_left_and_indents_paragraphs_by_two_characters(runs):
    addressee = run_starting(runs, "李桂兰：")
    paragraph = run_starting(runs, "你于2026年")
    second_line = runs[runs.index(paragraph) + 1]

    assert addressee.x == pytest.approx(TYPE_LEFT, abs=0.5)
    assert paragraph.x == pytest.approx(TYPE_LEFT + 2 * CHARACTER, abs=0.5)
    assert second_line.x == pytest.approx(TYPE_LEFT, abs=0.5)
    assert paragraph.size == pytest.approx(16, abs=0.1)
    assert second_line.y - paragraph.y == pytest.approx(LINE, abs=0.05)


def test_it_sets_the_date_four_characters_from_the_right_under_the_centred_issuer(runs):
    issuer = run_starting(runs, "怀仁市信访局")
    date = run_starting(runs, "2026年11月26日")

    issuer_centre = issuer.x + 6 * CHARACTER / 2
    # The unit is centred on the date, so the date ends as far right of that centre as it starts left.
    date_right = 2 * issuer_centre - date.x
    assert date_right == pytest.approx(TYPE_RIGHT - 4 * CHARACTER, abs=1)
    assert date.y - issuer.y == pytest.approx(LINE, abs=0.05)


def test_it_fits_28_characters_a_line_and_22_lines_a_page():
    pdf = render_pdf(make_document(paragraphs=[FILLER * 80]))

    second_page = [run for run in page_runs(pdf, 2) if run.size == pytest.approx(16, abs=0.1)]
    assert len(second_page) == 22
    assert {len(run.text) for run in second_page} == {28}
    # The first baseline: half the leading (6.5 pt) plus the ascent of 16 pt type (14 pt) below the top.
    assert second_page[0].y == pytest.approx(TYPE_TOP + 20.5, abs=2)
