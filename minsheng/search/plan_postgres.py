"""How PostgreSQL finds a page of search results (see selectors.py for the whole picture).

A GIN index gives the matches of a word as an unordered set, at a cost that grows with the set: for a
word in a quarter of a million matters, collecting them takes longer than the whole page should. And
an adjacent phrase (拆迁补偿) needs each candidate's tsvector, since GIN keeps no positions. So:

- Not common (at most MID_MATCHES matters hold every token): their ids come from the index; the
  database keeps those in the scope and filters, in list order, by primary key; phrases are then
  checked in that order, only as far as the page (and the count) need.
- Common: the filtered matters are read in list order and each one's tsvector checked, a batch at a
  time; a word in one matter of four needs about 80 of them read for a page of 20.

Which one is known for free for words the planner's statistics list as common (the column's most
common lexemes, refreshed by ANALYZE); for the others the index counts their matches, which for a
word that is not common is cheap.
"""

import math
import time

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters

from . import fts_postgres
from .tokens import Term

MID_MATCHES = 8000
# Above this share of all matters, reading matters in list order reaches COUNT_CAP results sooner
# than the index can hand over the matches.
WALK_COUNT_SHARE = 0.15
# Batches stay small enough for the planner to keep walking the list's index rather than sorting.
WALK_MIN_BATCH = 100
WALK_MAX_BATCH = 2000
CHECK_BATCH = 200
STATISTICS_SECONDS = 600

_statistics: dict = {"read_at": -math.inf, "shares": {}, "rows": 0}


class PostgresPlan:
    def __init__(self, *, base: QuerySet[Matter], terms: tuple[Term, ...], filters: MatterFilters, limits):
        self.base, self.terms, self.limits = base, terms, limits
        # Single words and prefixes are exact in GIN; only phrases need their positions checked.
        self.adjacency = any(len(term.tokens) > 1 for term in terms)
        self.share = query_share(terms)
        self.candidates: list[int] | None = None
        if self.share is None:
            matches = fts_postgres.count(terms, cap=MID_MATCHES + 1)
            if matches <= MID_MATCHES:
                self.candidates = _ids(fts_postgres.expression(terms, phrases=False), MID_MATCHES + 1)
            else:
                self.share = matches / max(_statistics["rows"], matches)
        self._found: list[int] = []
        self._exhausted = False
        self._passing_ids: list[int] | None = None
        self._read_up_to = 0  # candidates checked, or matters read, so far

    @property
    def few(self) -> bool:
        """Whether the count is exact and every result listed, however many (see selectors)."""
        return self.candidates is not None and len(self.candidates) <= self.limits.small

    def count(self) -> tuple[int, bool]:
        cap = self.limits.count_cap
        if self.candidates is not None:
            if self.few:
                return len(self._matches(len(self._passing))), True
            found = len(self._matches(cap + 1))
        elif self.share >= WALK_COUNT_SHARE:
            found = len(self._matches(cap + 1))
        else:
            sql, params = fts_postgres.matching_ids_sql(self.terms)
            found = self.base.filter(pk__in=RawSQL(sql, params)).order_by()[: cap + 1].count()
        return min(found, cap), found <= cap

    def page_ids(self, offset: int, limit: int) -> list[int]:
        return self._matches(offset + limit)[offset:]

    def _matches(self, wanted: int) -> list[int]:
        """The first `wanted` matches in list order."""
        if len(self._found) < wanted and not self._exhausted:
            if self.candidates is not None:
                self._check_candidates(wanted)
            else:
                self._walk(wanted)
        return self._found[:wanted]

    # --- not common: the index's ids, kept and ordered by the database ---------------------------

    @property
    def _passing(self) -> list[int]:
        if self._passing_ids is None:
            listed = RawSQL(f"{Matter._meta.db_table}.id = ANY(%s)", [self.candidates], BooleanField())
            self._passing_ids = list(self.base.filter(listed).values_list("pk", flat=True))
        return self._passing_ids

    def _check_candidates(self, wanted: int) -> None:
        passing = self._passing
        if not self.adjacency:
            self._found, self._exhausted = passing, True
            return
        at = self._read_up_to
        while len(self._found) < wanted and at < len(passing):
            batch = passing[at : at + max(CHECK_BATCH, wanted - len(self._found))]
            kept = self._verify(batch)
            self._found.extend(pk for pk in batch if pk in kept)
            at += len(batch)
        self._read_up_to = at
        self._exhausted = at >= len(passing)

    # --- common: the filtered matters in list order, each checked ------------------------------

    def _walk(self, wanted: int) -> None:
        ordered = self.base.values_list("pk", flat=True)
        start = self._read_up_to
        while len(self._found) < wanted:
            # As many as should hold the matches still wanted, given how common the words are.
            expected = math.ceil((wanted - len(self._found)) / max(self.share, 0.001) * 1.3)
            batch = min(max(expected, WALK_MIN_BATCH), WALK_MAX_BATCH)
            read = list(ordered[start : start + batch])
            kept = self._verify(read) if read else set()
            self._found.extend(pk for pk in read if pk in kept)
            start += len(read)
            if len(read) < batch:
                self._exhausted = True
                break
        self._read_up_to = start

    def _verify(self, ids: list[int]) -> set[int]:
        """Which of these matters contain the words as typed (adjacent where a word has several
        tokens). `IS TRUE` keeps the planner to the primary key instead of a GIN scan."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT matter_id FROM {fts_postgres.TABLE} WHERE matter_id = ANY(%s)"
                " AND (document @@ %s::tsquery) IS TRUE",
                [ids, fts_postgres.expression(self.terms)],
            )
            return {row[0] for row in cursor.fetchall()}


def _ids(tsquery: str, limit: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT matter_id FROM {fts_postgres.TABLE} WHERE document @@ %s::tsquery LIMIT %s",
            [tsquery, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def query_share(terms: tuple[Term, ...]) -> float | None:
    """At most what share of matters hold every word, if the statistics list each word as common;
    None when some word is below the list (then the index itself is asked, which is cheap)."""
    statistics = _read_statistics()
    shares = []
    for term in terms:
        known = []
        for index, token in enumerate(term.tokens):
            if term.prefix and index == len(term.tokens) - 1:
                share = sum(s for lexeme, s in statistics["shares"].items() if lexeme.startswith(token))
                known.append(min(share, 1.0) if share else None)
            else:
                known.append(statistics["shares"].get(token))
        listed = [share for share in known if share is not None]
        if len(listed) < len(known):
            return None
        shares.append(min(listed))
    return min(shares) if shares else None


def _read_statistics() -> dict:
    if time.monotonic() - _statistics["read_at"] < STATISTICS_SECONDS:
        return _statistics
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'document'",
            [fts_postgres.TABLE],
        )
        row = cursor.fetchone()
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [fts_postgres.TABLE])
        rows = cursor.fetchone()
    # The frequencies end with the minimum, the maximum and the share of empty values: zip stops at
    # the last lexeme.
    shares = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _statistics.update(read_at=time.monotonic(), shares=shares, rows=max(0, int(rows[0] if rows else 0)))
    return _statistics
