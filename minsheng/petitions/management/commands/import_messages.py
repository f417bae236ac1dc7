import zipfile
import zlib
from collections import Counter
from xml.etree.ElementTree import ParseError

from django.core.management.base import BaseCommand, CommandError

from minsheng.accounts.models import Organisation
from minsheng.petitions import services
from minsheng.petitions.importing import MalformedFile, read_messages_file

# A damaged or fake .xlsx fails inside openpyxl with these, which read_messages_file does not turn
# into MalformedFile; reading has written nothing, so they are reported like any malformed file.
DAMAGED_XLSX_ERRORS = (zipfile.BadZipFile, zlib.error, ParseError)


class Command(BaseCommand):
    help = (
        "导入历史留言及其答复（CSV 或 XLSX，列：留言编号、留言用户、留言主题、留言时间、留言详情、答复意见、"
        "答复时间），有答复的导入为已办结事项。已导入过的留言编号会跳过，可以重复运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="留言文件路径（.csv 或 .xlsx）")
        parser.add_argument(
            "--organisation",
            metavar="ORG_ID_OR_NAME",
            help="登记和答复单位的编号或名称；默认为第一个启用的信访局",
        )

    def handle(self, *args, file, organisation, **options):
        target = self._organisation(organisation)
        # Read and check the whole file first: a malformed file must leave the database untouched.
        try:
            records = read_messages_file(file)
        except MalformedFile as exc:
            raise CommandError(str(exc)) from exc
        except DAMAGED_XLSX_ERRORS as exc:
            raise CommandError(f"无法读取 Excel 文件：文件已损坏或不是 .xlsx 格式（{exc}）") from exc
        report = services.messages_import(records=records, organisation=target, actor=None)

        self.stdout.write(self.style.SUCCESS(f"导入 {report.imported} 条，跳过 {report.skipped_count} 条"))
        # A reason may end in the offending value after "："; grouping by what precedes it keeps it short.
        reasons = Counter(reason.split("：")[0] for _line, _id, reason in report.skipped)
        for reason, count in reasons.most_common():
            self.stdout.write(f"  {reason}：{count}")
        if options["verbosity"] >= 2:
            for line, external_id, reason in report.skipped:
                self.stdout.write(f"  第 {line} 行  留言编号 {external_id or '（空）'}  {reason}")

    def _organisation(self, wanted: str | None) -> Organisation:
        if not wanted:
            bureau = (
                Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU, is_active=True)
                .order_by("path", "pk")
                .first()
            )
            if bureau is None:
                raise CommandError(
                    "系统中还没有启用的信访局：请先建立机构（或运行 load_demo），或用 --organisation 指定单位"
                )
            return bureau
        wanted = wanted.strip()
        if wanted.isdigit():
            matches = list(Organisation.objects.filter(pk=int(wanted)))
        else:
            matches = list(Organisation.objects.filter(name=wanted)) or list(
                Organisation.objects.filter(short_name=wanted)
            )
        if not matches:
            raise CommandError(f"找不到单位“{wanted}”，请填写单位编号或完整名称")
        if len(matches) > 1:
            ids = "、".join(f"{o.pk}（{o.parent or '顶级'}）" for o in matches)
            raise CommandError(f"名称“{wanted}”对应多个单位，请改用编号：{ids}")
        if not matches[0].is_active:
            raise CommandError(f"单位“{matches[0].name}”已停用，不能作为导入单位")
        return matches[0]
