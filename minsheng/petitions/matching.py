"""Person matching at intake: the keys stored on each petitioner, and the score of a candidate.

Pure functions, no database. The petitioner services store `match_keys()` on every person they
create; the search selector looks up a small candidate set by those indexed keys and ranks it here.

Keys (all derived from the name and address as typed, so they can be recomputed at any time with
`manage.py refresh_petitioner_keys`):

- name_key     the name without spaces and with full-width letters folded (NFKC): exact and prefix
- name_given   the name without its surname: finds a wrong character in the surname
- name_ends    first and last character of names of three or more: a wrong character in the middle
- name_pinyin  toneless pinyin, one syllable per character, space-separated: "li gui lan"
- name_sound   the pinyin with the usual dialect confusions merged (zh/z, ch/c, sh/s, n/l,
               -ang/-an, -eng/-en, -ing/-in): finds same- and near-sounding names (李桂兰 / 李贵兰 /
               倪桂兰, 张伟 / 章伟)
- address_key  the address without spaces or punctuation, full-width folded and Chinese numbers
               written as digits: "云中镇东关村三组 5 号" → "云中镇东关村3组5号"
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from pypinyin import Style, lazy_pinyin
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

NAME_MAX = 50
ADDRESS_MAX = 200
PINYIN_MAX = 300

# Two-character surnames (复姓): the given name starts after them.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 万俟 "  # noqa: SIM905
    "端木 闻人 南宫 西门 百里 呼延 申屠 太史 独孤 单于 公羊 赫连 拓跋 东郭 濮阳 第五".split()
)

# Surnames read differently from the character's everyday reading (曾 zēng, not céng). Only the
# first character of a name is read this way, so the same name always gets the same key.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "盖": "ge",
    "缪": "miao",
    "召": "shao",
    "种": "chong",
    "员": "yun",
    "繁": "po",
    "秘": "bi",
    "句": "gou",
    "长": "chang",
    "重": "chong",
    "折": "she",
    "能": "nai",
    "尉": "wei",
}
COMPOUND_SURNAME_READINGS = {"尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu")}

_SPACES = re.compile(r"[\s\x00-\x1f\x7f]+")
# Spaces, punctuation and symbols are dropped from addresses; letters, digits and Chinese stay.
_ADDRESS_NOISE = re.compile(r"[\s\W_]+")
_NAME_DOTS = str.maketrans({"•": "·", "・": "·", "．": "·", ".": "·", "‧": "·"})
_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+")


def normalize_name(name: str) -> str:
    """The name as compared: NFKC (full-width letters and digits folded), no spaces, lower case."""
    text = unicodedata.normalize("NFKC", (name or "")[: NAME_MAX * 4])
    return _SPACES.sub("", text).translate(_NAME_DOTS).lower()[:NAME_MAX]


def surname_length(name: str) -> int:
    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def surname_of(name: str) -> str:
    return name[: surname_length(name)]


def given_name(name: str) -> str:
    return name[surname_length(name) :] if len(name) >= 2 else ""


def name_ends(name: str) -> str:
    return name[0] + name[-1] if len(name) >= 3 else ""


@lru_cache(maxsize=8192)
def _char_pinyin(char: str) -> str:
    # Letters, digits and signs stand for themselves (errors="default" keeps them).
    return lazy_pinyin(char, style=Style.NORMAL, errors="default")[0].lower()


def pinyin_syllables(name: str) -> list[str]:
    """One toneless syllable per character, read one by one (so a prefix of the name has a prefix of
    the key), with surnames read as surnames."""
    if not name:
        return []
    head = surname_length(name)
    if name[:head] in COMPOUND_SURNAME_READINGS:
        syllables = list(COMPOUND_SURNAME_READINGS[name[:head]])
        rest = name[head:]
    elif name[0] in SURNAME_READINGS and len(name) >= 2:
        syllables = [SURNAME_READINGS[name[0]]]
        rest = name[1:]
    else:
        syllables, rest = [], name
    return syllables + [_char_pinyin(c) for c in rest]


@lru_cache(maxsize=4096)
def sound_of(syllable: str) -> str:
    """A syllable with the confusions of many dialects merged, as fuzzy-pinyin input methods do."""
    initial, final = _INITIAL.match(syllable).groups()
    initial = {"zh": "z", "ch": "c", "sh": "s", "n": "l"}.get(initial or "", initial or "")
    if final in ("ang", "eng", "ing", "iang", "uang"):
        final = final[:-1]
    return initial + final


def sound_syllables(syllables: list[str]) -> list[str]:
    return [sound_of(s) for s in syllables]


def _cn_number(match: re.Match) -> str:
    text = match.group(0)
    if "十" not in text and "百" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)  # 二〇三 → 203
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += current * 100
            current = 0
    return str(total + current)


def normalize_address(address: str) -> str:
    text = unicodedata.normalize("NFKC", (address or "")[: ADDRESS_MAX * 4]).lower()
    text = _ADDRESS_NOISE.sub("", text)
    return _CN_NUMBER.sub(_cn_number, text)[:ADDRESS_MAX]


def match_keys(*, name: str, address: str = "") -> dict[str, str]:
    """The indexed columns of a petitioner, computed from what was typed; stored by the services."""
    key = normalize_name(name)
    syllables = pinyin_syllables(key)
    return {
        "name_key": key,
        "name_given": given_name(key),
        "name_ends": name_ends(key),
        "name_pinyin": " ".join(syllables)[:PINYIN_MAX],
        "name_sound": " ".join(sound_syllables(syllables))[:PINYIN_MAX],
        "address_key": normalize_address(address),
    }


MATCH_KEY_FIELDS = tuple(match_keys(name="").keys())


# --- Scoring ---------------------------------------------------------------------------------------

REASON_LABELS = {
    "id_number": _("身份证号一致"),
    "phone": _("电话一致"),
    "name_same": _("姓名一致"),
    "name_homophone": _("姓名同音"),
    "name_sound": _("姓名音近"),
    "name_prefix": _("姓名开头一致"),
    "name_similar": _("姓名相近"),
    "address_same": _("住址一致"),
    "address_similar": _("住址相近"),
}

# Name tiers, on a 0–1 scale. A prefix ranks below a complete same-sounding name: while the
# registrar is still typing, everyone whose name starts so is as likely as everyone else.
NAME_SAME, NAME_HOMOPHONE, NAME_SOUND, NAME_PREFIX = 1.0, 0.9, 0.8, 0.75
SAME_SURNAME_BONUS = 0.03
NAME_SIMILAR_MIN = 0.6  # one wrong character in a three-character name is 0.67
NAME_WITH_ADDRESS_MIN = 0.5  # … in a two-character name, offered only with a close address
ADDRESS_SAME, ADDRESS_SIMILAR = 0.95, 0.6
ADDRESS_CLOSE, ADDRESS_DIFFERENT = 0.8, 0.5
# A name scores up to 70 and a close address adds up to 25, so a name match peaks at 95; an exact
# phone match starts at 96 and an exact ID number is 100: whole numbers always rank first.
NAME_WEIGHT, ADDRESS_WEIGHT, ADDRESS_MISMATCH = 70, 25, 5
ID_SCORE, PHONE_SCORE = 100, 96


@dataclass(frozen=True)
class Typed:
    """What the registrar has typed in one petitioner row, normalised once per search."""

    name: str = ""
    address: str = ""
    pinyin: tuple[str, ...] = ()
    sound: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, name: str = "", address: str = "") -> "Typed":
        key = normalize_name(name)
        syllables = pinyin_syllables(key)
        return cls(
            name=key,
            address=normalize_address(address),
            pinyin=tuple(syllables),
            sound=tuple(sound_syllables(syllables)),
        )


@dataclass(frozen=True)
class Candidate:
    """The stored keys of one person, and whether the typed ID or phone number hashed to theirs."""

    name_key: str
    name_pinyin: str
    name_sound: str
    address_key: str = ""
    id_number_matches: bool = False
    phone_matches: bool = False
    # A complete, valid ID number was typed, and the person has a different one.
    has_other_id_number: bool = False


@dataclass(frozen=True)
class Match:
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def labels(self) -> list[str]:
        return [str(REASON_LABELS[r]) for r in self.reasons]


def name_similarity(typed: Typed, candidate: Candidate) -> tuple[float, str | None]:
    """How close the names are (0–1) and the reason to show, or (0, None)."""
    if not typed.name or not candidate.name_key:
        return 0.0, None
    if typed.name == candidate.name_key:
        return NAME_SAME, "name_same"
    if " ".join(typed.pinyin) == candidate.name_pinyin:
        return NAME_HOMOPHONE, "name_homophone"
    cand_sound = candidate.name_sound.split()
    if list(typed.sound) == cand_sound:
        return NAME_SOUND, "name_sound"
    # One wrong character, possibly together with a same-sounding one: compare characters, and
    # syllables by sound, each as a sequence (a wrong character costs one edit either way).
    by_char = Levenshtein.normalized_similarity(typed.name, candidate.name_key)
    by_sound = Levenshtein.normalized_similarity(list(typed.sound), cand_sound) * 0.95
    similar = max(by_char, by_sound)
    if similar < 1 and surname_of(typed.name) == surname_of(candidate.name_key):
        # A wrong character is likelier in the given name than in a common surname: 陈艳伟 is closer
        # to 陈艳燕 than to 任艳伟.
        similar = min(similar + SAME_SURNAME_BONUS, NAME_SOUND - 0.01)
    if candidate.name_key.startswith(typed.name) or (
        len(typed.sound) >= 2 and cand_sound[: len(typed.sound)] == list(typed.sound)
    ):
        return max(NAME_PREFIX, similar), "name_prefix"
    return similar, ("name_similar" if similar >= NAME_WITH_ADDRESS_MIN else None)


def address_similarity(typed: Typed, candidate: Candidate) -> float | None:
    """0–1, or None when either side has no address. One address inside the other (the same village
    with or without its township) counts as close, not as the same."""
    a, b = typed.address, candidate.address_key
    if not a or not b:
        return None
    if a == b:
        return 1.0
    whole = fuzz.ratio(a, b) / 100
    shorter = min(len(a), len(b))
    inside = fuzz.partial_ratio(a, b) / 100 * 0.9 if shorter >= 3 else 0.0
    return max(whole, inside)


def score(typed: Typed, candidate: Candidate) -> Match | None:
    """The candidate's score (0–100) and reasons, best first; None when they should not be offered."""
    name_sim, name_reason = name_similarity(typed, candidate)
    addr_sim = address_similarity(typed, candidate)
    reasons: list[str] = []
    if candidate.id_number_matches:
        reasons.append("id_number")
    if candidate.phone_matches:
        reasons.append("phone")
    if name_reason and name_sim >= NAME_WITH_ADDRESS_MIN:
        reasons.append(name_reason)
    if addr_sim is not None and addr_sim >= ADDRESS_SIMILAR:
        reasons.append("address_same" if addr_sim >= ADDRESS_SAME else "address_similar")

    if candidate.id_number_matches:
        return Match(ID_SCORE, tuple(reasons))
    if candidate.has_other_id_number:
        return None  # an ID number is the identity: another one is another person, whatever else agrees
    if candidate.phone_matches:
        # A phone may be shared in a family: the name says how sure the match is.
        return Match(min(ID_SCORE - 1, round(PHONE_SCORE + 3 * name_sim)), tuple(reasons))
    if name_sim < NAME_SIMILAR_MIN and not (
        # One wrong character in a two-character name (张伟 / 张传) is half the name: offered only
        # with a close address. The surname alone, or an address alone, is not the same person.
        addr_sim is not None
        and addr_sim >= ADDRESS_CLOSE
        and name_sim >= NAME_WITH_ADDRESS_MIN
        and one_character_apart(typed, candidate)
    ):
        return None
    total = NAME_WEIGHT * name_sim
    if addr_sim is not None:
        if addr_sim >= ADDRESS_SIMILAR:
            total += ADDRESS_WEIGHT * addr_sim
        elif addr_sim < ADDRESS_DIFFERENT:
            # Weak evidence only: people move, and give their registered or their current address.
            total -= ADDRESS_MISMATCH
    return Match(max(1, round(total)), tuple(reasons))


def one_character_apart(typed: Typed, candidate: Candidate) -> bool:
    return (
        Levenshtein.distance(typed.name, candidate.name_key) <= 1
        or Levenshtein.distance(list(typed.sound), candidate.name_sound.split()) <= 1
    )
