"""Full-text search over the matters a user may see, with the list's filters, fast at a million matters.

`matter_search(user=, filters=, limit=, offset=)` answers one page; `matter_results(user=, filters=)`
wraps it as a lazy sequence for Django's Paginator and django-ninja's pagination.

How a page is found depends on the database and on how many matters the words match: see
plan_sqlite.py and plan_postgres.py. In short, few matches are taken whole, filtered, sorted and
counted; for many, either the index hands out matches in the list's order (SQLite, by receipt) or
the matters are read in the list's order and checked, and both stop as soon as the page and the
count are known.

Past COUNT_CAP the total is shown as "more than 500" and only the first 500 results are listed:
no one reads further, and counting every match of a common word among a million matters is what makes
search slow.
"""

import re
from dataclasses import dataclass, replace
from functools import cached_property

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from minsheng.accounts.models import User
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MATTER_SORTS, MatterFilters, matter_list

from .highlight import compile_terms, matters_highlighted
from .plan_postgres import PostgresPlan
from .plan_sqlite import SqlitePlan
from .tokens import QUERY_MAX_CHARS, QUERY_MAX_WORDS, ParsedQuery, parse_query

SMALL_MATCHES = 2000
COUNT_CAP = 500


@dataclass(frozen=True)
class Limits:
    small: int
    count_cap: int


class SearchResult:
    """One page of matters, the total, and what the typed text was understood as.

    The total is counted when first asked for: a caller that only wants the top results (an API
    client, a "matters like this" box) does not pay for counting."""

    def __init__(self, *, search: "_Search", matters: list[Matter]):
        self._search = search
        self.matters = matters
        self.query = search.query

    def __iter__(self):
        return iter(self.matters)

    def __len__(self):
        return len(self.matters)

    @property
    def total(self) -> int:
        return self._search.count()[0]

    @property
    def total_exact(self) -> bool:
        """False when there are more than `total` (= COUNT_CAP) results and only those are listed."""
        return self._search.count()[1]

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
    return SearchResult(search=search, matters=search.page(offset=offset, limit=limit))


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

    @cached_property
    def plan(self):
        plan = PostgresPlan if connection.vendor == "postgresql" else SqlitePlan
        limits = Limits(small=SMALL_MATCHES, count_cap=COUNT_CAP)
        return plan(base=self.base, terms=self.query.terms, filters=self.filters, limits=limits)

    @cached_property
    def _count(self) -> tuple[int, bool]:
        if not self.query:
            return self.base.count(), True
        return self.plan.count()

    def count(self) -> tuple[int, bool]:
        return self._count

    def page(self, *, offset: int, limit: int) -> list[Matter]:
        if not self.query:
            return list(self.base[max(0, offset) : max(0, offset) + max(0, limit)])
        if not self.plan.few:  # only the first COUNT_CAP results are listed
            limit = min(limit, COUNT_CAP - offset)
        if limit <= 0 or offset < 0:
            return []
        ids = self.plan.page_ids(offset, limit)
        rows = self.base.filter(pk__in=ids).in_bulk()
        return [rows[pk] for pk in ids if pk in rows]
