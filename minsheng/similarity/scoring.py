"""How likely an existing matter is the one a new submission is about, and why. Pure functions.

The text alone confuses look-alikes: two estates complaining about the same property company, one
estate with two different problems. A registrar also knows who is petitioning, where, about which unit
and when, so those count too:

- text       TF-IDF cosine of the whole texts, and of the titles (a title is the matter in one line)
- person     the same petitioner raised it before: by far the strongest sign of the same matter
- place      two texts that each name places of one kind (two estates) but share none are about
             different places, hence different matters; a place in common is shown as a reason
- unit       the same unit complained about
- time       a matter raised again usually comes back within months
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import text

# Set by judgement and checked on the labelled evaluation (bench/match_eval.py), not fitted to it. A
# shared place is already in the text's bigrams, and adding to it ranked same-place-different-matter
# pairs higher on real messages, so it is shown as a reason but adds nothing; two different places of
# one kind still count against.
PERSON_BONUS = 0.15
PLACE_BONUS = 0.0
COARSE_PLACE_BONUS = 0.0
PLACE_CONFLICT_PENALTY = 0.08
UNIT_BONUS = 0.05
RECENT_DAYS = 180
RECENT_BONUS = 0.06
TITLE_SHARE = 0.3


@dataclass
class Evidence:
    text_similarity: float
    title_similarity: float
    same_petitioner: bool = False
    query_places: dict[str, bool] = field(default_factory=dict)
    candidate_places: set[str] = field(default_factory=set)
    same_unit: bool = False
    days_apart: int | None = None


@dataclass
class Score:
    value: float
    shared_places: list[str]
    # What the reasons say, untranslated: (message id, place names or percent). Translated only for the
    # few candidates shown, since a check scores dozens.
    reason_parts: list[tuple[str, object]] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        return [_reason_text(kind, value) for kind, value in self.reason_parts]


def _reason_text(kind: str, value) -> str:
    if kind == "person":
        return _("同一信访人")
    if kind == "place":
        return _("同一地点：%(places)s") % {"places": value}
    if kind == "area":
        return _("同一区域：%(places)s") % {"places": value}
    if kind == "conflict":
        return _("地点不同")
    if kind == "unit":
        return _("同一被反映单位")
    return _("内容相似（%(percent)d%%）") % {"percent": value}


def score(evidence: Evidence) -> Score:
    text = (1 - TITLE_SHARE) * evidence.text_similarity + TITLE_SHARE * evidence.title_similarity
    value = text
    parts: list[tuple[str, object]] = []
    if evidence.same_petitioner:
        value += PERSON_BONUS * min(1.0, 2 * text + 0.3)
        parts.append(("person", None))
    shared = sorted(set(evidence.query_places) & evidence.candidate_places)
    precise_shared = [p for p in shared if not evidence.query_places[p]]
    if precise_shared:
        value += PLACE_BONUS
        parts.append(("place", "、".join(precise_shared[:3])))
    elif shared:
        value += COARSE_PLACE_BONUS
        parts.append(("area", "、".join(shared[:3])))
    if _different_places(evidence.query_places, evidence.candidate_places):
        value -= PLACE_CONFLICT_PENALTY
        parts.append(("conflict", None))
    if evidence.same_unit:
        value += UNIT_BONUS
        parts.append(("unit", None))
    if evidence.days_apart is not None and evidence.days_apart <= RECENT_DAYS:
        value += RECENT_BONUS * (1 - evidence.days_apart / RECENT_DAYS)
    if text >= 0.15:
        parts.append(("text", round(text * 100)))
    return Score(value=max(0.0, min(1.0, value)), shared_places=shared, reason_parts=parts)


def _different_places(query: dict[str, bool], candidate: set[str]) -> bool:
    """Both name a precise place of the same kind (two estates, two villages) and none in common."""
    precise_query = {p for p, coarse in query.items() if not coarse}
    if not precise_query or precise_query & candidate:
        return False
    query_kinds = {_kind(p) for p in precise_query}
    return any(_kind(p) in query_kinds for p in candidate if p not in query or not query[p])


def _kind(place: str) -> str:
    return text.family_of(place)


def days_between(a: dt.datetime | None, b: dt.datetime | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)
