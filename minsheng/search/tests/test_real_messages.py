"""Search over real messages and their official replies (../shared/data): every result really holds the
word, and nothing that holds it is missed — checked against a plain scan of the same texts."""

import unicodedata

import pytest

from minsheng.petitions.importing import clean_text, read_messages_file
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters
from minsheng.petitions.services import messages_import
from minsheng.search import selectors

MESSAGES = "taidi2020C_fujian4_full_replies.csv"
WORDS = ["拆迁", "物业", "小区", "噪音", "欠薪", "低保", "公积金", "拆迁安置", "物业管理", "业主委员会", "薪"]


def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@pytest.fixture
def messages(shared_data, city):
    records = read_messages_file(shared_data / MESSAGES)[:400]
    report = messages_import(records=records, organisation=city.bureau)
    assert report.imported > 350
    # What each imported matter says, straight from the file: title, message and reply.
    return {
        clean_text(r["留言编号"]): folded(
            "\n".join(
                [clean_text(r["留言主题"])[:200], clean_text(r["留言详情"]), clean_text(r.get("答复意见"))]
            )
        )
        for r in records
    }


def test_results_hold_the_word_and_none_is_missed(messages, city, plan):
    external_ids = dict(Matter.objects.values_list("pk", "external_id"))
    checked = 0
    for word in WORDS:
        result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text=word), limit=1000)
        got = {external_ids[m.pk] for m in result}
        expected = {external_id for external_id, text in messages.items() if word in text}
        assert got == expected, word
        assert result.total == len(expected) and result.total_exact
        checked += len(expected)
    assert checked > 200  # the words are common enough for the check to mean something


def test_the_newest_come_first(messages, city, plan):
    result = selectors.matter_search(user=city.supervisor, filters=MatterFilters(text="小区"), limit=50)
    times = [m.received_at for m in result]
    assert len(times) == 50
    assert times == sorted(times, reverse=True)
