"""Whatever is typed into the search box is text: empty, very long, query-language syntax or SQL is
answered without an error, on the page, in the API and in the selector, and changes nothing."""

import pytest

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters
from minsheng.search import selectors

from .conftest import found

BAD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "拆" * 10_000,
    "低保 " * 3_000,
    '" * : ^ ( ) NEAR AND OR NOT -',
    '"低保',
    "低保*",
    "NEAR(低保 拆迁, 2)",
    "body: 低保",
    "^低保 -拆迁",
    "低保 OR 拆迁",
    "'; DROP TABLE petitions_matter; --",
    "1' OR '1'='1",
    '低保" OR "1"="1',
    "%_\\",
    "'低保':* & !拆迁 <-> x",
    "\x00低保\x1f",
    "😀🚀",
]


@pytest.fixture
def supervisor_client(client, city):
    client.force_login(city.supervisor)
    return client


@pytest.mark.parametrize("text", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_any_query_is_answered_without_error_and_changes_nothing(
    corpus, city, plan, supervisor_client, api_client_for, text
):
    before = Matter.objects.count()
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text=text))
    assert result.total == len(result.matters) <= before
    assert supervisor_client.get("/matters/", {"q": text}).status_code == 200
    response = api_client_for(city.supervisor).get("/api/v1/matters", {"q": text})
    assert response.status_code == 200
    assert response.json()["count"] == result.total
    assert Matter.objects.count() == before


def test_syntax_characters_and_sql_are_plain_text(corpus, city, plan):
    for text in ('"低保', "低保*", "^低保", "低保:", "(低保)", "'低保'", "低保;--"):
        assert found(city.supervisor, text) == [corpus.dibao.title], text
    # NOT and OR are words like any other: no matter contains "or" here, so nothing is found.
    assert found(city.supervisor, "低保 OR 拆迁") == []
    assert found(city.supervisor, "'; DROP TABLE petitions_matter; --") == []


def test_a_long_query_is_cut_and_the_user_told(corpus, city, supervisor_client):
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="低保 " * 3_000))
    assert [m.title for m in result] == [corpus.dibao.title]
    assert result.query.truncated
    html = supervisor_client.get("/matters/", {"q": "低保 " * 3_000}).content.decode()
    assert "检索词过长，只按前 100 个字、前 10 个词检索" in html
    assert corpus.dibao.number in html


def test_a_query_without_searchable_text_lists_everything_and_says_so(corpus, city, supervisor_client):
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text='" * ( ) -'))
    assert result.total == Matter.objects.count()
    html = supervisor_client.get("/matters/", {"q": '" * ( ) -'}).content.decode()
    assert "以下内容不含可检索的文字，已忽略" in html
