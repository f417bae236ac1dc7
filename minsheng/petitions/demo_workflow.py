"""Moves the demo's matters along the statutory workflow, so that a new installation shows matters in
every state: waiting to be routed, transferred, accepted, answered, rated, under review or recheck,
final and closed — with deadlines on time, due soon and overdue.

Every step goes through the services with the dates it would have happened on. Only the timeline's
timestamps are moved afterwards, to those same dates: the services stamp events with the real clock,
which is right for real work and would make a demo's two years look like one afternoon.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from minsheng.accounts import services as account_services
from minsheng.accounts.models import Organisation, Role, User

from . import services
from .demo_city import DEMO_PASSWORD, DemoCity
from .importing import MalformedFile, clean_text, read_messages_file
from .models import HandlingNote, Matter, MatterEvent, Nature, Reply, Submission

HANDLER_NAMES = (
    "张建军",
    "王丽娟",
    "李国庆",
    "赵秀英",
    "刘志强",
    "陈春梅",
    "杨海燕",
    "黄卫东",
    "周晓红",
    "吴建平",
    "徐玉兰",
    "孙立新",
    "马俊峰",
    "朱红霞",
    "胡永生",
    "郭海峰",
    "何雪梅",
    "高建华",
    "林秀芳",
    "罗振国",
    "梁晓光",
    "宋桂英",
    "郑文博",
    "谢春生",
    "韩素珍",
)
GENERIC_REPLY = (
    "经我单位调查核实，你反映的问题基本属实。我单位已责成相关责任单位限期整改，并将整改情况向你反馈。"
    "如有其他诉求，可依法通过正当渠道反映。"
)
OUTCOMES = (Reply.Outcome.SUPPORT, Reply.Outcome.EXPLAIN, Reply.Outcome.NOT_SUPPORT)
BASES = (
    "《信访工作条例》第三十二条",
    "《国有土地上房屋征收与补偿条例》第二十五条",
    "《社会救助暂行办法》第九条",
    "《保障农民工工资支付条例》第三条",
    "《物业管理条例》第三十五条",
)


@dataclass
class WorkflowReport:
    handlers_created: int = 0
    steps: dict = field(default_factory=dict)

    def count(self, step: str) -> None:
        self.steps[step] = self.steps.get(step, 0) + 1


def unit_handlers(city: DemoCity) -> tuple[dict[int, User], int]:
    """One handler in each township, department and the discipline organ, so every unit can answer."""
    units = [
        *city.townships,
        *(department for department, _words in city.departments),
        *Organisation.objects.filter(kind=Organisation.Kind.DISCIPLINE, path__startswith=city.city.path),
    ]
    found = {u.organisation_id: u for u in User.objects.filter(role=Role.HANDLER, organisation__in=units)}
    created = 0
    for index, unit in enumerate(units):
        if unit.pk in found:
            continue
        username = f"chengban{unit.pk}"
        found[unit.pk] = User.objects.filter(username=username).first() or account_services.user_create(
            username=username,
            password=DEMO_PASSWORD,
            full_name=HANDLER_NAMES[index % len(HANDLER_NAMES)],
            role=Role.HANDLER,
            organisation=unit,
            title="信访工作人员",
        )
        created += 1
    return found, created


def reply_texts(path) -> list[str]:
    """Official replies from the message board, trimmed to a letter's length; [] without the file."""
    try:
        records = read_messages_file(path)
    except MalformedFile:
        return []
    texts = [clean_text(r.get("答复意见"))[:600] for r in records]
    return [t for t in texts if len(t) > 60]


class WorkflowAdvancer:
    def __init__(self, *, city: DemoCity, rng: random.Random, today: dt.date, replies: list[str]):
        self.city, self.rng, self.today = city, rng, today
        self.replies = replies or [GENERIC_REPLY]
        self.supervisor = User.objects.get(username="duban")
        self.report = WorkflowReport()
        self.handlers, self.report.handlers_created = unit_handlers(city)
        self.discipline = Organisation.objects.filter(
            kind=Organisation.Kind.DISCIPLINE, path__startswith=city.city.path
        ).first()

    def advance_all(self) -> WorkflowReport:
        matters = (
            Matter.objects.filter(
                source=Matter.Source.INTAKE,
                status=Matter.Status.REGISTERED,
                receiving_org__path__startswith=self.city.city.path,
            )
            .select_related("receiving_org", "concerned_org", "concerned_org__parent")
            .order_by("received_at", "pk")
        )
        for matter in matters:
            self.advance(matter)
        self._stamp_intake_events()
        return self.report

    def _stamp_intake_events(self) -> None:
        """Registration events at the time each submission was received, as at a real counter."""
        received = dict(
            Submission.objects.filter(
                matter__receiving_org__path__startswith=self.city.city.path
            ).values_list("pk", "received_at")
        )
        events = MatterEvent.objects.filter(
            kind__in=[MatterEvent.Kind.REGISTERED, MatterEvent.Kind.SUBMISSION_ATTACHED],
            matter__receiving_org__path__startswith=self.city.city.path,
        )
        for event in events:
            at = received.get((event.data or {}).get("submission"))
            if at is not None:
                MatterEvent.objects.filter(pk=event.pk).update(at=at)

    # --- helpers -----------------------------------------------------------------------------------
    def _day(self, start: dt.date, low: int, high: int) -> dt.date | None:
        """A day `low`–`high` days after `start`, or None when that is still in the future."""
        day = start + dt.timedelta(days=self.rng.randint(low, high))
        return day if day <= self.today else None

    def _stamp(self, matter: Matter, day: dt.date) -> None:
        moment = timezone.make_aware(
            dt.datetime.combine(day, dt.time(self.rng.randint(8, 17), self.rng.randint(0, 59)))
        )
        latest = matter.events.order_by("-pk").first()
        MatterEvent.objects.filter(pk=latest.pk).update(at=moment)
        Reply.objects.filter(matter=matter, replied_at__date=timezone.localdate()).update(replied_at=moment)

    def _unit(self, matter: Matter) -> Organisation:
        if matter.nature == Nature.ACCUSATION and self.discipline is not None:
            return self.discipline
        org = matter.concerned_org or self.city.townships[0]
        if org.kind == Organisation.Kind.VILLAGE:
            org = org.parent
        if org.kind not in (Organisation.Kind.TOWNSHIP, Organisation.Kind.DEPARTMENT):
            org = self.city.townships[0]
        return org

    def _opinion(self, matter: Matter) -> dict:
        return {
            "request": matter.demands or f"请求解决{matter.title}",
            "facts_and_reasons": f"经调查核实，{matter.title}一事基本属实，相关情况已查明。",
            "text": self.rng.choice(self.replies),
            "basis": self.rng.choice(BASES),
            "outcome": self.rng.choices(OUTCOMES, weights=(55, 35, 10))[0],
        }

    # --- the path of one matter --------------------------------------------------------------------
    def advance(self, matter: Matter) -> None:
        received = timezone.localtime(matter.received_at).date()
        unit = self._unit(matter)
        if matter.receiving_org.kind == Organisation.Kind.PETITION_BUREAU:
            routed = self._day(received, 1, 9)
            if routed is None or self.rng.random() < 0.04:
                return  # still waiting to be routed; some of these are overdue, as in real life
            kind = "assign" if self.rng.random() < 0.2 else "transfer"
            services.matter_route(
                actor=self.supervisor, matter=matter, kind=kind, to_org=unit, routed_on=routed
            )
            self._stamp(matter, routed)
            self.report.count(kind)
        else:
            routed, unit = received, matter.receiving_org
        handler = self.handlers.get(unit.pk)
        accepted = self._day(routed, 1, 8)
        if handler is None or accepted is None:
            return
        if self.rng.random() < 0.05:
            services.matter_reject(
                actor=handler,
                matter=matter,
                reason="不属于信访事项受理范围，已告知通过其他途径解决。",
                on=accepted,
            )
            self._stamp(matter, accepted)
            self.report.count("reject")
            return
        services.matter_accept(actor=handler, matter=matter, on=accepted)
        self._stamp(matter, accepted)
        self.report.count("accept")
        investigated = self._day(accepted, 2, 12)
        if investigated is not None:
            note = services.handling_note_add(
                actor=handler,
                matter=matter,
                kind="investigation",
                text="到现场走访当事人和有关单位，调取相关材料，核实情况。",
            )
            self._stamp(matter, investigated)
            HandlingNote.objects.filter(pk=note.pk).update(at=matter.events.order_by("-pk").first().at)
        replied = self._day(accepted, 15, 58)
        if replied is None or self.rng.random() < 0.03:
            return  # still being handled; a few have run past their deadline, for the supervisor
        self._reply(matter, handler, replied)

    def _reply(self, matter: Matter, handler: User, served: dt.date) -> None:
        services.matter_reply(actor=handler, matter=matter, served_on=served, **self._opinion(matter))
        self._stamp(matter, served)
        self.report.count("reply")
        value = self.rng.choices(("satisfied", "basically_satisfied", "unsatisfied"), weights=(65, 25, 10))[0]
        rated = self._day(served, 1, 10)
        if rated is not None:
            comment = "认为处理结果未解决实际问题" if value == "unsatisfied" else ""
            services.matter_rate(actor=self.supervisor, matter=matter, value=value, comment=comment)
            self._stamp(matter, rated)
        matter.refresh_from_db()
        requested = self._day(served, 3, 25)
        if requested is not None and requested <= matter.review_request_due_on and self.rng.random() < 0.15:
            self._reconsider(matter, "review", requested)
        else:
            self._close(matter, matter.review_request_due_on)

    def _reconsider(self, matter: Matter, stage: str, requested: dt.date) -> None:
        services.reconsideration_request(
            actor=self.supervisor, matter=matter, stage=stage, requested_on=requested
        )
        self._stamp(matter, requested)
        self.report.count(f"{stage}_request")
        decided = self._day(requested, 10, 28)
        if decided is None:
            return
        opinion = {**self._opinion(matter), "outcome": Reply.Outcome.EXPLAIN}
        services.reconsideration_decide(
            actor=self.supervisor, matter=matter, stage=stage, served_on=decided, **opinion
        )
        self._stamp(matter, decided)
        self.report.count(stage)
        if stage == "recheck":
            return
        matter.refresh_from_db()
        again = self._day(decided, 5, 25)
        if again is not None and again <= matter.recheck_request_due_on and self.rng.random() < 0.3:
            self._reconsider(matter, "recheck", again)
        else:
            self._close(matter, matter.recheck_request_due_on)

    def _close(self, matter: Matter, window_end: dt.date) -> None:
        closed = window_end + dt.timedelta(days=1)
        if closed <= self.today:
            services.matter_close(actor=self.supervisor, matter=matter, on=closed)
            self._stamp(matter, closed)
            self.report.count("close")
