"""Searching the library: words of two characters and more, article numbers, marked hits, bad input."""

import pytest
from django.urls import reverse

from minsheng.policies.models import PolicyDocument
from minsheng.policies.selectors import article_search, articles_in_order, query_parse
from minsheng.policies.text import excerpt, highlight

pytestmark = pytest.mark.django_db


def search(text):
    return articles_in_order(article_search(query=query_parse(text)))


def numbers(text):
    return [article.number for article in search(text)]


def test_it_finds_two_character_words(regulation):
    assert 35 in numbers("复查") and 36 in numbers("复查")
    assert 34 in numbers("期限")
    assert len(numbers("信访")) > 40
    assert numbers("仲裁")[:1] == [31]


def test_it_finds_longer_phrases_across_punctuation_and_requires_every_word(regulation):
    assert numbers("诉讼、仲裁") == numbers("诉讼仲裁") == []  # the text never has them side by side
    assert 31 in numbers("行政复议")
    assert numbers("延长办理期限") == [34]
    assert numbers("复查 听证") == [36]
    assert numbers("代表 5人") == [20]


@pytest.mark.parametrize("asked", ["第三十一条", "31条", "第31条", "31", "三十一条", "第三十一", "３１"])
def test_it_finds_an_article_by_its_number_first(regulation, asked):
    found = numbers(asked)
    assert found[0] == 31
    # Then the articles that cite it: 第三十四条 and 第三十六条 refer to 本条例第三十一条第六项.
    assert set(found[1:]) == {34, 36}


def test_several_article_numbers_find_each_of_them(regulation):
    found = numbers("第三十五条 36")
    assert set(found[:2]) == {35, 36}


def test_the_portal_link_finds_article_31_first(client, regulation):
    response = client.get(reverse("policies:library"), {"q": "第三十一条"})

    html = response.content.decode()
    first = html.index('<li class="policy-result')
    assert reverse("policies:article", args=[regulation.pk, 31]) in html[first : first + 400]


def test_a_document_title_narrows_a_search_by_number(regulation, small_regulation):
    assert numbers("示范条例 第三条") == [3]
    assert [a.document for a in search("示范条例 第三条")] == [small_regulation]
    assert search("信访工作条例 第三条")[0].document == regulation


def test_current_documents_come_before_repealed_ones(regulation, small_regulation):
    PolicyDocument.objects.filter(pk=regulation.pk).update(is_current=False)

    found = search("第三条")

    assert [a.document for a in found[:2]] == [small_regulation, regulation]


def test_hits_are_marked_after_the_text_is_escaped(small_regulation):
    article = small_regulation.articles.get(number=1)

    marked = str(highlight(article.text, query_parse("信访 权益").needles))

    assert marked == (
        "为了规范&lt;b&gt;<mark>信访</mark>&lt;/b&gt;工作 &amp; 保障<mark>权益</mark>，制定本条例。"
    )
    assert "<b>" not in str(excerpt(article.text, ["b"]))


def test_marking_folds_width_and_case_like_the_search():
    assert str(highlight("依照ＡＢＣ法第３１条", query_parse("abc 31").needles)) == (
        "依照<mark>ＡＢＣ</mark>法第<mark>３１</mark>条"
    )


def test_a_long_article_is_cut_around_the_first_hit():
    text = "甲" * 300 + "复查" + "乙" * 300
    passage = str(excerpt(text, ["复查"]))
    assert passage.startswith("…") and passage.endswith("…")
    assert "<mark>复查</mark>" in passage and len(passage) < 200


def test_the_results_page_marks_hits_and_escapes_the_query(client, small_regulation):
    response = client.get(reverse("policies:library"), {"q": "<script>alert(1)</script> 信访"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_search_results_show_document_chapter_and_article_with_hits_marked(client, regulation):
    response = client.get(reverse("policies:library"), {"q": "仲裁"})

    html = response.content.decode()
    assert "第三十一条" in html and "《信访工作条例》" in html and "第四章 信访事项的办理" in html
    assert "<mark>仲裁</mark>" in html
    assert "共 1 条" in html


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "x" * 10_000,
        "信访" * 5_000,
        "' OR 1=1 --",
        "\" AND NOT 信访 OR *",
        "%_%",
        "信访\x00期限",
        "NEAR(信访 期限)",
        "\\",
        "第99999999999999999999条",
        "第一百零二条",
    ],
)
def test_bad_queries_are_answered_without_error(client, regulation, q):
    response = client.get(reverse("policies:library"), {"q": q})

    assert response.status_code == 200


def test_an_overlong_query_is_cut_and_says_so(client, regulation):
    response = client.get(reverse("policies:library"), {"q": "信访" * 5_000})

    html = response.content.decode()
    assert "太长" in html
    assert query_parse("信访" * 5_000).text == "信访" * 50


def test_percent_and_underscore_are_not_wildcards(small_regulation):
    assert numbers("%") == [] and numbers("_") == [] and numbers("信%期限") == []


def test_results_are_paginated_and_a_bad_page_number_shows_the_first_page(client, regulation):
    first = client.get(reverse("policies:library"), {"q": "信访"}).content.decode()
    second = client.get(reverse("policies:library"), {"q": "信访", "page": "2"}).content.decode()
    bad = client.get(reverse("policies:library"), {"q": "信访", "page": "abc"}).content.decode()

    assert first.count('<li class="policy-result') == 10
    assert "第 1 / " in first and 'rel="next"' in first
    assert "第 2 / " in second and 'rel="prev"' in second

    def results(html):
        start = html.index('<ol class="policy-results">')
        return html[start : html.index("</ol>", start)]

    assert results(bad) == results(first) != results(second)
