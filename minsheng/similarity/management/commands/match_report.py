import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from minsheng.similarity.check import RULE_MATCH_THRESHOLD
from minsheng.similarity.decision_report import TOP, match_decisions_report


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from exc


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


class Command(BaseCommand):
    help = (
        "登记查重在实际使用中的效果：按登记员的选择（作为重复信访附加、作为同一事项附加、登记为新事项）统计"
        f"所选事项排在查重结果第 1 位、前 {TOP} 位或未列出的比例，并列出值得复核的登记。最后一行输出 JSON。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", type=_date, help="起始日期（含），YYYY-MM-DD")
        parser.add_argument("--until", type=_date, help="截止日期（含），YYYY-MM-DD")
        parser.add_argument(
            "--strong",
            type=float,
            default=RULE_MATCH_THRESHOLD,
            help=f"首位候选得分达到此值仍登记为新事项的，列为待复核（默认 {RULE_MATCH_THRESHOLD}）",
        )
        parser.add_argument("--list", type=int, default=20, dest="listed", help="每类最多列出几条（默认 20）")

    def handle(self, *args, since, until, strong, listed, **options):
        if since and until and since > until:
            raise CommandError("起始日期不能晚于截止日期")
        if not 0 < strong <= 1:
            raise CommandError("--strong 应在 0 到 1 之间")
        if listed < 0:
            raise CommandError("--list 不能为负数")
        report = match_decisions_report(since=since, until=until, strong=strong, listed=listed)
        figures = report.as_dict()
        write = self.stdout.write
        if not report.total.decisions:
            write("该期间没有登记员的查重选择记录（只有先查重再登记的才会记录）。")
        else:
            # Tab-separated: Chinese headers have no fixed width in a terminal, and rows paste into a sheet.
            write("\t".join(["月份", "选择数", "附加", "新事项", "第1位", f"前{TOP}位", "未列出"]))
            for month, tally in [*sorted(report.by_month.items()), ("合计", report.total)]:
                row = tally.as_dict()
                cells = [row["decisions"], row["attached"], row["new"], _percent(row["precision@1"])]
                cells += [_percent(row[f"recall@{TOP}"]), row["attached_not_shown"]]
                write("\t".join([month, *map(str, cells)]))
            write(
                f"登记为新事项但首位候选得分 ≥ {strong}：{report.total.new_despite_strong} 件"
                "（查重误报，或漏掉了重复信访，值得复核）"
            )
            for title, listing in (
                ("附加到查重未列出的事项（查重漏检）", report.misses),
                ("首位候选得分高却登记为新事项", report.doubtful_new),
            ):
                if listing:
                    write(f"{title}：")
                    for submission_id, number in listing:
                        write(f"  登记 #{submission_id}  事项 {number}")
        write(json.dumps(figures, ensure_ascii=False))
