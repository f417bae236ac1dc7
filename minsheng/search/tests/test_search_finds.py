"""What search finds: two-character words and longer phrases, in every text of a matter, with the
list's filters and only within what the user may see — the same whichever way the page is found."""

import datetime as dt

import pytest

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters
from minsheng.search import plan_postgres, selectors

from .conftest import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("低保", ["dibao"]),
        ("拆迁", ["apart", "compensation"]),
        ("欠薪", ["wages"]),
        ("最低生活保障", ["dibao"]),
        ("拆迁补偿款", ["compensation"]),
        ("噪音扰民", ["noise"]),  # only in the later submission
        ("财政所", ["replied"]),  # only in the reply
        ("没有这样的事", []),
    ],
)
def test_it_finds_two_character_words_and_phrases_in_every_text(corpus, city, plan, text, expected):
    assert found(city.supervisor, text) == [getattr(corpus, name).title for name in expected]


def test_it_finds_a_phrase_only_where_its_characters_stand_together(corpus, city, plan):
    # 反映房屋拆迁后无人过问 has 拆迁 and 补偿 apart: the phrase misses it, the two words find it.
    assert found(city.supervisor, "拆迁补偿") == [corpus.compensation.title]
    assert found(city.supervisor, "拆迁 补偿") == [corpus.apart.title, corpus.compensation.title]


def test_it_finds_what_contains_every_word(corpus, city, plan):
    assert found(city.supervisor, "拆迁 安置") == [corpus.apart.title]
    assert found(city.supervisor, "低保 欠薪") == []


def test_it_finds_a_single_character_at_the_start_or_end_of_a_word(corpus, city, plan):
    # 薪 only ever ends a run (欠薪): the run's last character is indexed on its own too.
    assert found(city.supervisor, "薪") == [corpus.wages.title]
    assert corpus.wages.title in found(city.supervisor, "欠")


def test_it_finds_the_matter_number_or_its_beginning(corpus, city, plan):
    number = corpus.wages.number  # 怀信〔2026〕0000n
    assert found(city.supervisor, number) == [corpus.wages.title]
    assert found(city.supervisor, number.split("〕")[1]) == [corpus.wages.title]
    assert len(found(city.supervisor, "怀信〔2026〕000")) == Matter.objects.count()


def test_full_width_and_upper_case_letters_find_the_same(register, city, plan):
    register(title="反映WiFi信号差", content="小区的ＷＩＦＩ经常断线。")
    assert found(city.supervisor, "wifi") == ["反映WiFi信号差"]
    assert found(city.supervisor, "ＷＩＦＩ") == ["反映WiFi信号差"]


def test_a_user_outside_the_scope_does_not_find_the_matter(corpus, city, plan):
    # 欠薪 concerns 金沙滩镇: its handler finds it, 云中镇's does not; nor 住建局's.
    assert found(city.jinshatan_handler, "欠薪") == [corpus.wages.title]
    assert found(city.yunzhong_handler, "欠薪") == []
    assert found(city.housing_handler, "欠薪") == []
    assert found(city.yunzhong_handler, "拆迁") == [corpus.apart.title, corpus.compensation.title]


def test_it_combines_with_the_list_filters(corpus, city, plan):
    user = city.supervisor
    assert found(user, "补偿", status=Matter.Status.REPLIED) == [corpus.replied.title]
    assert found(user, "补偿", organisation=city.yunzhong) == [
        corpus.replied.title,
        corpus.apart.title,
        corpus.compensation.title,
    ]
    assert found(user, "拆迁", received_from=dt.date(2026, 2, 1)) == [corpus.apart.title]
    assert found(user, "拆迁", received_to=dt.date(2026, 2, 2)) == [corpus.compensation.title]
    assert found(user, "拆迁", received_from=dt.date(2026, 2, 3), received_to=dt.date(2026, 2, 3)) == [
        corpus.apart.title
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-received_at", ["replied", "apart", "compensation"]),
        ("received_at", ["compensation", "apart", "replied"]),
        ("number", ["compensation", "apart", "replied"]),
        ("status", ["apart", "compensation", "replied"]),  # registered < replied, then newest first
    ],
)
def test_it_sorts_results_as_the_list_does(corpus, city, plan, sort, expected):
    assert found(city.supervisor, "补偿", sort=sort) == [getattr(corpus, name).title for name in expected]


def test_it_pages_through_results_with_an_exact_total(corpus, city, plan):
    filters = MatterFilters(text="补偿")
    pages = [
        selectors.matter_search(user=city.supervisor, filters=filters, limit=2, offset=offset)
        for offset in (0, 2, 4)
    ]
    assert [[m.title for m in page] for page in pages] == [
        [corpus.replied.title, corpus.apart.title],
        [corpus.compensation.title],
        [],
    ]
    assert {(page.total, page.total_exact) for page in pages} == {(3, True)}


@pytest.mark.parametrize("sort", ["-received_at", "number"])
def test_many_matches_are_counted_up_to_the_cap_and_listed_that_far(corpus, city, monkeypatch, sort):
    monkeypatch.setattr(selectors, "SMALL_MATCHES", 0)
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    filters = MatterFilters(text="补偿", sort=sort)
    result = selectors.matter_search(user=city.supervisor, filters=filters, limit=10)
    assert (result.total, result.total_exact) == (2, False)
    assert len(result.matters) == 2
    assert selectors.matter_search(user=city.supervisor, filters=filters, offset=2).matters == []
    # Under the cap the total stays exact.
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="拆迁补偿", sort=sort))
    assert (result.total, result.total_exact) == (1, True)


def test_common_words_are_counted_from_the_index_below_the_share_that_reads_matters(
    corpus, city, monkeypatch
):
    # PostgreSQL: a word in 5 % of matters is paged by reading matters, counted from the index.
    monkeypatch.setattr(selectors, "SMALL_MATCHES", 0)
    monkeypatch.setattr(plan_postgres, "query_share", lambda terms: 0.05)
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="补偿"))
    assert ([m.title for m in result], result.total, result.total_exact) == (
        [corpus.replied.title, corpus.apart.title],
        2,
        False,
    )
    assert found(city.yunzhong_handler, "拆迁补偿") == [corpus.compensation.title]


def test_few_matches_are_all_counted_whatever_the_cap(corpus, city, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="补偿"))
    assert (result.total, result.total_exact, len(result)) == (3, True, 3)
