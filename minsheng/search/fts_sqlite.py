"""The full-text index on SQLite: an FTS5 table of tokens whose rowids run in the order matters were
received, so that the newest matches come first straight from the index.

rowid = (seconds from 2000-01-01 to received_at) << 32 | matter id. FTS5 walks a match in rowid order
and stops when told, so "the newest 20 matches that this user may see" reads about 20 entries for a
word found in a quarter of a million matters, instead of collecting them all and sorting. A second
table remembers each matter's rowid, so an entry is replaced even if the receipt time were corrected.
"""

import datetime as dt

from django.db import connection

from .tokens import Term

TABLE = "search_matter_fts"
KEYS = "search_matter_fts_key"
ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

CREATE = [
    # Tokens separated by spaces; unicode61 only splits them again at the spaces.
    # prefix='1' also indexes each token's first character: a one-character word (see tokens.py) is
    # then one lookup instead of a merge of every token that starts with it.
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, tokenize='unicode61', prefix='1')",
    f"CREATE TABLE {KEYS} (matter_id INTEGER PRIMARY KEY, fts_rowid INTEGER NOT NULL)",
    # No foreign key can point into a virtual table: a deleted matter takes its entry with it here.
    f"""CREATE TRIGGER search_matter_fts_matter_deleted AFTER DELETE ON petitions_matter BEGIN
        DELETE FROM {TABLE} WHERE rowid = (SELECT fts_rowid FROM {KEYS} WHERE matter_id = OLD.id);
        DELETE FROM {KEYS} WHERE matter_id = OLD.id;
    END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_matter_fts_matter_deleted",
    f"DROP TABLE IF EXISTS {KEYS}",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def order_key(received_at: dt.datetime, matter_id: int) -> int:
    return (time_key(received_at) << ID_BITS) | (matter_id & ID_MASK)


def time_key(moment: dt.datetime) -> int:
    return max(0, int((moment - EPOCH).total_seconds()))


def key_sql(matter_table: str) -> str:
    """order_key() in SQL, from a matter row (Django keeps SQLite datetimes as UTC text)."""
    seconds = f"CAST(strftime('%%s', {matter_table}.received_at) AS INTEGER) - {int(EPOCH.timestamp())}"
    return f"((({seconds}) << {ID_BITS}) | {matter_table}.id)"


def key_bounds(start: dt.datetime | None, end: dt.datetime | None) -> tuple[int | None, int | None]:
    """rowids of matters received in [start, end): whole seconds, so the bounds are exact at midnight."""
    low = time_key(start) << ID_BITS if start else None
    high = time_key(end) << ID_BITS if end else None
    return low, high


def write(chunk: list[int], documents: dict[int, tuple[dt.datetime, list[str]]]) -> None:
    marks = ",".join(["%s"] * len(chunk))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT fts_rowid FROM {KEYS} WHERE matter_id IN ({marks})", chunk)
        stale = {row[0] for row in cursor.fetchall()}
        keys = {pk: order_key(received_at, pk) for pk, (received_at, _tokens) in documents.items()}
        # Also the keys the entries would have now: rows copied in by SQL have no line in KEYS.
        stale.update(keys.values())
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(key,) for key in stale])
        cursor.execute(f"DELETE FROM {KEYS} WHERE matter_id IN ({marks})", chunk)
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, body) VALUES (%s, %s)",
            [(keys[pk], " ".join(tokens)) for pk, (_received_at, tokens) in documents.items()],
        )
        cursor.executemany(f"INSERT INTO {KEYS} (matter_id, fts_rowid) VALUES (%s, %s)", list(keys.items()))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(f"DELETE FROM {KEYS}")


def rebuild_started() -> None:
    pass


def rebuild_finished() -> None:
    # One segment instead of dozens: each lookup then reads one b-tree rather than merging many.
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def expression(terms: tuple[Term, ...]) -> str:
    """The MATCH text, e.g. "拆迁 迁补 补偿" AND "低" *: each word a phrase of its tokens, a single
    character a prefix. Tokens hold no quotes or operators, so quoting them keeps them plain text."""
    phrases = []
    for term in terms:
        phrase = '"' + " ".join(term.tokens) + '"'
        phrases.append(phrase + " *" if term.prefix else phrase)
    return " AND ".join(phrases)


def matching_ids_sql(terms: tuple[Term, ...]) -> tuple[str, list]:
    """SQL selecting the ids of every matching matter (for `id IN (…)`), and its parameters."""
    return (
        f"SELECT rowid & {ID_MASK} FROM {TABLE} WHERE {TABLE} MATCH %s",
        [expression(terms)],
    )


def count(terms: tuple[Term, ...], *, cap: int) -> int:
    """How many matters match, counting no further than `cap`."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)",
            [expression(terms), cap],
        )
        return cursor.fetchone()[0]


def keys_in_order(
    terms: tuple[Term, ...],
    *,
    newest_first: bool,
    low: int | None,
    high: int | None,
    limit: int,
) -> list[int]:
    """Up to `limit` rowids of matches in [low, high), newest (or oldest) first."""
    where, params = [f"{TABLE} MATCH %s"], [expression(terms)]
    if low is not None:
        where.append("rowid >= %s")
        params.append(low)
    if high is not None:
        where.append("rowid < %s")
        params.append(high)
    order = "DESC" if newest_first else "ASC"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {' AND '.join(where)} ORDER BY rowid {order} LIMIT %s",
            [*params, limit],
        )
        return [row[0] for row in cursor.fetchall()]
