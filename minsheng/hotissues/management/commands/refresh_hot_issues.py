import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from minsheng.hotissues.forms import DEFAULT_DAYS
from minsheng.hotissues.services import hot_issues_refresh


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式不正确：{value!r}，例如 2026-11-26") from exc


class Command(BaseCommand):
    help = (
        f"分析一段期间（默认最近 {DEFAULT_DAYS} 天）收到的信访事项，找出热点问题并保存，"
        "替换同一期间的上次分析。可以每天运行一次。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", metavar="DATE", help="起始日期，例如 2026-09-01")
        parser.add_argument("--to", dest="end", metavar="DATE", help="截止日期（含），默认今天")
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help="未给 --from 时向前统计的天数")

    def handle(self, *args, start, end, days, **options):
        end = _date(end) if end else timezone.localdate()
        if days < 1:
            raise CommandError("--days 应至少为 1")
        start = _date(start) if start else end - dt.timedelta(days=days - 1)
        try:
            analysis = hot_issues_refresh(start=start, end=end)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{start} 至 {end}：{analysis.matter_count} 件事项，热点问题 {analysis.issue_count} 个，"
                f"用时 {analysis.seconds:.1f} 秒"
            )
        )
        for issue in analysis.issues.order_by("-size", "pk")[:10]:
            self.stdout.write(f"  {issue.size:4d} 件  {issue.label}")
