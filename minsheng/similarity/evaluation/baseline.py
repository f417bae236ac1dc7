"""Plain baseline: character 2–3-gram TF-IDF cosine over title + text, searching the whole pool.

    python -m minsheng.similarity.evaluation.baseline [--data DIR]

Each labelled query searches every pool message strictly earlier than itself (a registrar only sees
what was registered before), copies folded (pool.unique_pool). Prints one JSON line with recall@5,
precision@1, the hard-negative-first rate and the number of queries (metrics.py defines them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import labels, metrics
from .pool import Message, unique_pool
from .tfidf import TfidfIndex

# Deep enough that, in practice, both the first same-group message and the first hard negative of a
# query appear; anything below counts as not ranked.
DEPTH = 1000


def rank_all(pool: list[Message], queries: list[metrics.Query]) -> dict:
    index = TfidfIndex([m.content for m in pool], 2, 3)
    position = {m.key: i for i, m in enumerate(pool)}
    rankings = {}
    for query in queries:
        q = position[query.key]
        cutoff = pool[q].time
        hits = index.search(index.vectors[q], DEPTH, allow=lambda d, cutoff=cutoff: pool[d].time < cutoff)
        rankings[query.key] = [pool[d].key for d, _ in hits]
    return rankings


def run(data_dir: Path | None = None) -> dict:
    pool = unique_pool(data_dir=data_dir)
    time_of = {m.key: m.time for m in pool}
    queries = metrics.queries_from_groups(labels.load_groups(pool=pool), time_of.__getitem__)
    negatives = metrics.negatives_by_query(labels.load_negatives())
    result = metrics.evaluate(rank_all(pool, queries), queries, negatives, k=5)
    return {"matcher": "char 2-3-gram TF-IDF cosine (title+text)", "pool": len(pool), **result}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, default=None, help="folder with the shared CSV files")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.data), ensure_ascii=False))


if __name__ == "__main__":
    main()
