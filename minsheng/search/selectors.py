"""Full-text search over the matters a user may see, with the list's filters, fast at a million matters.

`matter_search(user=, filters=, limit=, offset=)` answers one page; `matter_results(user=, filters=)`
wraps it as a lazy sequence for Django's Paginator and django-ninja's pagination.

How a page is found depends on how many matters the words match:

- Few (at most SMALL_MATCHES): the database takes them all, applies the filters and the user's scope,
  sorts and counts exactly. Cheap, because there are few.
- Many, on SQLite, in order of receipt (the list's default): the index hands out the matches newest
  first (see fts_sqlite), and they are checked against the filters and the scope a batch at a time
  until the page and COUNT_CAP results are found. A common word costs a batch or two, however many
  matters it is in.
- Many, otherwise: the matters are read in the list's order and each one's index entry is checked;
  the count stops at COUNT_CAP.

Past COUNT_CAP the total is shown as "more than 1,000" and only the first 1,000 results are listed:
no one reads further, and counting every match of a common word among a million matters is what makes
search slow.
"""

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cached_property

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from minsheng.accounts.models import User
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MATTER_SORTS, MatterFilters, _local_midnight, matter_list

from . import fts_postgres, fts_sqlite
from .highlight import compile_terms, matters_highlighted
from .tokens import QUERY_MAX_CHARS, QUERY_MAX_WORDS, ParsedQuery, parse_query

SMALL_MATCHES = 5000
COUNT_CAP = 1000
WALK_FIRST_BATCH = 500
WALK_MAX_BATCH = 5000
NEWEST_FIRST = {"-received_at": True, "received_at": False}


@dataclass
class SearchResult:
    """One page of matters, the total, and what the typed text was understood as."""

    matters: list[Matter]
    total: int
    # False when there are more than `total` (= COUNT_CAP) results and only those are listed.
    total_exact: bool
    query: ParsedQuery

    def __iter__(self):
        return iter(self.matters)

    def __len__(self):
        return len(self.matters)

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """What highlight.py marks in the rows shown."""
        return compile_terms(self.query.terms)

    @property
    def notices(self) -> list[str]:
        return query_notices(self.query)


def query_notices(query: ParsedQuery) -> list[str]:
    """What the user should know about how the typed text was read."""
    notices = []
    if query.truncated:
        notices.append(
            _("检索词过长，只按前 %(chars)d 个字、前 %(words)d 个词检索")
            % {"chars": QUERY_MAX_CHARS, "words": QUERY_MAX_WORDS}
        )
    if query.ignored:
        notices.append(_("以下内容不含可检索的文字，已忽略：%(words)s") % {"words": " ".join(query.ignored)})
    return notices


def matter_search(*, user: User, filters: MatterFilters, limit: int = 20, offset: int = 0) -> SearchResult:
    """The page of matters from `offset` that match `filters.text` and every other filter, within
    what the user may see, in the order `filters.sort` asks for."""
    search = _Search(user=user, filters=filters)
    total, exact = search.count()
    return SearchResult(
        matters=search.page(offset=offset, limit=limit),
        total=total,
        total_exact=exact,
        query=search.query,
    )


class MatterResults:
    """A lazy sequence for paginators: `count()` first, then one slice, each computed once."""

    def __init__(self, *, user: User, filters: MatterFilters):
        self._search = _Search(user=user, filters=filters)
        self.query = self._search.query

    @cached_property
    def _count(self) -> tuple[int, bool]:
        return self._search.count()

    def count(self) -> int:
        return self._count[0]

    @property
    def total_exact(self) -> bool:
        return self._count[1]

    @cached_property
    def pattern(self) -> re.Pattern | None:
        return compile_terms(self.query.terms)

    @property
    def notices(self) -> list[str]:
        return query_notices(self.query)

    def all(self):  # django-ninja counts through .all().count()
        return self

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        """The matters of a slice, each with a `highlight` of the searched words (see highlight.py)."""
        if isinstance(index, slice):
            start = index.start or 0
            stop = self.count() if index.stop is None else min(index.stop, self.count())
            rows = self._search.page(offset=start, limit=max(0, stop - start))
            return matters_highlighted(rows, self.pattern)
        return self[index : index + 1][0]


def matter_results(*, user: User, filters: MatterFilters) -> MatterResults:
    return MatterResults(user=user, filters=filters)


class _Search:
    def __init__(self, *, user: User, filters: MatterFilters):
        self.query = parse_query(filters.text)
        if filters.sort not in MATTER_SORTS:
            filters = replace(filters, sort="-received_at")
        self.filters = filters
        # Everything but the text: the user's scope, the other filters, the order.
        self.base: QuerySet[Matter] = matter_list(user=user, filters=replace(filters, text=""))
        self.postgres = connection.vendor == "postgresql"

    # --- planning ------------------------------------------------------------------------------

    @cached_property
    def few_matches(self) -> bool:
        store = fts_postgres if self.postgres else fts_sqlite
        return store.count(self.query.terms, cap=SMALL_MATCHES + 1) <= SMALL_MATCHES

    @cached_property
    def walks_index(self) -> bool:
        return not self.postgres and not self.few_matches and self.filters.sort in NEWEST_FIRST

    def _matching(self) -> QuerySet[Matter]:
        """The filtered matters whose ids the index returns (for few matches)."""
        store = fts_postgres if self.postgres else fts_sqlite
        sql, params = store.matching_ids_sql(self.query.terms)
        return self.base.filter(pk__in=RawSQL(sql, params))

    def _checked(self) -> QuerySet[Matter]:
        """The filtered matters, each checked against its own index entry (for many matches)."""
        if self.postgres:
            check = (
                f"(SELECT document FROM {fts_postgres.TABLE} WHERE matter_id = {Matter._meta.db_table}.id)"
                " @@ %s::tsquery"
            )
            params = [fts_postgres.expression(self.query.terms)]
        else:
            check = (
                f"EXISTS (SELECT 1 FROM {fts_sqlite.TABLE} WHERE {fts_sqlite.TABLE} MATCH %s"
                f" AND rowid = {fts_sqlite.key_sql(Matter._meta.db_table)})"
            )
            params = [fts_sqlite.expression(self.query.terms)]
        return self.base.filter(RawSQL(check, params, output_field=BooleanField()))

    # --- answers -------------------------------------------------------------------------------

    def count(self) -> tuple[int, bool]:
        if not self.query:
            return self.base.count(), True
        if self.few_matches:
            return self._matching().count(), True
        if self.postgres:
            found = self._matching().order_by()[: COUNT_CAP + 1].count()
        else:
            # In any order of the list: the count only needs matches, and the index's own are cheapest.
            found = len(self._walk(COUNT_CAP + 1))
        return min(found, COUNT_CAP), found <= COUNT_CAP

    def page(self, *, offset: int, limit: int) -> list[Matter]:
        if limit <= 0:
            return []
        if not self.query:
            return list(self.base[offset : offset + limit])
        if self.few_matches:
            return list(self._matching()[offset : offset + limit])
        offset, limit = min(offset, COUNT_CAP), max(0, min(limit, COUNT_CAP - offset))
        if not limit:
            return []
        if self.walks_index:
            ids = self._walk(offset + limit)[offset:]
            rows = self.base.filter(pk__in=ids).in_bulk()
            return [rows[pk] for pk in ids if pk in rows]
        return list(self._checked()[offset : offset + limit])

    def _walk(self, wanted: int) -> list[int]:
        """The first `wanted` matching matter ids in order of receipt that pass the filters.

        Batches grow, since a filter that lets few matches through needs many of them read."""
        newest_first = NEWEST_FIRST.get(self.filters.sort, True)
        start, end = self.filters.received_from, self.filters.received_to
        low, high = fts_sqlite.key_bounds(
            _local_midnight(start) if start else None,
            _local_midnight(end + dt.timedelta(days=1)) if end else None,
        )
        if self._walked is not None and (len(self._walked[0]) >= wanted or self._walked[1]):
            return self._walked[0][:wanted]
        found: list[int] = []
        batch = WALK_FIRST_BATCH
        checker = self.base.order_by()
        while len(found) < wanted:
            keys = fts_sqlite.keys_in_order(
                self.query.terms, newest_first=newest_first, low=low, high=high, limit=batch
            )
            if not keys:
                break
            ids = [key & fts_sqlite.ID_MASK for key in keys]
            passed = set(checker.filter(pk__in=ids).values_list("pk", flat=True))
            found.extend(pk for pk in ids if pk in passed)
            if len(keys) < batch:
                self._walked = (found, True)
                return found[:wanted]
            if newest_first:
                high = keys[-1]
            else:
                low = keys[-1] + 1
            batch = min(batch * 4, WALK_MAX_BATCH)
        self._walked = (found, False)
        return found[:wanted]

    _walked: tuple[list[int], bool] | None = None
