"""The daily deadline sweep: reminders, and the supervision items it opens.

Overdue / due soon is derived from the deadline columns whenever a list is read; the sweep only
sends the reminders and opens the items, and running it again sends and opens nothing twice."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery

from minsheng.accounts.models import Organisation, Role, User
from minsheng.instructions.selectors import instruction_tasks_overdue
from minsheng.meetings.selectors import meeting_tasks_overdue
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue
from minsheng.petitions.models import Matter, Nature, Reconsideration
from minsheng.petitions.permissions import ACCUSATION_ORG_KINDS

from ..models import DEADLINE_KIND_LABELS, SupervisionItem, SupervisionNotice
from ..notify import unit_notify
from .items import supervision_item_open

Kind = SupervisionItem.Kind


# --- The daily sweep ------------------------------------------------------------------------------

SOON, OVERDUE = "soon", "overdue"
# Matters whose workflow has ended keep no deadline worth a reminder.
ENDED = (Matter.Status.FINAL, Matter.Status.CLOSED, Matter.Status.REJECTED, Matter.Status.DIVERTED)
UNIT_ROLES = (Role.HANDLER, Role.SUPERVISOR)
BUREAU_ROLES = (Role.SUPERVISOR,)
# Upper levels with no staff of their own in the system; the bureau records their steps for them.
BUREAU_ACTS_FOR = (Organisation.Kind.CITY, Organisation.Kind.LEADERSHIP, Organisation.Kind.PETITION_BUREAU)


@dataclass
class SweepReport:
    matters: int = 0
    reminders: int = 0
    items_opened: int = 0
    closed: int = 0


@dataclass(frozen=True)
class _Responsible:
    organisation_id: int | None
    roles: tuple[str, ...]


def deadlines_sweep(*, today: dt.date) -> SweepReport:
    """Remind the unit responsible for each current deadline once when it comes within
    DEADLINE_DUE_SOON_DAYS days (on a daily run: exactly that many days before) and once when it has
    passed (on a daily run: the first day overdue), in-app and by SMS and e-mail where the user has a
    number or address; open a supervision item for each overdue matter, instruction task and meeting
    task (telling the task's unit once); remind a unit once when the feedback a notice requires is overdue.

    Each matter is its own transaction, so the messages of the matters done are sent (on commit) even
    if a later one fails; a missed day is caught up on the next run, and the dedupe keys make every
    run after the first a no-op for what was already done."""
    report = SweepReport()
    staff = _staff_by_organisation()
    bureaus = _bureaus()
    last_soon_day = today + dt.timedelta(days=settings.DEADLINE_DUE_SOON_DAYS)
    current_case = Reconsideration.objects.filter(matter=OuterRef("pk"), stage=OuterRef("due_kind"))
    matters = (
        Matter.objects.filter(due_on__isnull=False, due_on__lte=last_soon_day)
        .exclude(status__in=ENDED)
        .annotate(
            case_org_id=Subquery(current_case.values("organisation_id")[:1]),
            case_org_kind=Subquery(current_case.values("organisation__kind")[:1]),
        )
        .select_related("receiving_org", "handling_org")
        .order_by("due_on", "pk")
    )
    for matter in matters.iterator(chunk_size=500):
        report.matters += 1
        phase = OVERDUE if matter.due_on < today else SOON
        responsible = _responsible(matter, bureaus)
        recipients = [u for u in staff.get(responsible.organisation_id, ()) if u.role in responsible.roles]
        with transaction.atomic():
            report.reminders += _remind(matter, phase=phase, recipients=recipients, today=today)
            if phase == OVERDUE:
                _item, created = supervision_item_open(
                    matter=matter,
                    kind=Kind.OVERDUE,
                    deadline_kind=matter.due_kind,
                    due_on=matter.due_on,
                    organisation=responsible.organisation_id,
                    note=f"{_label(matter)}期限 {matter.due_on:%Y-%m-%d} 已届满",
                    on=today,
                )
                report.items_opened += created
    _sweep_instruction_tasks(report, today)
    _sweep_meeting_tasks(report, today)
    report.reminders += _remind_feedback_overdue(today)
    report.closed = _close_lapsed(today)
    return report


def _sweep_meeting_tasks(report: SweepReport, today: dt.date) -> None:
    for task in meeting_tasks_overdue(today=today).iterator(chunk_size=500):
        due = f"{task.due_on:%Y-%m-%d}"
        _open_task_item(
            report,
            today,
            subject={"meeting_task": task},
            deadline_kind="meeting_task",
            task=task,
            note=f"{task.meeting.label}决定事项第 {task.position} 项，完成期限 {due} 已届满",
            what=f"{task.meeting.label}决定由你单位办理的“{task.decision[:100]}”",
            outside="联席会议决定由你单位办理的事项",
            also=[task.assignee],
        )


def _sweep_instruction_tasks(report: SweepReport, today: dt.date) -> None:
    for task in instruction_tasks_overdue(today=today).iterator(chunk_size=500):
        instruction = task.instruction
        due = f"{task.due_on:%Y-%m-%d}"
        _open_task_item(
            report,
            today,
            subject={"instruction_task": task},
            deadline_kind="instruction_task",
            task=task,
            note=f"领导批示 {instruction.number} 办理期限 {due} 已届满",
            what=f"领导批示 {instruction.number} 由你单位办理的任务",
            outside=f"领导批示 {instruction.number} 由你单位办理的任务",
        )


def _open_task_item(report, today, *, subject, deadline_kind, task, note, what, outside, also=()) -> None:
    """Open the item of one overdue task and tell its unit once, in the task's own transaction."""
    due = f"{task.due_on:%Y-%m-%d}"
    with transaction.atomic():
        _item, created = supervision_item_open(
            **subject,
            kind=Kind.OVERDUE,
            deadline_kind=deadline_kind,
            due_on=task.due_on,
            organisation=task.organisation_id,
            note=note,
            on=today,
        )
        report.items_opened += created
        if not created:
            return  # told when the item was opened
        report.reminders += unit_notify(
            organisation_id=task.organisation_id,
            key=f"{deadline_kind}:{task.pk}:overdue:{due}",
            subject=f"超期提醒：{DEADLINE_KIND_LABELS[deadline_kind]} {due} 到期",
            body=f"{what}期限为 {due}，已超期，已列入督办。请尽快办理并反馈。",
            outside_body=f"【民声】{outside}期限为 {due}，已超期，已列入督办。请登录系统办理并反馈。",
            also=also,
        )


def _remind_feedback_overdue(today: dt.date) -> int:
    """Once per notice, the day after its feedback date has passed without feedback."""
    waiting = (
        SupervisionNotice.objects.filter(
            status=SupervisionNotice.Status.AWAITING, feedback_due_on__lt=today, item__closed_on__isnull=True
        )
        .select_related("item", "item__matter")
        .order_by("feedback_due_on", "pk")
    )
    queued = 0
    for notice in waiting.iterator(chunk_size=500):
        due = f"{notice.feedback_due_on:%Y-%m-%d}"
        with transaction.atomic():
            queued += unit_notify(
                organisation_id=notice.addressee_id,
                key=f"supervision_notice:{notice.pk}:feedback_overdue",
                subject=f"督办反馈逾期：{notice.number}",
                body=f"督办通知书 {notice.number} 要求于 {due} 前书面反馈，至今未收到反馈。请立即反馈。",
                outside_body=f"【民声】督办通知书 {notice.number} 要求于 {due} 前书面反馈，至今未收到。"
                "请登录系统立即反馈。",
                matter=notice.item.matter,
            )
    return queued


def _close_lapsed(today: dt.date) -> int:
    """Close replied and reviewed matters whose petitioner let the window for review or recheck pass."""
    # Imported here: petitions.services imports this module (an unsatisfied rating opens an item).
    from minsheng.petitions.services import matter_close

    lapsed = Matter.objects.filter(
        Q(status=Matter.Status.REPLIED, review_request_due_on__lt=today)
        | Q(status=Matter.Status.REVIEWED, recheck_request_due_on__lt=today)
    ).order_by("pk")
    closed = 0
    for matter in lapsed.iterator(chunk_size=500):
        try:
            matter_close(actor=None, matter=matter, on=today)
        except ValidationError:
            continue  # a sweep dated ahead of the real day: leave it for the day itself
        closed += 1
    return closed


def _staff_by_organisation() -> dict[int, list[User]]:
    """Every active handler and supervisor, by organisation: one query for the whole sweep."""
    staff = defaultdict(list)
    users = (
        User.objects.filter(is_active=True, role__in=UNIT_ROLES, organisation__isnull=False)
        .only("pk", "username", "full_name", "role", "phone", "email", "organisation_id")
        .order_by("organisation_id", "pk")
    )
    for user in users:
        staff[user.organisation_id].append(user)
    return staff


def _bureaus() -> list[tuple[str, Organisation]]:
    """Each petition bureau with the path prefix of the jurisdiction it covers, most specific first."""
    found = Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU, is_active=True)
    pairs = [(bureau.scope_path, bureau) for bureau in found.select_related("parent")]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def _bureau_of(matter: Matter, bureaus) -> int | None:
    for prefix, bureau in bureaus:
        if matter.receiving_org.path.startswith(prefix):
            return bureau.pk
    return None


def _responsible(matter: Matter, bureaus) -> _Responsible:
    """The unit that has to act before the current deadline, and which of its roles to tell."""
    kind = matter.due_kind
    if kind in (Reconsideration.Stage.REVIEW, Reconsideration.Stage.RECHECK):
        # The upper level gives the review or recheck opinion; the bureau does it for upper levels
        # without staff in the system (see petitions.services.handling.bureau_acts_for).
        if matter.case_org_id is not None and matter.case_org_kind not in BUREAU_ACTS_FOR:
            org_id, org_kind, roles = matter.case_org_id, matter.case_org_kind, UNIT_ROLES
        else:
            org_id, org_kind, roles = (
                _bureau_of(matter, bureaus),
                Organisation.Kind.PETITION_BUREAU,
                BUREAU_ROLES,
            )
    elif kind == "route":
        # Not yet sent on: the unit that holds it routes it — the bureau (its supervisors), or a
        # unit that received it directly and got it back after an objection.
        org = matter.receiving_org
        roles = BUREAU_ROLES if org.kind == Organisation.Kind.PETITION_BUREAU else UNIT_ROLES
        org_id, org_kind = org.pk, org.kind
    else:
        org = matter.handling_org or matter.receiving_org
        org_id, org_kind, roles = org.pk, org.kind, UNIT_ROLES
    if matter.nature == Nature.ACCUSATION and org_kind not in ACCUSATION_ORG_KINDS:
        # Art 30: an accusation is seen only by the bureau and the discipline organ; a township that
        # registered one must not hear of it again, so the bureau is reminded instead.
        org_id, roles = _bureau_of(matter, bureaus), BUREAU_ROLES
    return _Responsible(org_id, roles)


def _label(matter: Matter) -> str:
    return str(DEADLINE_KIND_LABELS.get(matter.due_kind, matter.due_kind or "当前"))


def _remind(matter: Matter, *, phase: str, recipients: list[User], today: dt.date) -> int:
    """Queue the reminder of one deadline to each recipient on each channel they have; returns how
    many messages are new."""
    label, due = _label(matter), matter.due_on
    days = abs((due - today).days)
    if phase == SOON:
        subject = f"临期提醒：{matter.number} {label}期限 {due:%Y-%m-%d}"
        when = "今日到期" if days == 0 else f"还剩 {days} 日"
    else:
        subject = f"超期提醒：{matter.number} {label}期限 {due:%Y-%m-%d} 已届满"
        when = f"已超期 {days} 日，已列入督办"
    # SMS and e-mail leave the system, so they name the matter by its number only: a title can
    # carry a petitioner's name or, for an accusation, the accused.
    bodies = {
        Notification.Channel.IN_APP: f"信访事项 {matter.number}「{matter.title}」的{label}期限为 "
        f"{due:%Y-%m-%d}，{when}。请及时办理。",
        Notification.Channel.SMS: f"【民声】信访事项 {matter.number} 的{label}期限为 {due:%Y-%m-%d}，"
        f"{when}。请登录系统及时办理。",
    }
    bodies[Notification.Channel.EMAIL] = bodies[Notification.Channel.SMS]
    key = f"reminder:{matter.pk}:{matter.due_kind}:{due:%Y-%m-%d}:{phase}"
    queued = 0
    for user in recipients:
        channels = [Notification.Channel.IN_APP]
        channels += [
            channel
            for channel, address in (
                (Notification.Channel.SMS, user.phone),
                (Notification.Channel.EMAIL, user.email),
            )
            if (address or "").strip()
        ]
        for channel in channels:
            _notification, created = notification_queue(
                dedupe_key=f"{key}:{user.pk}:{channel}",
                recipient=user,
                channel=channel,
                subject=subject,
                body=bodies[channel],
                matter=matter,
            )
            queued += created
    return queued
