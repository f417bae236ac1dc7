from django.core.management.base import BaseCommand

from minsheng.proposals.services import proposal_cosign_sweep


class Command(BaseCommand):
    help = "联名提案人逾期未确认的，视为不联名并记录；提案随即转入提案委审查。每日运行一次。"

    def handle(self, *args, **options):
        moved = proposal_cosign_sweep()
        self.stdout.write(f"联名确认期限已过、转入审查的提案：{moved} 件")
