import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from minsheng.notifications.petitioners import petitioner_reminders_send


class Command(BaseCommand):
    help = (
        "给信访人发送提醒短信：请求复查、复核的期限即将届满（NOTIFICATION_WINDOW_REMINDER_DAYS 日内），"
        "以及答复后请其评价（NOTIFICATION_RATING_REMINDER_DAYS 日后）。每日运行一次；重复运行不会重复发送。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按哪一天计算（YYYY-MM-DD，默认今天）")

    def handle(self, *args, date=None, **options):
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError("日期格式应为 YYYY-MM-DD") from exc
        with transaction.atomic():
            count = petitioner_reminders_send(today=today)
        self.stdout.write(f"{today:%Y-%m-%d}：新发提醒短信 {count} 条")
