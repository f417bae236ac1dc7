import json
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from minsheng.classify.labelfiles import LABELS_DIR
from minsheng.classify.services import classifier_train


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


class Command(BaseCommand):
    help = (
        "训练分类建议和承办单位建议模型：使用 minsheng/classify/labels 中的标注文件"
        "（留言正文从共享数据目录读取）、系统中工作人员已分类或已转送的事项，以及分类表的名称；输出训练数据和交叉验证的首位/前三命中率。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--shared-data",
            type=Path,
            default=None,
            help=f"共享数据目录（默认 {settings.SHARED_DATA_DIR}）",
        )
        parser.add_argument(
            "--labels", type=Path, default=LABELS_DIR, help=f"标注文件所在目录（默认 {LABELS_DIR}）"
        )
        parser.add_argument("--no-cv", action="store_true", help="不做交叉验证（更快）")
        parser.add_argument(
            "--compare", action="store_true", help="另用交叉验证比较几种模型和参数（较慢，约需数分钟）"
        )

    def handle(self, *args, shared_data, labels, no_cv, compare, **options):
        started = time.monotonic()
        try:
            report = classifier_train(
                shared_data_dir=shared_data, labels_dir=labels, cross_validate=not no_cv, compare=compare
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        for note in report.notes:
            self.stdout.write(self.style.WARNING(note))
        sources = "，".join(f"{k} {v} 条" for k, v in sorted(report.category_sources.items())) or "无"
        self.stdout.write(
            f"分类模型：{report.category_labels} 个一级分类有训练样本；样本来源：{sources}；另加分类表名称"
        )
        units = "，".join(f"{k} {v} 条" for k, v in sorted(report.unit_sources.items())) or "无"
        self.stdout.write(f"承办单位模型：{report.unit_labels} 个单位有训练样本；样本来源：{units}")
        for reason, count in report.skipped.most_common():
            self.stdout.write(f"  跳过 {count} 条：{reason}")
        result = {"weights": report.weights_written, "seconds": round(time.monotonic() - started, 1)}
        cv = report.category_cv
        if cv is not None:
            self.stdout.write(
                f"分类（{cv.model.n} 条，5 折交叉验证）："
                f"模型 首位 {_pct(cv.model.top1)} 前三 {_pct(cv.model.top3)}；"
                f"分类名称二字组基线 首位 {_pct(cv.baseline.top1)} 前三 {_pct(cv.baseline.top3)}"
            )
            self.stdout.write(f"  各分类首位命中率的平均（不论各分类样本多少）：{_pct(cv.per_label_top1)}")
            if cv.sure is not None:
                self.stdout.write(
                    f"  其中标为“确定”的 {cv.sure.n} 条：首位 {_pct(cv.sure.top1)} 前三 {_pct(cv.sure.top3)}"
                )
            for source, acc in sorted(cv.by_source.items()):
                self.stdout.write(
                    f"  来源 {source}（{acc.n} 条）：首位 {_pct(acc.top1)} 前三 {_pct(acc.top3)}"
                )
            result["category_cv"] = {**cv.model.as_dict(), "per_label_top1": round(cv.per_label_top1, 4)}
            result["category_baseline_cv"] = cv.baseline.as_dict()
            if cv.sure is not None:
                result["category_cv_sure"] = cv.sure.as_dict()
        if report.unit_cv is not None:
            ucv = report.unit_cv.model
            self.stdout.write(
                f"承办单位（{ucv.n} 条，只看正文，5 折交叉验证）：首位 {_pct(ucv.top1)} 前三 {_pct(ucv.top3)}"
            )
            result["unit_cv"] = ucv.as_dict()
        if report.comparison:
            self.stdout.write("模型比较（同样的 5 折）：")
            for name, cv in report.comparison:
                self.stdout.write(
                    f"  {name}：首位 {_pct(cv.model.top1)} 前三 {_pct(cv.model.top3)}，"
                    f"各分类平均首位 {_pct(cv.per_label_top1)}"
                )
            result["comparison"] = {
                name: {**cv.model.as_dict(), "per_label_top1": round(cv.per_label_top1, 4)}
                for name, cv in report.comparison
            }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"模型已更新，写入权重 {report.weights_written} 行"))
