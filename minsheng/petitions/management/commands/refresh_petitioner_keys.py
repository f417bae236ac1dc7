from django.core.management.base import BaseCommand

from minsheng.petitions.services.petitioners import petitioners_refresh_match_keys


class Command(BaseCommand):
    help = (
        "重算所有信访人用于登记时查找的姓名、拼音和住址索引键。"
        "升级 pypinyin 或修改 petitions/matching.py 后运行；可重复运行，只改动需要更新的记录。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000, help="每批处理的记录数（默认 1000）")

    def handle(self, *args, batch_size, **options):
        changed = petitioners_refresh_match_keys(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"已更新 {changed} 名信访人的查找索引键"))
