"""Measuring the category suggestion on a labelled file of board messages (`evaluate_classifier`).

The file has the message board's columns — 留言主题, 留言详情 and a label column such as 一级标签
(Teddy Cup 2020 C, 附件2); 留言编号, 留言用户, 留言时间 may be there and are not needed. The trained
model and the taxonomy-bigram baseline are measured in the same run, on the same rows.
"""

import csv
import io
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from minsheng.petitions.importing import MalformedFile, clean_text

from .features import name_features
from .learning import Accuracy, accuracy, ranked
from .scoring import baseline_scores
from .selectors import category_model, taxonomy_names, top_categories

TEXT_COLUMNS = ("留言主题", "留言详情")


@dataclass
class Evaluation:
    rows: int
    model: Accuracy
    baseline: Accuracy
    trained: bool
    labels: list[str]  # the category names the file uses (the rankings are over these)
    skipped: Counter = field(default_factory=Counter)
    per_label: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # name → n, model, baseline

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "model": self.model.as_dict(),
            "baseline": self.baseline.as_dict(),
            "trained_model": self.trained,
            "labels": self.labels,
            "skipped": dict(self.skipped),
        }


def read_labelled_file(path: Path, *, label_column: str) -> list[tuple[str, str, str]]:
    """(title, content, label) of each row; MalformedFile when the file cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise MalformedFile(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header, rows = _csv_rows(path)
    elif suffix == ".xlsx":
        header, rows = _xlsx_rows(path)
    else:
        raise MalformedFile("只支持 .csv 或 .xlsx 文件")
    header = [clean_text(h) for h in header]
    missing = [c for c in (*TEXT_COLUMNS, label_column) if c not in header]
    if missing:
        raise MalformedFile(f"文件缺少必需的列：{'、'.join(missing)}（第一行应为列名）")
    title_at, content_at, label_at = (header.index(c) for c in (*TEXT_COLUMNS, label_column))
    records = []
    for row in rows:
        row = list(row) + [None] * (len(header) - len(row))
        records.append((clean_text(row[title_at]), clean_text(row[content_at]), clean_text(row[label_at])))
    return records


def _csv_rows(path: Path):
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise MalformedFile("无法识别文件编码（应为 UTF-8 或 GB18030）")
    try:
        # Exports from Excel in China are often tab-separated under a .csv name.
        dialect = (
            csv.excel_tab
            if "\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0]
            else csv.excel
        )
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=True))
    except csv.Error as exc:
        raise MalformedFile(f"CSV 格式错误：{exc}") from exc
    if not rows:
        raise MalformedFile("文件是空的")
    return rows[0], [r for r in rows[1:] if any((c or "").strip() for c in r)]


def _xlsx_rows(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    damaged = (
        InvalidFileException,
        OSError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        ParseError,
        zlib.error,
    )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    except damaged as exc:
        raise MalformedFile(f"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）：{exc}") from exc
    except IndexError as exc:
        raise MalformedFile("Excel 文件中没有工作表") from exc
    if not rows:
        raise MalformedFile("工作表是空的")
    return [c if c is not None else "" for c in rows[0]], [
        r for r in rows[1:] if any(c not in (None, "") for c in r)
    ]


def evaluate(*, records: list[tuple[str, str, str]], restrict_to_file_labels: bool = True) -> Evaluation:
    """Top-1 / top-3 of the model in use and of the baseline. With `restrict_to_file_labels` both rank
    only the categories the file uses (a test set of seven categories is a seven-way task)."""
    tops = {c.name: str(c.pk) for c in top_categories()}
    skipped: Counter = Counter()
    usable = []
    for title, content, label in records:
        if not label:
            skipped["没有标签"] += 1
        elif label not in tops:
            skipped[f"“{label}”不是系统中的一级分类"] += 1
        elif not (title or content):
            skipped["主题和详情都为空"] += 1
        else:
            usable.append((title, content, tops[label]))
    if not usable:
        raise MalformedFile("文件中没有可用的行（需要主题或详情，以及系统中存在的一级分类）")
    file_labels = sorted({label for _, _, label in usable}, key=int)
    candidates = file_labels if restrict_to_file_labels else list(tops.values())
    names = taxonomy_names()
    bags = {label: set(name_features(names.get(label, []))) for label in candidates}
    model, trained = category_model()
    pairs, base_pairs = [], []
    for title, content, truth in usable:
        features = model.features(title=title, content=content)
        pairs.append((ranked(model.scores(features, labels=candidates)), truth))
        base_pairs.append((ranked(baseline_scores(text=f"{title}\n{content}", names=bags)), truth))
    name_of = {pk: name for name, pk in tops.items()}
    per_label = {}
    for label in file_labels:
        mine = [p for p in pairs if p[1] == label]
        theirs = [p for p in base_pairs if p[1] == label]
        per_label[name_of[label]] = (len(mine), accuracy(mine).top1, accuracy(theirs).top1)
    return Evaluation(
        rows=len(usable),
        model=accuracy(pairs),
        baseline=accuracy(base_pairs),
        trained=trained,
        labels=[name_of[label] for label in file_labels],
        skipped=skipped,
        per_label=per_label,
    )
