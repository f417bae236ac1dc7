"""The full-text index over matters: one entry per matter, kept in the transaction that changes it.

What is indexed: the matter's number, title, content and demands, every submission attached to it, and
every written answer (信访处理意见书, review and recheck opinions, imported replies) — as the tokens of
minsheng.search.tokens, never as raw text, so that the database's own word splitting plays no part and
SQLite and PostgreSQL give the same answers. Storage and queries per database are in fts_sqlite
(FTS5; not its trigram tokenizer, which misses two-character words) and fts_postgres (tsvector + GIN).

This module is an indexer of minsheng.search.indexing: `index_matters(ids)` and `clear()`, with
`rebuild_started()` and `rebuild_finished()` around a full rebuild.
"""

import datetime as dt
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from . import fts_postgres, fts_sqlite
from .tokens import document_tokens, parse_query

CHUNK = 500
# The tables, for code that copies entries in SQL (bench/ replicates a corpus that way).
SQLITE_TABLE = fts_sqlite.TABLE
POSTGRES_TABLE = fts_postgres.TABLE


def backend():
    return fts_postgres if connection.vendor == "postgresql" else fts_sqlite


def _models(apps=None):
    if apps is None:
        from minsheng.petitions.models import Matter, Reply, Submission
    else:  # a migration passes its historical models
        Matter = apps.get_model("petitions", "Matter")
        Reply = apps.get_model("petitions", "Reply")
        Submission = apps.get_model("petitions", "Submission")
    return Matter, Submission, Reply


def matter_texts(matter_ids: list[int], apps=None) -> dict[int, tuple[dt.datetime, list[str]]]:
    """Each matter's time of receipt and the texts that search looks into, in reading order."""
    Matter, Submission, Reply = _models(apps)
    texts: dict[int, tuple[dt.datetime, list[str]]] = {}
    for pk, received_at, number, seq, *parts in Matter.objects.filter(pk__in=matter_ids).values_list(
        "pk", "received_at", "number", "number_seq", "title", "content", "demands"
    ):
        # The sequence without its zeros as well, so that 12 finds 怀信〔2026〕00012.
        texts[pk] = (received_at, [f"{number} {seq}", *parts])
    for matter_id, *submitted in (
        Submission.objects.filter(matter_id__in=matter_ids)
        .order_by("received_at", "pk")
        .values_list("matter_id", "title", "content", "demands")
    ):
        if matter_id in texts:
            parts = texts[matter_id][1]
            # The first submission repeats the matter's own text; a later one usually adds its own.
            parts.extend(part for part in submitted if part and part not in parts)
    for matter_id, *answer in (
        Reply.objects.filter(matter_id__in=matter_ids)
        .order_by("replied_at", "pk")
        .values_list("matter_id", "request", "facts_and_reasons", "text", "basis")
    ):
        if matter_id in texts:
            texts[matter_id][1].extend(part for part in answer if part)
    return texts


def document_of(parts: Iterable[str]) -> list[str]:
    tokens: list[str] = []
    for part in parts:
        tokens.extend(document_tokens(part))
    return tokens


def index_matters(matter_ids: list[int], apps=None) -> None:
    """Replace the entries of these matters (a matter that no longer exists loses its entry)."""
    ids = sorted(set(matter_ids))
    store = backend()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        documents = {
            pk: (received_at, document_of(parts))
            for pk, (received_at, parts) in matter_texts(chunk, apps).items()
        }
        store.write(chunk, documents)


def clear() -> None:
    backend().clear()


def rebuild_started() -> None:
    backend().rebuild_started()


def rebuild_finished() -> None:
    backend().rebuild_finished()


def matching(matters: QuerySet, text: str) -> QuerySet:
    """`matters` narrowed to those that contain every word of the typed text. Exact at any size, but
    a common word makes the database collect all its matches: lists that page through results use
    minsheng.search.selectors instead, which stops early."""
    query = parse_query(text)
    if not query:
        return matters
    sql, params = backend().matching_ids_sql(query.terms)
    return matters.filter(pk__in=RawSQL(sql, params))
