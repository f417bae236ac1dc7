"""The labelled examples kept in minsheng/classify/labels/, joined to message texts in the shared data.

A label file names messages by 留言编号 only; the texts stay in ../shared/data (they are not ours to copy
into the repository). The part of a label file's name before the first "_" says which message file
its numbers refer to. Columns: 留言编号, and 一级分类 (a top-level category) and/or 承办部门 (a kind of
department, see departments.py); 把握 (确定 / 不确定) and 备注 are kept for people.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from minsheng.petitions.importing import MalformedFile, clean_text, read_messages_file

LABELS_DIR = Path(__file__).resolve().parent / "labels"
MESSAGE_FILES = {
    "testdata2801": "taidi2020C_testdata2801_unlabeled.csv",
    "fujian4": "taidi2020C_fujian4_full_replies.csv",
    "fujian3": "taidi2020C_fujian3_messages.csv",
}


@dataclass(frozen=True)
class LabelledMessage:
    source: str  # label file stem, e.g. testdata2801_part1
    message_id: str
    title: str
    content: str
    category: str  # top-level category name, or ""
    unit: str  # department kind code, or ""
    sure: bool


@dataclass
class LabelFilesReport:
    messages: list[LabelledMessage]
    files: dict[str, int]  # label file → rows read
    missing_texts: int = 0  # labelled numbers not found in the message file
    absent_data: list[str] | None = None  # message files that are not there


def read_label_files(*, shared_data_dir: Path, labels_dir: Path = LABELS_DIR) -> LabelFilesReport:
    report = LabelFilesReport(messages=[], files={}, absent_data=[])
    texts_cache: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(labels_dir.glob("*.csv")):
        prefix = path.stem.split("_", 1)[0]
        message_file = MESSAGE_FILES.get(prefix)
        if message_file is None:
            continue
        if prefix not in texts_cache:
            texts_cache[prefix] = _message_texts(Path(shared_data_dir) / message_file)
        texts = texts_cache[prefix]
        if not texts:
            if message_file not in report.absent_data:
                report.absent_data.append(message_file)
            continue
        rows = 0
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                message_id = (row.get("留言编号") or "").strip()
                category = (row.get("一级分类") or "").strip()
                unit = (row.get("承办部门") or "").strip()
                if not message_id or not (category or unit):
                    continue
                rows += 1
                if message_id not in texts:
                    report.missing_texts += 1
                    continue
                title, content = texts[message_id]
                report.messages.append(
                    LabelledMessage(
                        source=path.stem,
                        message_id=message_id,
                        title=title,
                        content=content,
                        category=category,
                        unit=unit,
                        sure=(row.get("把握") or "确定").strip() != "不确定",
                    )
                )
        report.files[path.name] = rows
    return report


def _message_texts(path: Path) -> dict[str, tuple[str, str]]:
    try:
        records = read_messages_file(path)
    except MalformedFile:
        return {}
    return {
        clean_text(r.get("留言编号")): (clean_text(r.get("留言主题")), clean_text(r.get("留言详情")))
        for r in records
    }
