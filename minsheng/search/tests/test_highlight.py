"""Marking the searched words: <mark> around each hit, in the title and in a passage around the first
hit elsewhere; everything the user wrote stays escaped."""

import pytest

from minsheng.search.highlight import compile_terms, highlight_text, snippet
from minsheng.search.tokens import parse_query


def marked(text: str, query: str) -> str:
    return str(highlight_text(text, compile_terms(parse_query(query).terms)))


def test_it_marks_every_word_of_the_query():
    assert marked("征地拆迁补偿款和低保", "拆迁补偿 低保") == "征地<mark>拆迁补偿</mark>款和<mark>低保</mark>"


def test_it_marks_what_search_finds_whatever_width_or_case_was_typed():
    assert marked("小区ＷＩＦＩ断线", "wifi") == "小区<mark>ＷＩＦＩ</mark>断线"
    assert marked("编号怀信〔2026〕00012", "怀信〔2026〕000") == "编号<mark>怀信〔2026〕000</mark>12"


def test_it_escapes_the_text_around_and_inside_the_marks():
    html = marked("<script>alert('低保')</script>", "低保")
    assert html == "&lt;script&gt;alert(&#x27;<mark>低保</mark>&#x27;)&lt;/script&gt;"


def test_a_query_that_looks_like_html_is_marked_as_text():
    assert marked("<b>加粗</b>", "<b>") == "&lt;<mark>b</mark>&gt;加粗&lt;/<mark>b</mark>&gt;"


def test_the_snippet_is_a_short_passage_around_the_first_hit_of_the_first_text_that_has_one():
    pattern = compile_terms(parse_query("财政所").terms)
    long_text = "前文" * 40 + "补偿款已拨付至镇财政所，尚未发放。" + "后文" * 80
    passage = str(snippet(["与此无关的内容", long_text], pattern))
    assert passage.startswith("…") and passage.endswith("…")
    assert "<mark>财政所</mark>" in passage
    assert len(passage) < 160
    assert str(snippet(["无关"], pattern)) == ""


@pytest.fixture
def supervisor_client(client, city):
    client.force_login(city.supervisor)
    return client


def test_the_list_page_marks_hits_in_titles_and_shows_where_else_they_are(supervisor_client, corpus):
    response = supervisor_client.get("/matters/", {"q": "小区"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<mark>小区</mark>夜间施工" in html
    assert "<script>alert" not in html
    # A hit only in the reply shows as a passage under the title.
    html = supervisor_client.get("/matters/", {"q": "财政所"}).content.decode()
    assert '<div class="snippet">' in html and "<mark>财政所</mark>" in html


def test_the_api_list_gives_the_marked_title_and_passage(api_client_for, city, corpus):
    api = api_client_for(city.supervisor)
    items = api.get("/api/v1/matters", {"q": "噪音扰民"}).json()["items"]
    assert [item["number"] for item in items] == [corpus.noise.number]
    assert items[0]["title"] == corpus.noise.title
    assert items[0]["highlight"]["title"] == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;小区夜间施工"
    assert "<mark>噪音扰民</mark>" in items[0]["highlight"]["snippet"]
    assert api.get("/api/v1/matters").json()["items"][0]["highlight"] is None
