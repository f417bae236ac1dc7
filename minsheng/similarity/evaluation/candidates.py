"""Candidate pairs for labelling "the same matter raised again" in fujian3 — a reading aid only.

    python -m minsheng.similarity.evaluation.candidates [--out pairs.tsv] [--data DIR]
    python -m minsheng.similarity.evaluation.candidates --read pairs.tsv --clusters 1-40

No label comes from here: the scores only decide which pairs a person reads. Several views are merged on
purpose, so that the reader meets true repeats worded differently (different users about one estate)
and look-alikes that a plain similarity ranks high (hard negatives):

- tfidf: the 6 nearest pool messages by character-bigram TF-IDF cosine of title + text;
- title: the 3 nearest by TF-IDF of the title alone ("same title words");
- user: every other message of the same 留言用户 in the same file (pseudonyms differ between files);
- place: messages sharing a rare place-like name (…小区/…村/…路/…学校/…公司…, found by regex and
  kept when it occurs in 2–40 pool messages), up to 8 per message, rarest names first.

Pairs are written as TSV: a_file, a_no, b_file, b_no, cosine, views, shared names. `--read` groups the
pairs into clusters of at most 14 messages (union of pairs by descending evidence, pairs weaker than
--min-strength left out) and prints each message once, --width characters of text, for reading in
batches; --labels marks the messages a labels.txt already puts in a group.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .pool import Message, canonical, copies_of, load_pool
from .tfidf import TfidfIndex

SUFFIXES = (
    "小区|花园|家园|公寓|新城|华府|名苑|雅苑|苑|府|城|湾|村|组|社区|路|街|大道|巷|学校|小学|中学|幼儿园|学院|"
    "大学|公司|集团|医院|项目|广场|市场|工业园|园区|镇|街道|大厦|酒店|厂|桥|站|公园|山庄|楼盘|一期|二期|三期"
)
_SUFFIX = re.compile(f"(?:{SUFFIXES})")
# The publisher masked administrative names (A市, A3区, K8县, 西地省); they say nothing about the matter.
_MASKED = re.compile(r"[A-Z]\d*(?:市|区|县)|西地省")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]")
_STOP_START = set("的在于是和与及该本我们了到从对向把被个这那其此为已就都也所请位离近")
MAX_CLUSTER = 14


def place_names(message: Message) -> set[str]:
    text = _MASKED.sub("|", message.content)
    names = set()
    for match in _SUFFIX.finditer(text):
        start, suffix = match.start(), match.group()
        for length in (2, 3, 4):
            prefix = text[max(0, start - length) : start]
            if len(prefix) < length or not all(_NAME_CHAR.match(ch) for ch in prefix):
                break
            if prefix[0] in _STOP_START:
                continue
            names.add(prefix + suffix)
    return names


def generate(pool: list[Message]) -> list[tuple]:
    copies = copies_of(pool)
    targets = [i for i, m in enumerate(pool) if m.file == "fujian3"]
    evidence: dict[tuple[int, int], set[str]] = defaultdict(set)
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)

    def add(a: int, b: int, view: str) -> None:
        if a == b or pool[b].key in copies[pool[a].key]:
            return
        evidence[(min(a, b), max(a, b))].add(view)

    print("indexing…", file=sys.stderr)
    body = TfidfIndex([m.content for m in pool], 2, 2)
    titles = TfidfIndex([m.title for m in pool], 2, 2)
    for n, i in enumerate(targets):
        if n % 500 == 0:
            print(f"  {n}/{len(targets)}", file=sys.stderr)
        for j, _ in body.search(body.vectors[i], 7):
            add(i, j, "tfidf")
        for j, _ in titles.search(titles.vectors[i], 4):
            add(i, j, "title")

    by_user: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(pool):
        by_user[(m.file, m.user)].append(i)
    for i in targets:
        for j in by_user[(pool[i].file, pool[i].user)]:
            add(i, j, "user")

    names = [place_names(m) for m in pool]
    df = Counter(name for ns in names for name in ns)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, ns in enumerate(names):
        for name in ns:
            if 2 <= df[name] <= 40:
                holders[name].append(i)
    for i in targets:
        partners: dict[int, str] = {}
        for name in sorted((x for x in names[i] if x in holders), key=lambda x: (df[x], -len(x), x)):
            for j in holders[name]:
                if j != i and len(partners) < 8:
                    partners.setdefault(j, name)
        for j, name in partners.items():
            add(i, j, "place")
            shared[(min(i, j), max(i, j))].add(name)

    rows = []
    for (a, b), views in evidence.items():
        rows.append((pool[a].key, pool[b].key, body.similarity(a, b), ",".join(sorted(views)),
                     "/".join(sorted(shared[(a, b)]))))
    rows.sort(key=lambda r: -r[2])
    return rows


def read_pairs(path: Path) -> list[tuple]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        a_file, a_no, b_file, b_no, cos, views, names = [*line.split("\t"), ""][:7]
        rows.append(((a_file, a_no), (b_file, b_no), float(cos), views, names))
    return rows


def strength(row: tuple) -> float:
    """Cosine, plus a bonus for each further view that found the pair and for a shared name."""
    _, _, cos, views, names = row
    return cos + 0.25 * views.count(",") + (0.2 if names else 0.0)


def clusters(pairs: list[tuple]) -> list[list[tuple[str, str]]]:
    """Greedy union of pairs, strongest first, never growing a cluster past MAX_CLUSTER."""
    parent: dict = {}
    size: Counter = Counter()

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, *_ in sorted(pairs, key=strength, reverse=True):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        sa, sb = size[ra] or 1, size[rb] or 1
        if sa + sb > MAX_CLUSTER:
            continue
        parent[rb] = ra
        size[ra] = sa + sb
    members: dict = defaultdict(list)
    for x in parent:
        members[find(x)].append(x)
    return sorted((sorted(v) for v in members.values() if len(v) > 1), key=lambda v: v[0])


SHORT = {"fujian3": "f3", "fujian4": "f4", "testdata2801": "td"}


def short(key: tuple[str, str]) -> str:
    return f"{SHORT[key[0]]}:{key[1]}"


def show(message: Message, width: int) -> str:
    return (f"{short(message.key)} {message.user} {message.time:%y%m%d} "
            f"【{message.title}】{message.text[:width]}")


def labelled(path: Path | None) -> dict[str, str]:
    """Which group each already-labelled message is in, from a labels.txt being written."""
    marks: dict[str, str] = {}
    if path and Path(path).exists():
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            parts = line.split("|")[0].split()
            if parts and parts[0] == "G":
                for key in parts[2:]:
                    marks[key] = parts[1]
    return marks


def print_clusters(pool: list[Message], args) -> None:
    copies = copies_of(pool)
    by_key = {m.key: m for m in pool}
    marks = labelled(args.labels)
    groups = clusters([p for p in read_pairs(args.read) if strength(p) >= args.min_strength])
    first, _, last = args.clusters.partition("-")
    for number in range(int(first), min(int(last or first), len(groups)) + 1):
        members = sorted({canonical(copies[k]) for k in groups[number - 1]}, key=lambda k: by_key[k].time)
        print(f"=== {number}")
        for key in members:
            mark = f"<{marks[short(key)]}> " if short(key) in marks else ""
            print(mark + show(by_key[key], args.width))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, default=None, help="folder with the shared CSV files")
    parser.add_argument("--out", type=Path, default=None, help="write pairs here instead of stdout")
    parser.add_argument("--read", type=Path, default=None, help="a pairs file to print as clusters")
    parser.add_argument("--clusters", default="1-20", help="cluster range to print with --read, e.g. 21-40")
    parser.add_argument("--min-strength", type=float, default=0.3, help="drop weaker pairs before clustering")
    parser.add_argument("--labels", type=Path, default=None, help="labels.txt: mark labelled messages")
    parser.add_argument("--width", type=int, default=300, help="characters of each text to print")
    args = parser.parse_args(argv)
    pool = load_pool(args.data)
    if args.read:
        print_clusters(pool, args)
        return
    lines = (f"{a[0]}\t{a[1]}\t{b[0]}\t{b[1]}\t{cos:.4f}\t{views}\t{names}\n"
             for a, b, cos, views, names in generate(pool))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.writelines(lines)
    else:
        sys.stdout.writelines(lines)


if __name__ == "__main__":
    main()
