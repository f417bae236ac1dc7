"""Count the document frequency of every character bigram in the shared real messages.

    python -m minsheng.similarity.build_weights [DATA_DIR]

Writes data/bigram_df.tsv.gz: a first line "documents<TAB>N", then "bigram<TAB>count" for each bigram in
at least two messages (a bigram seen once or never gets the highest weight anyway). The table holds counts
only, no text. It is committed so that weights, and therefore the index, never depend on which matters
happen to be in a database; rerun it only on purpose (and then run `manage.py rebuild_index`).
"""

import csv
import gzip
import sys
from collections import Counter
from pathlib import Path

from .text import WEIGHTS_FILE, bigrams

FILES = (
    "taidi2020C_fujian3_messages.csv",
    "taidi2020C_fujian4_full_replies.csv",
    "taidi2020C_testdata2801_unlabeled.csv",
)


def count(data_dir: Path) -> tuple[Counter, int]:
    frequencies: Counter = Counter()
    documents = 0
    for name in FILES:
        with open(data_dir / name, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                text = f"{row.get('留言主题') or ''}\n{row.get('留言详情') or ''}"
                frequencies.update(set(bigrams(text, limit=10_000)))
                documents += 1
    return frequencies, documents


def main() -> None:
    data_dir = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
    )
    frequencies, documents = count(data_dir)
    lines = [f"documents\t{documents}\n"]
    lines += [f"{gram}\t{n}\n" for gram, n in sorted(frequencies.items()) if n >= 2]
    # mtime=0 so that rerunning on the same data gives a byte-identical file.
    with (
        open(WEIGHTS_FILE, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out,
    ):
        out.write("".join(lines).encode("utf-8"))
    print(f"{documents} messages, {sum(1 for n in frequencies.values() if n >= 2)} bigrams → {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
