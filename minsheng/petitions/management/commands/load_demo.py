import logging
import time
import unicodedata

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from minsheng.classify.services import classifier_refresh
from minsheng.legal.demo import legal_demo_load
from minsheng.outreach.demo import build_outreach_demo
from minsheng.petitions.demo import DEFAULT_SEED, DemoError, build_demo
from minsheng.petitions.demo_city import DEMO_PASSWORD, demo_logins
from minsheng.policies.demo import policies_demo_load
from minsheng.portal.demo import portal_demo_load
from minsheng.proposals.demo import proposals_demo_load
from minsheng.reception.demo import reception_demo_load


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


STEP_NAMES = {
    "transfer": "转送",
    "assign": "交办",
    "accept": "受理",
    "reject": "不予受理",
    "reply": "答复",
    "review_request": "申请复查",
    "review": "复查",
    "recheck_request": "申请复核",
    "recheck": "复核",
    "close": "办结",
}


class Command(BaseCommand):
    help = (
        f"建立演示用的怀仁市：机构树、各角色演示账号（统一密码 {DEMO_PASSWORD}）、分类和数百件信访事项。"
        "可重复运行：已存在的机构、账号和事项不会重复创建。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--matters", type=int, default=300, help="生成的信访事项数（默认 300）")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子，相同种子生成相同的数据")
        parser.add_argument(
            "--force",
            action="store_true",
            help="在 DEBUG 关闭（生产）环境中也运行。演示账号使用公开的密码，生产环境不应有这些账号",
        )

    def handle(self, *args, **options):
        # The demo's petitioners are texted at every step (about 1,400 SMS through the log backend): those
        # lines would bury the logins printed at the end. The outbox page (消息发送记录) shows every one.
        sms_log = logging.getLogger("minsheng.notifications")
        level = sms_log.level
        sms_log.setLevel(logging.WARNING)
        try:
            self._load(**options)
        finally:
            sms_log.setLevel(level)

    def _load(self, *, matters, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "当前不是开发环境（DEBUG 关闭）。演示账号的密码是公开的，如确需加载请加 --force"
            )
        if matters < 0:
            raise CommandError("--matters 不能为负数")
        started = time.monotonic()
        try:
            report = build_demo(matters=matters, seed=seed)
        except DemoError as exc:
            raise CommandError(str(exc)) from exc

        self.stdout.write(f"机构：新建 {report.organisations_created} 个")
        created, existing = len(report.users_created), len(report.users_existing)
        self.stdout.write(f"账号：新建 {created} 个，已存在 {existing} 个")
        self.stdout.write(f"分类：新建 {report.categories_created} 个")
        if report.existing_matters:
            self.stdout.write(
                self.style.WARNING(f"已有 {report.existing_matters} 件登记的演示信访事项，本次不再生成事项")
            )
        elif report.matters_created:
            self.stdout.write(
                f"信访事项：新建 {report.matters_created} 件，信访件 {report.submissions_created} 件"
                f"（其中重复信访 {report.repeats_created} 件，集体访 {report.group_visits} 批），"
                f"文本来源：{report.text_source}"
            )
        if report.workflow is not None:
            steps = "，".join(f"{STEP_NAMES.get(k, k)} {v}" for k, v in report.workflow.steps.items())
            self.stdout.write(
                f"办理流程：{steps}（另为各乡镇、部门新建承办人账号 {report.workflow.handlers_created} 个）"
            )
        legal = legal_demo_load()
        self.stdout.write(
            f"律师参与：新建律师 {legal.lawyers_created} 名，值班 {legal.shifts_created} 个，"
            f"法律咨询 {legal.consultations_created} 人次，律师指派 {legal.assignments_created} 项"
        )
        reception = reception_demo_load()
        if not reception.existing:
            self.stdout.write(
                f"领导接访：排班 {reception.days_planned} 天，接访 {reception.sessions} 次，"
                f"接待 {reception.people_received} 人次，现场批示 {reception.instructions} 件，"
                f"包案 {reception.ownerships} 件，约访 {reception.appointments} 件"
            )
        outreach = build_outreach_demo()
        if outreach.activities_created:
            self.stdout.write(
                f"信访宣传：调查问卷 {outreach.questionnaires_created} 份，"
                f"宣传活动 {outreach.activities_created} 次"
            )
        proposals = proposals_demo_load()
        if proposals.created:
            self.stdout.write(
                f"政协提案：届次“二届二次会议”，提案 {proposals.created} 件（待审查、办理中、已办结公开）"
            )
        portal = portal_demo_load()
        policies = policies_demo_load()
        if policies.found and policies.created:
            self.stdout.write(f"政策法规：《{policies.title}》{policies.articles} 条")
        # The intake page suggests categories and units from a model trained on the demo's matters.
        trained = classifier_refresh(force=bool(report.matters_created))
        if trained is not None:
            self.stdout.write(
                f"分类建议模型：已训练（分类样本 {trained.category_examples} 条，"
                f"承办单位样本 {trained.unit_examples} 条）"
            )
        self.stdout.write(self.style.SUCCESS(f"演示数据就绪，用时 {time.monotonic() - started:.1f} 秒"))
        self._logins(existing=report.users_existing)
        if portal is not None:
            self.stdout.write(
                f"网上信访演示（/public/track/）：查询码 {portal.query_code}，密码 {portal.password}"
                "（已答复，可评价、申请复查）"
            )

    def _logins(self, *, existing):
        header = ("角色", "用户名", "密码", "姓名及职务", "所属机构")
        rows = [
            (role, username, DEMO_PASSWORD, person, organisation)
            for role, username, person, organisation in demo_logins()
        ]
        widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
        self.stdout.write("")
        self.stdout.write("演示账号：")
        for row in [header, *rows]:
            cells = (_pad(cell, width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  " + "  ".join(cells).rstrip())
        if existing:
            self.stdout.write(
                f"注意：其中 {len(existing)} 个账号在本次运行前已存在，密码未被改动，如曾修改以修改后的为准。"
            )
