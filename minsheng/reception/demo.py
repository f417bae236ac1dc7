"""Demo data for leaders' reception and instructions, on top of the demo city of `manage.py load_demo`.

Written through the services, in one transaction, relative to today: this month's rota (the days gone
by held, with the visitors registered at the bureau's desk on those days received by the leader on
duty), two field visits, instructions given on the spot with some of the units' feedback, case
ownership of a few open matters and two appointments. Run once: a database that already has reception
days is left as it is.
"""

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role, User
from minsheng.calendars.selectors import work_calendar
from minsheng.instructions.models import InstructionTask
from minsheng.instructions.permissions import UNIT_KINDS
from minsheng.instructions.services import (
    InstructionDraft,
    instruction_task_close,
    instruction_task_feedback,
)
from minsheng.petitions.models import Channel, Matter, Nature, Submission
from minsheng.petitions.services import PetitionerEntry

from . import services
from .models import Appointment, Kind, Outcome, ReceptionDay

OUTCOMES = (Outcome.ANSWERED, Outcome.SOLVED, Outcome.ANSWERED, Outcome.INSTRUCTED)
ANSWERS = {
    Outcome.ANSWERED: "领导当场听取诉求，解释了相关政策和办理程序，信访人表示理解。",
    Outcome.SOLVED: "领导现场协调相关单位负责人，当场明确解决办法和时限。",
    Outcome.INSTRUCTED: "领导听取情况后作出批示，要求责任单位限期办理并反馈。",
}
INSTRUCTION_TEXT = "请{unit}认真核实信访人反映的问题，依法依规妥善处理，于期限内将办理情况书面反馈市信访局。"
FEEDBACK_TEXT = "已按批示要求组织人员核实，与信访人当面沟通，问题已落实整改，信访人表示满意。"
OPEN_STATUSES = (Matter.Status.ASSIGNED, Matter.Status.TRANSFERRED, Matter.Status.ACCEPTED)
MAX_RECEIVED_PER_DAY = 2
SEED = 2026


@dataclass
class ReceptionDemoReport:
    existing: bool = False
    days_planned: int = 0
    sessions: int = 0
    people_received: int = 0
    instructions: int = 0
    ownerships: int = 0
    appointments: int = 0


def _user(username: str, role: str) -> User | None:
    return (
        User.objects.filter(username=username, role=role, is_active=True)
        .select_related("organisation")
        .first()
    )


@transaction.atomic
def reception_demo_load(*, now: dt.datetime | None = None) -> ReceptionDemoReport:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    report = ReceptionDemoReport()
    if ReceptionDay.objects.exists():
        report.existing = True
        return report
    supervisor, registrar = _user("duban", Role.SUPERVISOR), _user("dengji", Role.REGISTRAR)
    leaders = list(
        User.objects.filter(role=Role.LEADER, is_active=True, organisation__kind=Organisation.Kind.LEADERSHIP)
        .select_related("organisation")
        .order_by("organisation__sort_order", "organisation__path", "pk")
    )
    if supervisor is None or registrar is None or not leaders:
        return report
    bureau = supervisor.organisation

    month_start = today.replace(day=1)
    rota = services.reception_rota_generate(
        actor=supervisor, year=today.year, month=today.month, leaders=leaders, today=month_start
    )
    report.days_planned = len(rota.created)
    report.days_planned += _field_visits(supervisor, leaders, today)
    visitors = _Visitors(random.Random(SEED))
    outcomes = itertools.cycle(OUTCOMES)
    held = ReceptionDay.objects.filter(kind=Kind.CENTRE, date__lt=today, organisation=bureau)
    for day in held.order_by("date"):
        session = services.reception_session_record(actor=registrar, day=day, notes="接访秩序良好。")
        report.sessions += 1
        _receive(report, registrar, session, outcomes, visitors)
    _follow_up(today)
    report.ownerships = _own(supervisor, leaders)
    report.appointments = _appoint(registrar, leaders, now)
    return report


def _field_visits(supervisor, leaders, today) -> int:
    townships = list(
        Organisation.objects.filter(kind=Organisation.Kind.TOWNSHIP, is_active=True).order_by("path")[:2]
    )
    work = work_calendar()
    planned = 0
    day = today + dt.timedelta(days=3)
    for township in townships:
        while not work.is_working_day(day):
            day += dt.timedelta(days=1)
        busy = set(ReceptionDay.objects.filter(date=day).values_list("leader_id", flat=True))
        leader = next((leader for leader in reversed(leaders) if leader.pk not in busy), None)
        if leader is not None:
            services.reception_day_plan(
                actor=supervisor,
                kind=Kind.FIELD_VISIT,
                leader=leader,
                date=day,
                organisation=township,
                place=f"{township.name}便民服务中心",
                starts_at=dt.time(14, 30),
                ends_at=dt.time(17, 30),
            )
            planned += 1
        day += dt.timedelta(days=7)
    return planned


class _Visitors:
    """Petitioners coming back to see the leader about their matter on days when nobody registered at
    the desk was received: a repeat visit on an existing matter, so the demo's matters stay as built."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[int] = set()

    def register(self, *, registrar, session, outcome, instruction_for):
        start = timezone.make_aware(dt.datetime.combine(session.held_on, dt.time.min))
        candidates = list(
            Matter.objects.filter(received_at__lt=start, submissions__petitioners__isnull=False)
            .exclude(nature=Nature.ACCUSATION)
            .exclude(pk__in=self.used)
            .select_related("handling_org", "concerned_org")
            .distinct()
            .order_by("-received_at", "pk")[:20]
        )
        if not candidates:
            return None
        matter = self.rng.choice(candidates)
        self.used.add(matter.pk)
        petitioner = (
            matter.submissions.order_by("received_at", "pk").first().petitioners.order_by("pk").first()
        )
        head_count = self.rng.choice((1, 1, 1, 2, 2, 3, 6))
        unit = _unit_for(matter)
        if outcome == Outcome.INSTRUCTED and unit is None:
            outcome = Outcome.ANSWERED
        return services.reception_entry_register(
            actor=registrar,
            session=session,
            petitioners=[PetitionerEntry(petitioner_id=petitioner.pk, is_representative=head_count >= 5)],
            head_count=head_count,
            title=f"再次反映：{matter.title}"[:200],
            content=matter.content,
            demands=matter.demands or "请求领导协调解决。",
            matter=matter,
            received_at=timezone.make_aware(dt.datetime.combine(session.held_on, dt.time(10, 0))),
            outcome=outcome,
            outcome_note=ANSWERS[outcome],
            instruction=instruction_for(unit) if outcome == Outcome.INSTRUCTED else None,
        )


def _receive(report: ReceptionDemoReport, registrar, session, outcomes, visitors: _Visitors) -> None:
    start = timezone.make_aware(dt.datetime.combine(session.held_on, dt.time.min))
    visits = list(
        Submission.objects.filter(
            channel=Channel.VISIT,
            received_at__gte=start,
            received_at__lt=start + dt.timedelta(days=1),
            receiving_org=session.organisation,
            reception_entry__isnull=True,
        )
        .exclude(matter__nature=Nature.ACCUSATION)
        .select_related("matter", "matter__handling_org", "matter__concerned_org")
        .order_by("received_at", "pk")[:MAX_RECEIVED_PER_DAY]
    )
    for visit in visits:
        outcome = next(outcomes)
        unit = _unit_for(visit.matter)
        if outcome == Outcome.INSTRUCTED and unit is None:
            outcome = Outcome.ANSWERED
        draft = None
        if outcome == Outcome.INSTRUCTED:
            draft = InstructionDraft(
                text=INSTRUCTION_TEXT.format(unit=unit.name),
                units=[unit],
                due_on=session.held_on + dt.timedelta(days=15),
            )
            report.instructions += 1
        services.reception_entry_attach(
            actor=registrar,
            session=session,
            matter=visit.matter,
            outcome=outcome,
            outcome_note=ANSWERS[outcome],
            instruction=draft,
        )
        report.people_received += visit.head_count
    if not visits and session.held_on.day % 2 == 0:

        def instruction_for(unit):
            report.instructions += 1
            return InstructionDraft(
                text=INSTRUCTION_TEXT.format(unit=unit.name),
                units=[unit],
                due_on=session.held_on + dt.timedelta(days=15),
            )

        entry = visitors.register(
            registrar=registrar,
            session=session,
            outcome=next(outcomes),
            instruction_for=instruction_for,
        )
        if entry is not None:
            report.people_received += entry.submission.head_count


def _unit_for(matter: Matter) -> Organisation | None:
    for org in (matter.handling_org, matter.concerned_org):
        if (
            org is not None
            and org.is_active
            and org.kind in UNIT_KINDS
            and org.kind != Organisation.Kind.PETITION_BUREAU
        ):
            return org
    return None


def _follow_up(today) -> None:
    """Units answer the instructions older than a week; the bureau closes every other one."""
    supervisor = _user("duban", Role.SUPERVISOR)
    tasks = InstructionTask.objects.filter(
        instruction__issued_on__lte=today - dt.timedelta(days=7)
    ).select_related("instruction", "organisation")
    for index, task in enumerate(tasks.order_by("instruction__issued_on", "pk")):
        handler = User.objects.filter(
            organisation=task.organisation, role=Role.HANDLER, is_active=True
        ).first()
        if handler is None:
            continue
        on = min(today, task.instruction.issued_on + dt.timedelta(days=5))
        instruction_task_feedback(actor=handler, task=task, feedback=FEEDBACK_TEXT, on=on)
        if index % 2 == 0:
            instruction_task_close(actor=supervisor, task=task, note="反馈属实，同意办结。", on=on)


def _own(supervisor, leaders) -> int:
    matters = (
        Matter.objects.filter(status__in=OPEN_STATUSES)
        .exclude(nature=Nature.ACCUSATION)
        .order_by("received_at", "pk")[:3]
    )
    for matter, leader in zip(matters, itertools.cycle(leaders), strict=False):
        services.case_ownership_assign(
            actor=supervisor,
            matter=matter,
            leader=leader,
            note="案情复杂，请领导包案，跟踪问效直至问题解决。",
        )
    return len(matters)


def _appoint(registrar, leaders, now) -> int:
    matters = list(
        Matter.objects.filter(
            status__in=OPEN_STATUSES, ownerships__isnull=False, ownerships__released_on__isnull=True
        ).order_by("pk")[:2]
    )
    for days, matter in enumerate(matters, start=2):
        owner = matter.ownerships.get(released_on__isnull=True).leader
        appointment = services.appointment_invite(
            actor=registrar,
            matter=matter,
            leader=owner if owner in leaders else leaders[0],
            proposed_at=timezone.localtime(now).replace(hour=9, minute=30, second=0, microsecond=0)
            + dt.timedelta(days=days),
            place="群众来访服务中心约访室",
            invited_by=Appointment.InvitedBy.PHONE,
        )
        if days == 2:
            services.appointment_schedule(
                actor=registrar, appointment=appointment, proposed_at=appointment.proposed_at
            )
    return len(matters)
