"""Demo publicity for the demo city: the bureau's questionnaire and a year of activities by the bureau
and two townships, entered through the services. Run after the demo city exists (it uses the demo
accounts dengji, yunzhong_dengji and jinshatan_chengban); a second run adds nothing."""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from minsheng.accounts.models import User

from .models import Activity, ActivityKind, Questionnaire
from .selectors import questions_of
from .services import QuestionEntry, activity_record, questionnaire_create, questionnaire_results_record

QUESTIONNAIRE_TITLE = "《信访工作条例》知晓度调查问卷"
QUESTIONS = (
    QuestionEntry("您是否了解《信访工作条例》？", ["了解", "部分了解", "不了解"]),
    QuestionEntry(
        "您是通过哪些渠道了解信访知识的？", ["宣传展板", "宣传手册", "微信群·QQ 群", "现场讲解"], True
    ),
    QuestionEntry(
        "遇到诉求，您会首先选择哪种方式？", ["依法向有权机关提出", "信访", "诉讼、仲裁等法定途径", "不清楚"]
    ),
    QuestionEntry("您对信访接待工作是否满意？", ["满意", "基本满意", "不满意"]),
)
# (demo username, kind, place, title, materials, questionnaires, consultations, people)
PLAN = (
    (
        "dengji",
        ActivityKind.REGULATIONS_MONTH,
        "群众来访服务中心",
        "《信访工作条例》宣传月启动",
        2000,
        300,
        260,
        180,
    ),
    ("dengji", ActivityKind.DISPLAY_BOARD, "群众来访服务中心", "", 600, 0, 90, 120),
    ("dengji", ActivityKind.LED_SCREEN, "群众来访服务中心", "LED 屏滚动播放条例要点", 0, 0, 0, 0),
    ("dengji", ActivityKind.ON_SITE_QA, "群众来访服务中心", "来访群众现场答疑", 300, 120, 150, 110),
    ("dengji", ActivityKind.BANNER, "市政府广场", "", 0, 0, 40, 60),
    ("yunzhong_dengji", ActivityKind.DOOR_TO_DOOR, "东关村", "条例进村入户", 800, 150, 120, 90),
    ("yunzhong_dengji", ActivityKind.BROCHURES, "北关社区", "", 1200, 100, 60, 70),
    ("yunzhong_dengji", ActivityKind.CHAT_GROUP, "云中镇各村微信群", "微信群推送条例解读", 0, 0, 35, 400),
    ("jinshatan_chengban", ActivityKind.DOOR_TO_DOOR, "大峪村", "", 500, 80, 70, 60),
    ("jinshatan_chengban", ActivityKind.REGULATIONS_MONTH, "金沙滩镇集市", "集市宣传日", 1500, 200, 180, 150),
)


@dataclass
class OutreachDemoReport:
    activities_created: int = 0
    questionnaires_created: int = 0
    skipped: str = ""


def build_outreach_demo(*, today: dt.date | None = None, seed: int = 67) -> OutreachDemoReport:
    report = OutreachDemoReport()
    if Activity.objects.exists():
        report.skipped = "已有宣传活动，不再生成"
        return report
    users = User.objects.in_bulk({row[0] for row in PLAN}, field_name="username")
    if "dengji" not in users:
        report.skipped = "缺少演示账号 dengji，请先建立演示城市"
        return report
    rng = random.Random(seed)
    today = today or timezone.localdate()
    questionnaire = Questionnaire.objects.filter(title=QUESTIONNAIRE_TITLE).first()
    if questionnaire is None:
        questionnaire = questionnaire_create(
            actor=users["dengji"], title=QUESTIONNAIRE_TITLE, questions=list(QUESTIONS)
        )
        report.questionnaires_created += 1
    questions = questions_of(questionnaire)
    # Each planned activity happens every other month over the last year, with figures that vary.
    for month in range(0, 12, 2):
        for username, kind, place, title, materials, collected, consultations, people in PLAN:
            user = users.get(username)
            if user is None:
                continue
            held_on = today - dt.timedelta(days=30 * month + rng.randint(0, 25))
            scale = rng.uniform(0.6, 1.4)
            activity = activity_record(
                actor=user,
                held_on=held_on,
                place=place,
                kind=kind,
                title=title,
                materials_distributed=round(materials * scale),
                questionnaires_collected=round(collected * scale),
                consultations_answered=round(consultations * scale),
                people_reached=round(people * scale),
                questionnaire=questionnaire if collected else None,
            )
            report.activities_created += 1
            if collected:
                questionnaire_results_record(
                    actor=user,
                    activity=activity,
                    counts=_answers(rng, questions, activity.questionnaires_collected),
                )
    return report


def _answers(rng: random.Random, questions, collected: int) -> dict[int, int]:
    """Plausible counts: most people answer every single-choice question, some tick several channels."""
    counts = {}
    for question in questions:
        choices = list(question.choices.all())
        if question.multiple:
            for choice in choices:
                counts[choice.pk] = round(collected * rng.uniform(0.15, 0.7))
            continue
        left = round(collected * rng.uniform(0.9, 1.0))
        weights = [rng.uniform(1, 6) / (i + 1) for i in range(len(choices))]
        for choice, weight in zip(choices, weights, strict=True):
            share = min(left, round(left * weight / sum(weights)) if weight else 0)
            counts[choice.pk] = share
        overflow = sum(counts[c.pk] for c in choices) - collected
        if overflow > 0:
            counts[choices[0].pk] -= overflow
    return counts
