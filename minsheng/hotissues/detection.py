"""Finding groups of matters about one problem among the matters of a period.

1. Candidate pairs come from the similarity index: the postings (MatterTerm) of the period's matters
   joined on shared terms in SQL, summing weight products — a dot product over each matter's 16
   heaviest bigrams. Cost follows the posting lists, not the square of the number of matters.
2. Each candidate pair is scored on the stored vectors (top-64 TF-IDF entries) and places
   (MatterSignature), and linked when the texts are close on their own, or close enough and about
   the same named place — but never when both name places of the same kind and share none (the same
   complaint about two estates is two problems).
3. Linked matters are grouped (union-find); then, so that A~B~C~D does not put A and D together,
   each group keeps only the members close to its centroid and linked to enough of the others, and
   is split again along its remaining links, until nothing changes.

The thresholds were tuned on the real messages in ../shared/data (see bench/hot_issues.py).
"""

import heapq
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.db import connection

from minsheng.similarity import text
from minsheng.similarity.index import quantize
from minsheng.similarity.models import MatterTerm

# A pair is rescored when its matters' indexed bigrams overlap this much (dot product, 0–1).
CANDIDATE_OVERLAP = 0.05
# Similarity of two matters: cosine of the whole texts, and of the titles (the matter in one line).
TITLE_SHARE = 0.35
# Link: similar on its own, or less similar but with an anchor in common — a precise place, or a rare
# phrase of the titles (58车贷, 丽发新城): the name of the building, project, company or policy.
TEXT_LINK = 0.4
ANCHOR_LINK = 0.12
# A bigram of a title is rare when its IDF is at least this (in about 1% of messages or fewer).
RARE_IDF = 5.5
# Place kinds too vague to anchor or separate anything (政府, 某组, 某站, 某局 are mostly not names).
VAGUE_KINDS = {"府", "组", "站", "局"}
# A member must be this close to its group's centroid …
CENTROID_MIN = 0.3
# … and two parts of a group must have this share of the links possible between them.
LINK_DENSITY = 0.35
MIN_SIZE = 3
# Families of place (similarity.text.PLACE_FAMILIES) where people live: where a problem is, as
# opposed to whom it is about.
HOME_FAMILIES = {"estate", "village"}


class Matter:
    """What grouping needs of a matter, read from its similarity signature.

    Vectors and anchors are worked out when first needed: most matters of a period meet no
    candidate pair, and need none of them."""

    def __init__(self, pk: int, title: str, packed_vector: str, places: str):
        self.pk = pk
        self.title = title
        self.packed_vector = packed_vector
        self.places = {p for p in places.split() if kind(p) not in VAGUE_KINDS}

    @cached_property
    def vector(self) -> dict[str, float]:
        return text.unpack(self.packed_vector)

    @cached_property
    def title_vector(self) -> dict[str, float]:
        return text.vector(self.title)

    @cached_property
    def anchors(self) -> set[str]:
        return precise(self.places) | rare_phrases(self.title)


def matter_of(pk: int, title: str, packed_vector: str, places: str) -> Matter:
    return Matter(pk, title, packed_vector, places)


def rare_phrases(title: str) -> set[str]:
    """Three-character runs of a title made of two rare bigrams: names more than words.

    Districts, towns and roads are left out: a town is where many different problems happen."""
    normalized = text.normalize(title)
    for place, coarse in text.places(title).items():
        if coarse:
            normalized = normalized.replace(place, "|")
    grams = text.bigrams(normalized)
    # Consecutive bigrams overlap by a character, unless a separator fell between them.
    return {a + b[1] for a, b in itertools.pairwise(grams) if a[1] == b[0] and _rare(a) and _rare(b)}


@cache
def _rare(gram: str) -> bool:
    return not gram.isdigit() and text.idf(gram) >= RARE_IDF


@dataclass
class Group:
    members: list[int]
    centroid: dict[str, float]
    centrality: dict[int, float]
    places: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    @property
    def cohesion(self) -> float:
        return sum(self.centrality.values()) / len(self.centrality)

    @property
    def central_member(self) -> int:
        return max(self.members, key=lambda pk: (self.centrality[pk], -pk))


def candidate_pairs(matter_ids_sql: str, params: list, *, overlap: float = CANDIDATE_OVERLAP) -> list:
    """(a, b) with a < b, for matters of the subquery whose indexed bigrams overlap enough."""
    table = MatterTerm._meta.db_table
    floor = quantize(math.sqrt(overlap)) ** 2
    # MATERIALIZED: the period's postings are read once, then joined with themselves. The weights are
    # small integers, and PostgreSQL would multiply them as such and overflow.
    sql = (
        f"WITH p AS MATERIALIZED (SELECT t.term, t.matter_id, t.weight FROM {table} t "
        f"WHERE t.matter_id IN ({matter_ids_sql})) "
        "SELECT a.matter_id, b.matter_id FROM p a JOIN p b ON b.term = a.term AND b.matter_id > a.matter_id "
        "GROUP BY a.matter_id, b.matter_id HAVING SUM(CAST(a.weight AS INTEGER) * b.weight) >= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, floor])
        return cursor.fetchall()


def similarity(a: Matter, b: Matter) -> float:
    return (1 - TITLE_SHARE) * text.cosine(a.vector, b.vector) + TITLE_SHARE * text.cosine(
        a.title_vector, b.title_vector
    )


def linked(a: Matter, b: Matter) -> bool:
    if places_conflict(a.places, b.places):
        return False
    value = similarity(a, b)
    return value >= TEXT_LINK or (value >= ANCHOR_LINK and bool(a.anchors & b.anchors))


def precise(places: set[str]) -> set[str]:
    return {p for p in places if kind(p) not in text.COARSE_KINDS}


def kind(place: str) -> str:
    """The word a place key ends with (丽景小区 → 小区); see similarity.text.places."""
    match = _KIND_AT_END.search(place)
    return match.group() if match else ""


_KIND_AT_END = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, text.PLACE_KINDS), key=len, reverse=True)) + ")$"
)


def places_conflict(a: set[str], b: set[str]) -> bool:
    """Two matters are about different places when, sharing no residential place, they name
    different ones of one kind (two estates, two villages) or different districts; or, sharing no
    place at all, different organisations of one kind (two companies, two schools).

    Residential places come first because they say where the problem is: two estates complaining of
    the same heating company are two problems, one at each estate."""
    homes_a, homes_b = _homes(a), _homes(b)
    if homes_a & homes_b:
        return False
    if _differ(homes_a, homes_b):
        return True
    regions_a, regions_b = _regions(a), _regions(b)
    if regions_a and regions_b and not regions_a & regions_b:
        return True
    if precise(a) & precise(b):
        return False
    return _differ(precise(a) - homes_a, precise(b) - homes_b)


def _differ(a: set[str], b: set[str]) -> bool:
    """Both name places of a family (two estates, two schools), and not the same one."""
    for family in {text.family_of(p) for p in a} & {text.family_of(p) for p in b}:
        if not {p for p in a if text.family_of(p) == family} & {p for p in b if text.family_of(p) == family}:
            return True
    return False


def _homes(places: set[str]) -> set[str]:
    return {p for p in places if text.family_of(p) in HOME_FAMILIES}


def _regions(places: set[str]) -> set[str]:
    return {p for p in places if text.family_of(p) == "district"}


def group(matters: dict[int, Matter], pairs) -> list[Group]:
    """Groups of at least MIN_SIZE matters, largest first."""
    links: dict[int, set[int]] = {}
    for a, b in pairs:
        if a in matters and b in matters and linked(matters[a], matters[b]):
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    groups: list[Group] = []
    pending = [c for c in components(set(links), links) if len(c) >= MIN_SIZE]
    while pending:
        for members in dense_parts(pending.pop(), links):
            if len(members) < MIN_SIZE:
                continue
            centroid = mean_vector([matters[pk].vector for pk in members])
            title_centroid = mean_vector([matters[pk].title_vector for pk in members])
            centrality = {
                pk: (1 - TITLE_SHARE) * text.cosine(matters[pk].vector, centroid)
                + TITLE_SHARE * text.cosine(matters[pk].title_vector, title_centroid)
                for pk in members
            }
            keep = {pk for pk in members if centrality[pk] >= CENTROID_MIN}
            if keep == members:
                groups.append(describe(matters, sorted(members), centroid, centrality))
            else:
                # What was dropped may have held the rest together: split along the links left.
                pending.extend(c for c in components(keep, links) if len(c) >= MIN_SIZE)
    groups.sort(key=lambda g: (-len(g.members), g.members[0]))
    return groups


def dense_parts(
    members: set[int], links: dict[int, set[int]], density: float | None = None
) -> list[set[int]]:
    """Average-linkage clustering on the links: two parts merge, densest pair first, while at least
    `density` of the possible links between them exist. Two tight groups joined through one or two
    matters that mention both stay two groups. Runs in about links × log(links)."""
    density = LINK_DENSITY if density is None else density
    parts: dict[int, set[int]] = {pk: {pk} for pk in members}
    between: dict[int, Counter] = {
        pk: Counter({q: 1 for q in links.get(pk, ()) if q in members}) for pk in members
    }
    heap = [(-1.0, a, b) for a in members for b in between[a] if a < b]
    heapq.heapify(heap)
    next_id = max(members) + 1
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < density:
            break
        if a not in parts or b not in parts:
            continue  # one side was merged since: its pairs were pushed again under the new id
        merged, next_id = next_id, next_id + 1
        parts[merged] = parts.pop(a) | parts.pop(b)
        counts = between.pop(a) + between.pop(b)
        del counts[a], counts[b]
        between[merged] = counts
        for other, n in counts.items():
            row = between[other]
            row.pop(a, None)
            row.pop(b, None)
            row[merged] = n
            heapq.heappush(heap, (-n / (len(parts[merged]) * len(parts[other])), merged, other))
    return list(parts.values())


def components(nodes: set[int], links: dict[int, set[int]]) -> list[set[int]]:
    parent = {pk: pk for pk in nodes}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for pk in nodes:
        for other in links.get(pk, ()):
            if other in parent:
                a, b = root(pk), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    found: dict[int, set[int]] = {}
    for pk in nodes:
        found.setdefault(root(pk), set()).add(pk)
    return list(found.values())


def mean_vector(vectors: list[dict[str, float]]) -> dict[str, float]:
    total: Counter = Counter()
    for vector in vectors:
        total.update(vector)
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {gram: w / norm for gram, w in total.items()}


def describe(matters: dict[int, Matter], members: list[int], centroid, centrality) -> Group:
    """The places and phrases at least half of the members name in their titles.

    Titles, not whole texts: a title names the problem, while a text also names everything around it
    (where the writer lives, which bureau did not answer)."""
    # Distinct titles: the same message posted five times must not make its whole title a "name".
    titles = sorted({text.normalize(matters[pk].title) for pk in members})
    places: Counter = Counter()
    phrases: Counter = Counter()
    for pk in members:
        places.update(p for p in text.places(matters[pk].title) if kind(p) not in VAGUE_KINDS)
        phrases.update(rare_phrases(matters[pk].title))
    half = max(2, len(members) / 2)
    shared = sorted(
        (p for p, n in places.items() if n >= half),
        key=lambda p: (kind(p) in text.COARSE_KINDS, -places[p], p),
    )
    enough = max(1.0, len(titles) / 2)
    shared = _distinct([widen(p, titles, enough, both_ways=False) for p in shared])
    names = chain(sorted((p for p, n in phrases.items() if n >= half), key=lambda p: (-phrases[p], p)))
    names = _distinct([widen(p, titles, enough) for p in names])
    terms = [t for t in names if not any(t in p or p in t for p in shared)]
    if not terms and not shared:
        terms = [t for t in chain([gram for gram, _ in text.top_terms(centroid, 8)]) if len(t) > 2]
    return Group(
        members=members,
        centroid=centroid,
        centrality=centrality,
        places=shared[:3],
        terms=terms[:3],
    )


# Characters a name does not grow across: function words, and the ends of larger areas (A市|丽景小区).
_NAME_STOPS = set(
    "的了在我你他她们该本此这那个各等和与及是为对从到把被给让有无一两几每某其哪市省县区镇乡路街道"
)
_STOP_CHARS = "".join(sorted(_NAME_STOPS))
NAME_MAX = 10


def widen(phrase: str, titles: list[str], enough: float, *, both_ways: bool = True) -> str:
    """The phrase grown a character at a time while enough titles still hold it.

    Place keys keep two characters of a name (力之城); the titles hold the whole of it (魅力之城)."""
    if both_ways:
        phrase = phrase.strip(_STOP_CHARS) or phrase
    for step in (-1, 1) if both_ways else (-1,):
        while len(phrase) < NAME_MAX:
            grown: Counter = Counter()
            for title in titles:
                at = title.find(phrase)
                edge = at - 1 if step < 0 else at + len(phrase)
                if at != -1 and 0 <= edge < len(title):
                    grown[title[edge]] += 1
            if not grown:
                break
            char, count = grown.most_common(1)[0]
            if count < enough or char in _NAME_STOPS or char == "|":
                break
            phrase = char + phrase if step < 0 else phrase + char
    return phrase


def _distinct(phrases: list[str]) -> list[str]:
    out: list[str] = []
    for phrase in phrases:
        if not any(phrase in kept for kept in out):
            out = [kept for kept in out if kept not in phrase] + [phrase]
    return out


def chain(grams: list[str]) -> list[str]:
    """Overlapping n-grams joined into phrases (丽景 景小 小区 → 丽景小区), in the order given."""
    by_prefix = {gram[:-1]: gram for gram in reversed(grams)}
    suffixes = {gram[1:] for gram in grams}
    out: list[str] = []
    used: set[str] = set()
    for gram in grams:
        if gram in used or (
            gram[:-1] in suffixes and any(g[1:] == gram[:-1] and g not in used and g != gram for g in grams)
        ):
            continue
        phrase, current = gram, gram
        used.add(gram)
        while (following := by_prefix.get(current[1:])) is not None and following not in used:
            used.add(following)
            phrase += following[-1]
            current = following
        out.append(phrase)
    return out
