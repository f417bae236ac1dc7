import json
import unicodedata
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from minsheng.classify.evaluation import evaluate, read_labelled_file
from minsheng.petitions.importing import MalformedFile

DEFAULT_LABEL_COLUMN = "一级标签"
# The contest's other files call the same column 一级分类.
FALLBACK_LABEL_COLUMN = "一级分类"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


class Command(BaseCommand):
    help = (
        "在带标签的留言文件（CSV 或 XLSX，列：留言主题、留言详情、一级标签）上评估分类建议："
        "同时给出当前模型和分类名称二字组基线的首位、前三命中率（一行 JSON 和一张表）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--label-column", default=DEFAULT_LABEL_COLUMN, help="标签列名（默认 一级标签）")
        parser.add_argument(
            "--all-labels",
            action="store_true",
            help="在系统的全部一级分类中排序（默认只在文件出现的分类中排序，模型和基线相同）",
        )

    def handle(self, *args, file, label_column, all_labels, **options):
        try:
            try:
                records = read_labelled_file(file, label_column=label_column)
            except MalformedFile as first:
                if label_column != DEFAULT_LABEL_COLUMN:
                    raise
                try:
                    records = read_labelled_file(file, label_column=FALLBACK_LABEL_COLUMN)
                except MalformedFile:
                    raise first from None
            result = evaluate(records=records, restrict_to_file_labels=not all_labels)
        except MalformedFile as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps({"file": str(file), **result.as_dict()}, ensure_ascii=False))
        header = ("", "行数", "首位命中率", "前三命中率")
        rows = [
            (
                "模型" if result.trained else "模型（未训练，仅分类表）",
                str(result.model.n),
                f"{100 * result.model.top1:.1f}%",
                f"{100 * result.model.top3:.1f}%",
            ),
            (
                "分类名称二字组基线",
                str(result.baseline.n),
                f"{100 * result.baseline.top1:.1f}%",
                f"{100 * result.baseline.top3:.1f}%",
            ),
        ]
        self._table(header, rows)
        self.stdout.write("")
        self._table(
            ("一级分类", "行数", "模型首位", "基线首位"),
            [
                (name, str(n), f"{100 * m:.1f}%", f"{100 * b:.1f}%")
                for name, (n, m, b) in result.per_label.items()
            ],
        )
        for reason, count in result.skipped.most_common():
            self.stdout.write(f"跳过 {count} 行：{reason}")

    def _table(self, header, rows):
        widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            self.stdout.write("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
