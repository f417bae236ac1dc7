"""The full-text index on PostgreSQL: a tsvector per matter under a GIN index.

The tsvector is written as a literal with positions ('拆迁':1 '迁补':2 …), so PostgreSQL's text search
parser and dictionaries never see the text: whatever the database's locale, both databases index the
same tokens. There is no foreign key to the matter (Django empties tables between transactional tests
with TRUNCATE, which PostgreSQL refuses for a referenced table); a trigger forgets deleted matters.
"""

import datetime as dt
from collections import defaultdict

from django.db import connection

from .tokens import Term

TABLE = "search_matter_document"
GIN_INDEX = "search_matter_document_gin"
# PostgreSQL keeps positions up to 16383 and at most 256 of them per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256

CREATE_GIN = f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON {TABLE} USING gin (document)"
CREATE = [
    # The GIN index comes in rebuild_finished(), once the table is filled.
    f"CREATE TABLE {TABLE} (matter_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    f"""CREATE FUNCTION search_matter_document_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {TABLE} WHERE matter_id = OLD.id;
        RETURN OLD;
    END $$""",
    """CREATE TRIGGER search_matter_document_matter_deleted AFTER DELETE ON petitions_matter
        FOR EACH ROW EXECUTE FUNCTION search_matter_document_forget()""",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_matter_document_matter_deleted ON petitions_matter",
    "DROP FUNCTION IF EXISTS search_matter_document_forget()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def tsvector_literal(tokens: list[str]) -> str:
    """Tokens are letters and digits only (see tokens.py), so they need no escaping."""
    positions: dict[str, list[int]] = defaultdict(list)
    for index, token in enumerate(tokens[:MAX_POSITION], start=1):
        at = positions[token]
        if len(at) < MAX_POSITIONS_PER_LEXEME:
            at.append(index)
    return " ".join(f"'{token}':{','.join(map(str, at))}" for token, at in positions.items())


def write(chunk: list[int], documents: dict[int, tuple[dt.datetime, list[str]]]) -> None:
    with connection.cursor() as cursor:
        gone = [pk for pk in chunk if pk not in documents]
        if gone:
            cursor.execute(f"DELETE FROM {TABLE} WHERE matter_id = ANY(%s)", [gone])
        # An upsert, so that a rebuild batch and a service writing the same matter wait for each
        # other instead of one failing on the primary key.
        cursor.executemany(
            f"INSERT INTO {TABLE} (matter_id, document) VALUES (%s, %s::tsvector) "
            "ON CONFLICT (matter_id) DO UPDATE SET document = EXCLUDED.document",
            [(pk, tsvector_literal(tokens)) for pk, (_received_at, tokens) in documents.items()],
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}")


def rebuild_started() -> None:
    # Filling a GIN index row by row is several times slower than building it once at the end.
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


def rebuild_finished() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(CREATE_GIN)
        cursor.execute(f"ANALYZE {TABLE}")


def expression(terms: tuple[Term, ...], *, phrases: bool = True) -> str:
    """('拆迁' <-> '迁补' <-> '补偿') & ('低':*). Without `phrases` the tokens need only all be there,
    which GIN answers from the index alone; adjacency needs each candidate's tsvector."""
    joiner = " <-> " if phrases else " & "
    parts = []
    for term in terms:
        lexemes = [f"'{token}'" for token in term.tokens]
        if term.prefix:
            lexemes[-1] += ":*"
        parts.append("(" + joiner.join(lexemes) + ")")
    return " & ".join(parts)


def matching_ids_sql(terms: tuple[Term, ...]) -> tuple[str, list]:
    return f"SELECT matter_id FROM {TABLE} WHERE document @@ %s::tsquery", [expression(terms)]


def count(terms: tuple[Term, ...], *, cap: int) -> int:
    """How many matters hold every token of the terms (adjacent or not), counting no further than
    `cap`: an upper bound of the matches that costs no look at any tsvector."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE document @@ %s::tsquery LIMIT %s) s",
            [expression(terms, phrases=False), cap],
        )
        return cursor.fetchone()[0]
