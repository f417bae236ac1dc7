import time

from django.core.management.base import BaseCommand, CommandError

from minsheng.search.indexing import REBUILD_BATCH_SIZE, indexers, matters_rebuild_all


class Command(BaseCommand):
    help = (
        "重建信访事项的全部派生索引（全文检索、相似事项等）：先清空，再分批重新索引每一件事项。"
        "结果与登记、答复时随时更新的索引相同；升级分词规则后或索引损坏时运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH_SIZE,
            help=f"每批索引的事项数（默认 {REBUILD_BATCH_SIZE}）",
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size 至少为 1")
        names = "、".join(indexer.__name__ for indexer in indexers())
        self.stdout.write(f"重建索引：{names}")
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  已索引 {done:,} / {total:,} 件")

        total = matters_rebuild_all(batch_size=batch_size, progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"完成：共索引 {total:,} 件信访事项，用时 {seconds:.1f} 秒"))
