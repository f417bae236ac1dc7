"""Metrics for "same matter raised again" matching, shared by the baseline and the real evaluation.

A matcher is judged per query: a message that has at least one earlier message of its own group. It
returns a ranking of pool messages (best first) drawn only from messages earlier than the query; the
query itself never appears. Items absent from a (truncated) ranking count as ranked below all present.

- recall@k: share of queries with at least one earlier same-group message in the top k;
- precision@1: share of queries whose first-ranked message is an earlier same-group message;
- hard-negative-first: among queries that have labelled hard negatives, the share where some labelled
  hard negative ranks above every same-group message (also when no same-group message was ranked).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Key = Hashable


@dataclass(frozen=True)
class Query:
    key: Key
    relevant: frozenset  # earlier messages of the same group


def queries_from_groups(groups: Mapping[str, Iterable[Key]], time_of: Callable[[Key], object]) -> list[Query]:
    """Every group member that has a strictly earlier member becomes a query, in a stable order."""
    queries = []
    for name in sorted(groups):
        members = sorted(set(groups[name]), key=lambda k: (time_of(k), str(k)))
        for member in members:
            earlier = frozenset(m for m in members if time_of(m) < time_of(member))
            if earlier:
                queries.append(Query(member, earlier))
    return queries


def negatives_by_query(pairs: Iterable[tuple[Key, Key, str]]) -> dict[Key, set]:
    result: dict[Key, set] = {}
    for query, negative, _kind in pairs:
        result.setdefault(query, set()).add(negative)
    return result


def hit_at(ranked: Sequence[Key], relevant: frozenset, k: int) -> bool:
    return any(key in relevant for key in ranked[:k])


def first_position(ranked: Sequence[Key], wanted) -> int | None:
    for position, key in enumerate(ranked):
        if key in wanted:
            return position
    return None


def negative_first(ranked: Sequence[Key], relevant: frozenset, negatives) -> bool:
    negative = first_position(ranked, negatives)
    if negative is None:
        return False
    positive = first_position(ranked, relevant)
    return positive is None or negative < positive


def evaluate(
    rankings: Mapping[Key, Sequence[Key]],
    queries: Sequence[Query],
    negatives: Mapping[Key, set] | None = None,
    k: int = 5,
) -> dict:
    """Aggregate figures over `queries`; a query missing from `rankings` counts as an empty ranking."""
    negatives = negatives or {}
    if not queries:
        raise ValueError("no queries to evaluate")
    recall = precision = 0
    with_negatives = negative_wins = 0
    for query in queries:
        ranked = rankings.get(query.key, ())
        if query.key in ranked:
            raise ValueError(f"the ranking for {query.key!r} contains the query itself")
        recall += hit_at(ranked, query.relevant, k)
        precision += hit_at(ranked, query.relevant, 1)
        labelled = negatives.get(query.key)
        if labelled:
            with_negatives += 1
            negative_wins += negative_first(ranked, query.relevant, labelled)
    total = len(queries)
    return {
        f"recall@{k}": round(recall / total, 4),
        "precision@1": round(precision / total, 4),
        "hard_negative_first": round(negative_wins / with_negatives, 4) if with_negatives else None,
        "queries": total,
        "queries_with_hard_negatives": with_negatives,
    }
