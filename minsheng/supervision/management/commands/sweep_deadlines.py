import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from minsheng.supervision.services import deadlines_sweep


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式不正确：{value}，例如 2026-11-26") from exc


class Command(BaseCommand):
    help = (
        "发送临期、超期提醒，为超期事项发起督办，并将复查、复核请求期限届满的事项办结。每天运行一次；"
        "同一期限的提醒和督办只发一次，重复运行不会重复发送。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=str, default="", help="按这一天运行（YYYY-MM-DD），默认为今天")

    def handle(self, *args, today: str = "", **options):
        day = _day(today) if today else timezone.localdate()
        report = deadlines_sweep(today=day)
        self.stdout.write(
            self.style.SUCCESS(
                f"{day:%Y-%m-%d}：检查 {report.matters} 件有期限的事项，"
                f"新增提醒 {report.reminders} 条，新开督办 {report.items_opened} 件，"
                f"请求期限届满办结 {report.closed} 件"
            )
        )
