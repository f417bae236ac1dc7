import pytest

from minsheng.policies.numerals import article_label, article_number_in_query, parse_number, to_chinese


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1), ("十", 10), ("十一", 11), ("一十一", 11), ("二十", 20), ("三十一", 31), ("五十", 50),
        ("九十九", 99), ("一百", 100), ("一百零二", 102), ("一百一十", 110), ("两百", 200),
        ("一千零一", 1001), ("一千零一十一", 1011), ("31", 31), ("３１", 31),
    ],
)
def test_it_reads_chinese_and_arabic_numerals(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "三一", "十百", "百百", "零五", "信访", "三十a", "一零"])
def test_it_refuses_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_it_writes_every_number_back_the_way_it_reads_it():
    for number in range(1, 2100):
        assert parse_number(to_chinese(number)) == number
    assert article_label(31) == "第三十一条"
    assert article_label(102) == "第一百零二条"
    assert article_label(10) == "第十条"


@pytest.mark.parametrize(
    ("term", "number"),
    [
        ("第三十一条", 31), ("第31条", 31), ("31条", 31), ("三十一条", 31), ("第三十一", 31), ("31", 31),
        ("第一百零二条", 102), ("第五十条", 50), ("３１", 31),
        ("十一", None), ("信访", None), ("0", None), ("第0条", None), ("第三条例", None),
    ],
)
def test_it_recognises_an_article_number_in_a_search_term(term, number):
    assert article_number_in_query(term) == number
