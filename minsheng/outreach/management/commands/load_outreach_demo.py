from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from minsheng.outreach.demo import build_outreach_demo


class Command(BaseCommand):
    help = (
        "为演示城市生成信访宣传数据：信访局的调查问卷，以及信访局、云中镇、金沙滩镇近一年的宣传活动"
        "和问卷结果。可重复运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="在 DEBUG 关闭（生产）环境中也运行")

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("当前不是开发环境（DEBUG 关闭）。如确需加载演示数据请加 --force")
        report = build_outreach_demo()
        if report.skipped:
            self.stdout.write(self.style.WARNING(report.skipped))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"信访宣传：新建调查问卷 {report.questionnaires_created} 份，"
                f"宣传活动 {report.activities_created} 次"
            )
        )
