"""The labelled set: labels.txt, written by hand (IDs, labels and our notes only).

    python -m minsheng.similarity.evaluation.labels [--csv DIR]   # check labels.txt against the pool

`load_groups` and `load_negatives` give the groups and hard negatives for any evaluation (the baseline
here, and the evaluation of the system's matcher): from labels.txt, with each group put in time order
by reading the pool from ../shared/data, or from CSV files in the exchange format below (label files
made elsewhere; `--csv DIR` writes ours in it). A message is (文件, 留言编号) with 文件 one of pool.FILES.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from . import metrics
from .pool import Message, unique_pool

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.txt"
GROUPS_CSV_NAME = "fujian3_groups.csv"
NEGATIVES_CSV_NAME = "fujian3_hard_negatives.csv"
SHORT = {"f3": "fujian3", "f4": "fujian4", "td": "testdata2801"}
KINDS = {"same_place", "same_topic"}

Key = tuple[str, str]


def parse_key(text: str) -> Key:
    prefix, _, number = text.partition(":")
    if prefix not in SHORT or not number:
        raise ValueError(f"bad message key {text!r}")
    return (SHORT[prefix], number)


def parse(path: Path = LABELS):
    """Groups as {name: ([keys], note)} in order of first mention; negatives as [(q, n, kind, note)]."""
    groups: dict[str, tuple[list[Key], list[str]]] = {}
    negatives = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        body, _, note = raw.partition("|")
        parts = body.split()
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0] == "G" and len(parts) >= 3:
            keys, notes = groups.setdefault(parts[1], ([], []))
            keys.extend(parse_key(p) for p in parts[2:])
            if note.strip():
                notes.append(note.strip())
        elif parts[0] == "N" and len(parts) == 4 and parts[3] in KINDS:
            negatives.append((parse_key(parts[1]), parse_key(parts[2]), parts[3], note.strip()))
        else:
            raise ValueError(f"{path.name}:{number}: cannot read {raw!r}")
    return {name: (keys, "；".join(notes)) for name, (keys, notes) in groups.items()}, negatives


def check(groups, negatives, pool: list[Message]) -> list[str]:
    by_key = {m.key: m for m in pool}
    problems = []
    owner: dict[Key, str] = {}
    for name, (keys, _) in groups.items():
        if len(set(keys)) < 2:
            problems.append(f"group {name} has fewer than 2 messages")
        for key in keys:
            if key not in by_key:
                problems.append(f"group {name}: {key} is not in the (de-duplicated) pool")
            elif key in owner and owner[key] != name:
                problems.append(f"{key} is in both {owner[key]} and {name}")
            owner[key] = name
    seen = set()
    for query, negative, _kind, _ in negatives:
        if (query, negative) in seen:
            problems.append(f"negative pair {query} {negative} listed twice")
        seen.add((query, negative))
        if query not in owner:
            problems.append(f"negative pair: query {query} is in no group")
            continue
        if negative not in by_key:
            problems.append(f"negative pair: {negative} is not in the pool")
            continue
        if owner.get(negative) == owner[query]:
            problems.append(f"negative pair: {negative} is in the query's own group {owner[query]}")
        if by_key[negative].time >= by_key[query].time:
            problems.append(f"negative pair: {negative} is not earlier than its query {query}")
        earliest = min(groups[owner[query]][0], key=lambda k: by_key[k].time)
        if query == earliest:
            problems.append(f"negative pair: query {query} is the earliest of its group, so never a query")
    return problems


def ordered_groups(groups, pool: list[Message]) -> dict[str, list[Key]]:
    """{G001: [keys in time order], …}: each group's messages as the evaluation replays them."""
    by_key = {m.key: m for m in pool}
    # Ties in time (messages sent in the same second) are ordered by ID so the order is stable.
    return {
        f"G{number:03d}": sorted(set(keys), key=lambda k: (by_key[k].time, k[0], int(k[1])))
        for number, (keys, _note) in enumerate(groups.values(), start=1)
    }


def write(groups, negatives, pool: list[Message], groups_csv: Path, negatives_csv: Path) -> None:
    """The labels in the CSV exchange format (`group,文件,留言编号,备注` and the negatives' columns)."""
    notes = [note for _keys, note in groups.values()]
    with open(groups_csv, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["group", "文件", "留言编号", "备注"])
        for note, (name, keys) in zip(notes, ordered_groups(groups, pool).items(), strict=True):
            for position, key in enumerate(keys):
                out.writerow([name, key[0], key[1], note if position == 0 else ""])
    with open(negatives_csv, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["query_文件", "query_留言编号", "negative_文件", "negative_留言编号", "kind", "备注"])
        for query, negative, kind, note in negatives:
            out.writerow([query[0], query[1], negative[0], negative[1], kind, note])


def load_groups(path: Path | None = None, *, pool: list[Message] | None = None) -> dict[str, list[Key]]:
    """From a CSV file, or (path None) from labels.txt ordered by the pool, read from ../shared/data
    unless given."""
    if path is None:
        groups, _negatives = parse()
        return ordered_groups(groups, pool if pool is not None else unique_pool())
    groups: dict[str, list[Key]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            groups[row["group"]].append((row["文件"], row["留言编号"]))
    return dict(groups)


def load_negatives(path: Path | None = None) -> list[tuple[Key, Key, str]]:
    if path is None:
        return [(query, negative, kind) for query, negative, kind, _note in parse()[1]]
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            ((r["query_文件"], r["query_留言编号"]), (r["negative_文件"], r["negative_留言编号"]), r["kind"])
            for r in csv.DictReader(handle)
        ]


def summary(groups, negatives, pool: list[Message]) -> dict:
    by_key = {m.key: m for m in pool}
    sizes = Counter(len(set(keys)) for keys, _ in groups.values())
    members = {name: keys for name, (keys, _) in groups.items()}
    queries = metrics.queries_from_groups(members, lambda k: by_key[k].time)
    users = [{(by_key[k].file, by_key[k].user) for k in keys} for keys, _ in groups.values()]
    outside = sum(1 for keys, _ in groups.values() for k in set(keys) if k[0] != "fujian3")
    with_negative = {q for q, *_ in negatives}
    return {
        "groups": len(groups),
        "messages": sum(sizes[s] * s for s in sizes),
        "queries": len(queries),
        "queries_outside_fujian3": sum(1 for q in queries if q.key[0] != "fujian3"),
        "group_sizes": dict(sorted(sizes.items())),
        "groups_with_several_users": sum(1 for u in users if len(u) > 1),
        "members_outside_fujian3": outside,
        "hard_negatives": len(negatives),
        "hard_negative_kinds": dict(Counter(kind for _, _, kind, _ in negatives)),
        "queries_with_hard_negative": len(with_negative),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Check labels.txt against the pool of ../shared/data.")
    parser.add_argument("--csv", type=Path, default=None, help="also write the labels as CSV files into DIR")
    args = parser.parse_args()
    pool = unique_pool()
    groups, negatives = parse()
    problems = check(groups, negatives, pool)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    if args.csv is not None:
        args.csv.mkdir(parents=True, exist_ok=True)
        write(groups, negatives, pool, args.csv / GROUPS_CSV_NAME, args.csv / NEGATIVES_CSV_NAME)
    print(summary(groups, negatives, pool))


if __name__ == "__main__":
    main()
