"""Writes fujian4_units.csv: the kind of department that answered each message of the fujian4 file.

Run from the repository root: `.venv/bin/python minsheng/classify/labels/make_fujian4_units.py`.
Reads ../shared/data/taidi2020C_fujian4_full_replies.csv (the board's messages with the official
replies) and keeps the messages whose reply clearly names one kind of department (see
minsheng/classify/departments.py: answering_department). Deterministic: same input, same file.
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from minsheng.classify.departments import answering_department, departments_named  # noqa: E402
from minsheng.petitions.importing import clean_text, read_messages_file  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "taidi2020C_fujian4_full_replies.csv"
TARGET = Path(__file__).resolve().parent / "fujian4_units.csv"


def main() -> None:
    rows = []
    for record in read_messages_file(SOURCE):
        reply = clean_text(record.get("答复意见"))
        kind = answering_department(reply)
        if kind is None:
            continue
        named = departments_named(reply)
        evidence = "；".join(f"{code}={score:g}" for code, score in named.most_common(3))
        rows.append(
            (clean_text(record.get("留言编号")), kind, "确定" if len(named) == 1 else "不确定", evidence)
        )
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["留言编号", "承办部门", "把握", "依据"])
        writer.writerows(rows)
    print(f"{len(rows)} messages labelled → {TARGET}")


if __name__ == "__main__":
    main()
