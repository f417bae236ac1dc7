"""What two petitions have in common: weighted character bigrams and named places. Pure functions.

Chinese has no spaces, so a text is compared by its overlapping character bigrams ("拆迁补偿" →
拆迁 迁补 补偿), weighted by TF-IDF. The document frequencies come from a fixed table
(`data/bigram_df.tsv.gz`, counted over about 9,500 real messages to a city's government board; see
`build_weights.py`) rather than from the matters in the database: the weight of a word must not change as
matters are registered, or an index kept up to date matter by matter would differ from a rebuilt one.

Places are what most often separates two look-alike petitions — the same complaint about property fees in
two different estates is two matters. `places()` picks the named places and organisations out of a text
(XX小区, XX村, XX路, XX学校, XX公司…) so that the scorer can reward a shared place and penalise two
different ones.
"""

import gzip
import heapq
import math
import re
import unicodedata
import zlib
from collections import Counter
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("data") / "bigram_df.tsv.gz"

# How many of a matter's bigrams go into the inverted index, and how many of a query's are looked up.
SIGNATURE_SIZE = 16
QUERY_TERMS = 20
# How many entries of a matter's vector are kept for scoring (the rest weigh little).
VECTOR_SIZE = 64
# Bigrams in more than this share of documents say nothing about which matter a text is about.
COMMON_SHARE = 0.04
# Only the start of a long text is compared: enough to recognise the matter, and bounded in time.
TEXT_LIMIT = 800

_SEPARATORS = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")


def normalize(text: str) -> str:
    """Full-width folded, lower case, and only letters, digits and Chinese characters, runs split by |."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is several times cheaper
        text = unicodedata.normalize("NFKC", text)
    return _SEPARATORS.sub("|", text.lower())


def bigrams(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    out: list[str] = []
    for run in normalize(text[: limit * 2]).split("|"):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        if len(out) >= limit:
            break
    return out[:limit]


def term_id(bigram: str) -> int:
    """A stable signed 32-bit id for a bigram (the index stores integers, not strings)."""
    value = zlib.crc32(bigram.encode("utf-8"))
    return value - (1 << 32) if value >= (1 << 31) else value


@cache
def _weights() -> tuple[dict[str, int], int]:
    frequencies: dict[str, int] = {}
    with gzip.open(WEIGHTS_FILE, "rt", encoding="utf-8") as lines:
        total = int(next(lines).split("\t")[1])
        for line in lines:
            gram, count = line.rstrip("\n").split("\t")
            frequencies[gram] = int(count)
    return frequencies, total


@cache
def _idf_table() -> tuple[dict[str, float], float]:
    # Computed once: idf() runs for every bigram of every candidate scored at intake.
    frequencies, total = _weights()
    table = {gram: math.log((total + 1) / (count + 1)) + 1.0 for gram, count in frequencies.items()}
    return table, math.log(total + 1) + 1.0


def idf(bigram: str) -> float:
    table, unseen = _idf_table()
    return table.get(bigram, unseen)


@cache
def _common() -> frozenset[str]:
    frequencies, total = _weights()
    return frozenset(gram for gram, count in frequencies.items() if count > COMMON_SHARE * total)


def is_common(bigram: str) -> bool:
    return bigram in _common()


_SUBLINEAR = [0.0] + [1.0 + math.log(count) for count in range(1, 256)]


def _raw_weights(counts: Counter) -> dict[str, float]:
    table, unseen = _idf_table()
    return {gram: _SUBLINEAR[min(count, 255)] * table.get(gram, unseen) for gram, count in counts.items()}


def vector(text: str) -> dict[str, float]:
    """TF-IDF weights (sublinear tf), L2-normalised."""
    weights = _raw_weights(Counter(bigrams(text)))
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {gram: w / norm for gram, w in weights.items()}


def pack(weights: dict[str, float], size: int = VECTOR_SIZE) -> str:
    heaviest = heapq.nsmallest(size, weights.items(), key=lambda item: (-item[1], item[0]))
    return " ".join(f"{gram}:{weight:.4f}" for gram, weight in heaviest)


def unpack(packed: str) -> dict[str, float]:
    # Splitting once and pairing up runs in C; a candidate's vector is read at every intake check.
    items = packed.replace(":", " ").split()
    return dict(zip(items[::2], map(float, items[1::2]), strict=True))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(gram, 0.0) for gram, w in a.items())


def top_terms(weights: dict[str, float], size: int) -> list[tuple[str, float]]:
    """The heaviest distinctive bigrams; ties broken by the bigram so the choice is reproducible."""
    common = _common()
    return heapq.nsmallest(
        size,
        ((gram, w) for gram, w in weights.items() if gram not in common),
        key=lambda item: (-item[1], item[0]),
    )


# Named places and organisations: a few characters of name, then a word saying what kind of place.
# The kinds by family: two different places of one family (two estates, two schools) are
# what tells two look-alike petitions apart.
PLACE_FAMILIES = {
    "estate": "小区 花园 家园 公寓 大厦 广场 名苑 新城 国际 雅苑 华庭 山庄 府 苑 城 湾",
    "village": "村 社区 组",
    "town": "镇 乡 街道",
    "road": "路 街 大道 巷 桥",
    "school": "学校 中学 小学 幼儿园 学院 大学",
    "hospital": "医院 卫生院",
    "company": "公司 集团 厂",
    "project": "项目 工地",
    "market": "市场 酒店 商场 超市",
    "station": "车站 站",
    "office": "局",
    "district": "县 区",
}
FAMILY_OF = {kind: family for family, kinds in PLACE_FAMILIES.items() for kind in kinds.split()}
PLACE_KINDS = list(FAMILY_OF)
_PLACE_KIND = re.compile("|".join(sorted(map(re.escape, PLACE_KINDS), key=len, reverse=True)))
# A place name is taken as the two and the three characters before its kind (丽景小区, 时代星城 and
# 代星城), since nothing marks where a Chinese name begins; two mentions share a place when they share
# a key, so "星沙时代星城" and "时代星城小区" meet on 时代星城.
NAME_LENGTHS = (2, 3)
# Words before a place kind that point at a place rather than name it (我们小区, 该公司, 这个村).
_NOT_A_NAME = set("的了在我你他她们该本此这那个各等和与及是为对从到把被给让有无一两几每某其哪何啥多")
# A number is not a name (14所中学, 1年下区), but a masked code is (A3区, E4区).
_NUMBER_NAME = re.compile(r"\d")
_CODE_NAME = re.compile(r"[a-z]\d")
# A district or county of the masked board data (A3区, K8县) is a place too, but a coarse one.
COARSE_KINDS = {"县", "区", "镇", "乡", "街道", "局", "路", "街", "大道"}


# A "name" as common as this is a word (物业公司, 有限公司, 开发项目), not the name of one place.
GENERIC_NAME_SHARE = 0.01


# Words that describe a kind of place rather than name one, yet are too rare to be caught by frequency.
GENERIC_MODIFIERS = frozenset(
    "普惠 惠性 公办 民办 私立 配套 农贸 附近 周边 所属 下属 各级 全市 全区 全县 当地 某某".split()  # noqa: SIM905
)


def _is_generic(name: str) -> bool:
    frequencies, total = _weights()
    return frequencies.get(name, 0) > GENERIC_NAME_SHARE * total


def places(text: str) -> dict[str, bool]:
    """Place keys found in the text → whether the place is coarse (a district, a road, a bureau)."""
    found: dict[str, bool] = {}
    for run in normalize(text[: TEXT_LIMIT * 2]).split("|"):
        previous_end = 0
        for match in _PLACE_KIND.finditer(run):
            kind = match.group()
            # A name does not reach back into the place before it (A3区丽景小区 names 丽景, not 区丽景).
            before = run[max(previous_end, match.start() - max(NAME_LENGTHS)) : match.start()]
            previous_end = match.end()
            # A pronoun or particle ends the name: 我们小区 names no estate, 在丽景小区 names 丽景.
            for position in range(len(before) - 1, -1, -1):
                if before[position] in _NOT_A_NAME:
                    before = before[position + 1 :]
                    break
            coarse = kind in COARSE_KINDS
            for length in NAME_LENGTHS:
                if len(before) < length:
                    break
                name = before[-length:]
                if _is_a_name(name, coarse) and (name + kind)[-2:] != "政府":
                    found[name + kind] = coarse
    return found


def _is_a_name(name: str, coarse: bool) -> bool:
    if _NUMBER_NAME.search(name) and not _CODE_NAME.fullmatch(name):
        return False
    if any(modifier in name for modifier in GENERIC_MODIFIERS):
        return False
    return coarse or not _is_generic(name[-2:])


def family_of(place: str) -> str:
    match = _KIND_AT_END.search(place)
    return FAMILY_OF[match.group()] if match else ""


_KIND_AT_END = re.compile("(" + "|".join(sorted(map(re.escape, PLACE_KINDS), key=len, reverse=True)) + ")$")
