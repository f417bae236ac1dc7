"""The pool of real messages that intake matching searches, read straight from ../shared/data.

Pure stdlib so that the evaluation scripts run without Django. A message is identified by
(文件, 留言编号) because the publisher's 留言编号 collide between files (22 collisions across the three
files). The same message was also published in more than one file (identical title, text and time under
different user pseudonyms); such copies are one message, not a repeat: `unique_pool` keeps one of each
(fujian3 first), and the labels name only that one.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

FILES = {
    "fujian3": "taidi2020C_fujian3_messages.csv",
    "fujian4": "taidi2020C_fujian4_full_replies.csv",
    "testdata2801": "taidi2020C_testdata2801_unlabeled.csv",
}

_SPACE = re.compile(r"\s+")


def default_data_dir() -> Path:
    env = os.environ.get("MINSHENG_SHARED_DATA")
    if env:
        return Path(env)
    # evaluation/ → similarity/ → minsheng/ → repository root; the data sits beside the repository.
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass(frozen=True)
class Message:
    file: str
    number: str
    user: str
    title: str
    text: str
    time: dt.datetime

    @property
    def key(self) -> tuple[str, str]:
        return (self.file, self.number)

    @property
    def content(self) -> str:
        return f"{self.title} {self.text}"


def parse_time(value: str) -> dt.datetime:
    value = value.strip()
    for fmt in ("%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValueError(f"unrecognised 留言时间: {value!r}")


def clean(value: str) -> str:
    # The publisher pads 留言详情 with newlines and tabs; inner runs of whitespace carry no meaning.
    return _SPACE.sub(" ", value or "").strip()


def load_pool(data_dir: Path | None = None) -> list[Message]:
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    messages = []
    for file, name in FILES.items():
        with open(data_dir / name, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                messages.append(
                    Message(
                        file=file,
                        number=row["留言编号"].strip(),
                        user=row["留言用户"].strip(),
                        title=clean(row["留言主题"]),
                        text=clean(row["留言详情"]),
                        time=parse_time(row["留言时间"]),
                    )
                )
    return messages


def copies_of(messages: list[Message]) -> dict[tuple[str, str], frozenset[tuple[str, str]]]:
    """Map each message key to the keys of all its copies (itself included).

    A copy has the same title, text and time. The same text sent again at another time is a real
    resubmission and is not a copy.
    """
    by_content: dict[tuple[str, str, dt.datetime], list[tuple[str, str]]] = {}
    for message in messages:
        by_content.setdefault((message.title, message.text, message.time), []).append(message.key)
    result = {}
    for keys in by_content.values():
        group = frozenset(keys)
        for key in keys:
            result[key] = group
    return result


FILE_ORDER = {name: rank for rank, name in enumerate(FILES)}


def canonical(keys) -> tuple[str, str]:
    """The copy that stands for all of them: fujian3 first, then the lowest 留言编号."""
    return min(keys, key=lambda k: (FILE_ORDER[k[0]], int(k[1]) if k[1].isdigit() else 0, k[1]))


def unique_pool(messages: list[Message] | None = None, data_dir: Path | None = None) -> list[Message]:
    """The search pool: every message once, copies folded into their canonical message."""
    messages = messages if messages is not None else load_pool(data_dir)
    copies = copies_of(messages)
    return [m for m in messages if canonical(copies[m.key]) == m.key]
