import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from minsheng.policies.models import PolicyDocument
from minsheng.policies.parsing import MalformedPolicy, parse_policy, read_text
from minsheng.policies.services import policy_import


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期“{value}”格式不对，请写成 2022-05-01") from exc


class Command(BaseCommand):
    help = (
        "把一部法规（Markdown 或纯文本）导入政策法规库：第X章、第X节、第X条成为可搜索的条文。"
        "再次导入同名法规会更新条文而不会重复；找不到任何条文的文件会被拒绝，不写入任何内容。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="法规文件路径（UTF-8 编码的 .md 或 .txt）")
        parser.add_argument("--title", help="法规名称；默认取文件第一行的“# 标题”")
        parser.add_argument("--issuer", help="发布机关；默认取题注中“……发布”的机关")
        parser.add_argument("--number", dest="doc_number", help="文号，如“国务院令第431号”")
        parser.add_argument("--issued", help="发布日期，如 2022-02-25")
        parser.add_argument("--effective", help="施行日期，如 2022-05-01；默认取“自……起施行”")
        parser.add_argument(
            "--kind", choices=PolicyDocument.Kind.values, help="类别（默认 regulation：法规）"
        )
        parser.add_argument("--source", help="来源或原文网址")

    def handle(self, *args, file, title, issuer, doc_number, issued, effective, kind, source, **options):
        # Everything is read and checked before anything is written: a bad file changes nothing.
        try:
            parsed = parse_policy(read_text(file))
        except MalformedPolicy as exc:
            raise CommandError(f"{file}：{exc}") from exc
        try:
            report = policy_import(
                parsed=parsed,
                title=title,
                issuer=issuer,
                doc_number=doc_number,
                issued_on=_date(issued) if issued else None,
                effective_on=_date(effective) if effective else None,
                kind=kind,
                source=source,
                source_file=Path(file).name,
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        document = report.document
        verb = "新建" if report.created else "更新"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}《{document.title}》（编号 {document.pk}）：共 {len(parsed.articles)} 条，"
                f"新增 {report.added} 条，修改 {report.updated} 条，未变 {report.unchanged} 条，"
                f"删除 {report.removed} 条"
            )
        )
        chapters = len({article.chapter for article in parsed.articles if article.chapter})
        if chapters:
            self.stdout.write(f"  分 {chapters} 章")
