from django.core.management.base import BaseCommand

from minsheng.notifications.services import notifications_retry_due


class Command(BaseCommand):
    help = (
        "重新发送到期重试的短信和电子邮件：发送失败且已过重试间隔的（NOTIFICATION_RETRY_BACKOFF_MINUTES），"
        "以及事务提交后未能发出的待发送消息。每条最多尝试 NOTIFICATION_MAX_ATTEMPTS 次。"
        "请由 cron 每隔几分钟运行一次，例如：*/5 * * * * manage.py notifications_retry"
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="本次最多处理的消息数（默认 500）")

    def handle(self, *args, limit, **options):
        report = notifications_retry_due(limit=limit)
        self.stdout.write(
            f"重试发送：成功 {report.sent} 条，失败 {report.failed} 条，"
            f"其中已停止自动重试 {report.gave_up} 条"
        )
