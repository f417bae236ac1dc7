"""How SQLite finds a page of search results (see selectors.py for the whole picture).

- Few matches (at most SMALL_MATCHES): the database takes them all with the filters, sorts and counts.
- Many, in order of receipt: the FTS5 index hands out matches newest (or oldest) first, because its
  rowids run in that order (fts_sqlite); each batch is checked against the scope and filters, until the
  page and COUNT_CAP results are found. A common word costs a batch or two however many matters hold it.
- Many, in another order: the matters are read in that order and each one's entry is looked up; the
  count still comes from the walk above, whose order does not matter for counting.
"""

import datetime as dt
import json

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters, _local_midnight

from . import fts_sqlite
from .tokens import Term

WALK_FIRST_BATCH = 500
WALK_MAX_BATCH = 5000
NEWEST_FIRST = {"-received_at": True, "received_at": False}


class SqlitePlan:
    def __init__(self, *, base: QuerySet[Matter], terms: tuple[Term, ...], filters: MatterFilters, limits):
        self.base, self.terms, self.filters, self.limits = base, terms, filters, limits
        # One look at the index says whether there are few matches, and which.
        keys = fts_sqlite.keys_in_order(terms, newest_first=True, low=None, high=None, limit=limits.small + 1)
        self.few = len(keys) <= limits.small
        self._few_hits = (
            _passing(self.base.values_list("pk", flat=True), [key & fts_sqlite.ID_MASK for key in keys])
            if self.few
            else None
        )
        self._walked: tuple[list[int], bool] | None = None

    def count(self) -> tuple[int, bool]:
        if self.few:
            return len(self._few_hits), True
        found, cap = self._walk(self.limits.count_cap + 1), self.limits.count_cap
        return min(len(found), cap), len(found) <= cap

    def page_ids(self, offset: int, limit: int) -> list[int]:
        if self.few:
            return self._few_hits[offset : offset + limit]
        if self.filters.sort in NEWEST_FIRST:
            return self._walk(offset + limit)[offset:]
        probe = (
            f"EXISTS (SELECT 1 FROM {fts_sqlite.TABLE} WHERE {fts_sqlite.TABLE} MATCH %s"
            f" AND rowid = {fts_sqlite.key_sql(Matter._meta.db_table)})"
        )
        checked = self.base.filter(
            RawSQL(probe, [fts_sqlite.expression(self.terms)], output_field=BooleanField())
        )
        return list(checked.values_list("pk", flat=True)[offset : offset + limit])

    def _walk(self, wanted: int) -> list[int]:
        """The first `wanted` ids, in order of receipt, of matches that pass the scope and filters.
        Batches grow, since a filter that lets few matches through needs many of them read."""
        if self._walked is not None and (len(self._walked[0]) >= wanted or self._walked[1]):
            return self._walked[0][:wanted]
        newest_first = NEWEST_FIRST.get(self.filters.sort, True)
        start, end = self.filters.received_from, self.filters.received_to
        low, high = fts_sqlite.key_bounds(
            _local_midnight(start) if start else None,
            _local_midnight(end + dt.timedelta(days=1)) if end else None,
        )
        checker = self.base.order_by().values_list("pk", flat=True)
        found: list[int] = []
        batch, exhausted = WALK_FIRST_BATCH, False
        while len(found) < wanted:
            keys = fts_sqlite.keys_in_order(
                self.terms, newest_first=newest_first, low=low, high=high, limit=batch
            )
            ids = [key & fts_sqlite.ID_MASK for key in keys]
            passed = set(_passing(checker, ids))
            found.extend(pk for pk in ids if pk in passed)
            if len(keys) < batch:
                exhausted = True
                break
            if newest_first:
                high = keys[-1]
            else:
                low = keys[-1] + 1
            batch = min(batch * 4, WALK_MAX_BATCH)
        self._walked = (found, exhausted)
        return found[:wanted]


def _passing(matters: QuerySet, ids: list[int]) -> list[int]:
    """Those of these ids that are among `matters` (a values_list of pk), in its order.

    Looked up by id: SQLite without statistics would rather scan the index of a filter's column — all
    80,000 accepted matters, say — than look up a few thousand ids, so the table is read NOT INDEXED,
    which still allows lookups by rowid, here the id. And the ids go as one JSON parameter: Django
    would take longer to build an IN list of thousands than SQLite to answer it."""
    if not ids:
        return []
    listed = RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    sql, params = matters.filter(pk__in=listed).query.sql_with_params()
    table = connection.ops.quote_name(Matter._meta.db_table)
    plain = f"FROM {table} WHERE "
    if sql.count(plain) == 1 and " JOIN " not in sql:
        sql = sql.replace(plain, f"FROM {table} NOT INDEXED WHERE ")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
