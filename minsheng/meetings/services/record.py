"""Recording a joint meeting: who met, the matters discussed, the minutes, and each decision as a task."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.models import Matter, Nature
from minsheng.petitions.permissions import ACCUSATION_ORG_KINDS
from minsheng.petitions.selectors import matters_visible_to
from minsheng.supervision.notify import unit_notify

from ..models import JointMeeting, MeetingAttendee, MeetingMatter, MeetingTask
from ..permissions import CONVENING_KINDS, OWNER_KINDS, can_record_for, can_record_meetings
from .common import Errors, clean_text, matter_event, today

TITLE_MAX = 200
PLACE_MAX = 200
CHAIR_MAX = 100
MINUTES_MAX = 20000
DECISION_MAX = 2000
NAME_MAX = 50
UNIT_MAX = 100
ATTENDEES_MAX = 200
MATTERS_MAX = 100
DECISIONS_MAX = 50
# A decision's deadline further than this is a typing mistake, not a plan.
DUE_MAX_DAYS = 366


@dataclass(frozen=True)
class Guest:
    """An attendee without an account: a name and the unit and post as the minutes print them."""

    name: str
    unit: str = ""


@dataclass(frozen=True)
class Decision:
    """One decision as entered: what, which unit (optionally which person in it), by when; about a
    matter (by number) or not. kind "jurisdiction" decides which unit must handle the matter (Art 24)."""

    text: str
    organisation: Organisation | None
    due_on: dt.date | None
    assignee: User | None = None
    matter_number: str = ""
    kind: str = MeetingTask.Kind.TASK


def default_convener(actor) -> Organisation | None:
    """The bureau for the bureau's staff (and the city's leaders); a township for its own staff."""
    org = actor.organisation
    if org is None:
        return None
    if org.kind in CONVENING_KINDS:
        return org
    bureau = Organisation.objects.filter(
        kind=Organisation.Kind.PETITION_BUREAU, is_active=True, path__startswith=org.scope_path
    ).first()
    return bureau or org


@transaction.atomic
def meeting_record(
    *,
    actor,
    held_on: dt.date | None,
    kind: str,
    title: str,
    minutes: str,
    organisation: Organisation | None = None,
    place: str = "",
    chair: User | None = None,
    chair_name: str = "",
    attendees: list[User] = (),
    guests: list[Guest] = (),
    matter_numbers: list[str] = (),
    decisions: list[Decision] = (),
) -> JointMeeting:
    """Record a meeting that was held: `organisation` convenes it (default: the actor's bureau, or the
    actor's township); `chair` and/or `chair_name`; `attendees` (users) and `guests`; the matters
    discussed by number (only matters the actor may see); the minutes; and the decisions, each becoming
    a task for its unit with a deadline after the meeting. Every matter discussed gets a timeline event;
    each unit that owns a task is notified. All mistakes are reported together, keyed by field
    (`decisions.<i>.<field>` for a decision); nothing is saved unless all is right.

    Used by the reports' tests to enter meetings: `meeting_record(actor=supervisor, held_on=day,
    kind="special", title=..., minutes=..., chair_name=...)` is the smallest call."""
    if not can_record_meetings(actor):
        raise PermissionDenied(_("您的角色无权记录联席会议"))
    errors = Errors()
    organisation = organisation or default_convener(actor)
    if organisation is None or not can_record_for(actor, organisation):
        raise PermissionDenied(_("您无权记录该单位召开的联席会议"))
    if organisation.kind not in CONVENING_KINDS:
        errors.add("organisation", _("召集单位应为信访局或乡镇（街道）"))
    if held_on is None:
        errors.add("held_on", _("请填写会议日期"))
    elif held_on > today():
        errors.add("held_on", _("会议日期不能晚于今天：请在会后记录"))
    if kind not in JointMeeting.Kind.values:
        errors.add("kind", _("请选择会议类型：例会或专题会议"))
    title = clean_text(errors, "title", title, label=_("议题"), max_length=TITLE_MAX)
    place = clean_text(errors, "place", place, label=_("地点"), max_length=PLACE_MAX, required=False)
    minutes = clean_text(errors, "minutes", minutes, label=_("会议纪要"), max_length=MINUTES_MAX)
    chair_name = _chair_name(errors, chair, chair_name)
    people = _attendees(errors, attendees, guests)
    matters = _matters(errors, actor, [*matter_numbers, *(d.matter_number for d in decisions)])
    if len(decisions) > DECISIONS_MAX:
        errors.add("decisions", _("决定事项不能超过 %(max)d 项") % {"max": DECISIONS_MAX})
    for index, decision in enumerate(decisions):
        _check_decision(errors, f"decisions.{index}", decision, held_on, matters)
    errors.raise_any()

    meeting = JointMeeting.objects.create(
        held_on=held_on,
        kind=kind,
        title=title,
        organisation=organisation,
        place=place,
        chair=chair,
        chair_name=chair_name,
        minutes=minutes,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    MeetingAttendee.objects.bulk_create([MeetingAttendee(meeting=meeting, **p) for p in people])
    discussed = list(dict.fromkeys(matters.values()))
    MeetingMatter.objects.bulk_create([MeetingMatter(meeting=meeting, matter=m) for m in discussed])
    tasks = [
        MeetingTask.objects.create(
            meeting=meeting,
            position=index + 1,
            kind=decision.kind,
            decision=decision.text.strip(),
            matter=matters.get(decision.matter_number.strip()) if decision.matter_number.strip() else None,
            organisation=decision.organisation,
            assignee=decision.assignee,
            due_on=decision.due_on,
        )
        for index, decision in enumerate(decisions)
    ]
    for matter in discussed:
        _record_on_matter(meeting, matter, [t for t in tasks if t.matter_id == matter.pk], actor)
    for task in tasks:
        _notify_owner(task)
    return meeting


def _chair_name(errors: Errors, chair: User | None, chair_name: str) -> str:
    chair_name = clean_text(
        errors, "chair_name", chair_name, label=_("主持人"), max_length=CHAIR_MAX, required=False
    )
    if chair is not None and not chair.is_active:
        errors.add("chair", _("主持人账号已停用"))
    if not chair_name and chair is not None:
        chair_name = " ".join(p for p in (chair.display_name, chair.title) if p)[:CHAIR_MAX]
    if not chair_name and "chair_name" not in errors:
        errors.add("chair_name", _("请选择或填写主持人"))
    return chair_name


def _attendees(errors: Errors, users: list[User], guests: list[Guest]) -> list[dict]:
    people, seen = [], set()
    if len(users) + len(guests) > ATTENDEES_MAX:
        errors.add("attendees", _("参会人员不能超过 %(max)d 人") % {"max": ATTENDEES_MAX})
        return people
    for user in users:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        unit = user.organisation.display_name if user.organisation_id else ""
        unit = " ".join(p for p in (unit, user.title) if p)
        people.append({"user": user, "name": user.display_name[:NAME_MAX], "unit": unit[:UNIT_MAX]})
    for guest in guests:
        name, unit = (guest.name or "").strip(), (guest.unit or "").strip()
        if not name:
            errors.add("guests", _("每位其他参会人员都要写姓名"))
        elif len(name) > NAME_MAX or len(unit) > UNIT_MAX:
            errors.add(
                "guests",
                _("“%(name)s”：姓名不能超过 %(name_max)d 个字，单位及职务不能超过 %(unit_max)d 个字")
                % {"name": name[:20], "name_max": NAME_MAX, "unit_max": UNIT_MAX},
            )
        else:
            people.append({"user": None, "name": name, "unit": unit})
    return people


def _matters(errors: Errors, actor, numbers: list[str]) -> dict[str, Matter]:
    """The matters named, by number, among those the actor may see; an unknown number and one out of
    sight get the same message, so that the form does not tell which numbers exist elsewhere."""
    wanted = list(dict.fromkeys(n.strip() for n in numbers if n and n.strip()))
    if len(wanted) > MATTERS_MAX:
        errors.add("matters", _("研究事项不能超过 %(max)d 件") % {"max": MATTERS_MAX})
        return {}
    found = {m.number: m for m in matters_visible_to(user=actor).filter(number__in=wanted)}
    for number in wanted:
        if number not in found:
            errors.add("matters", _("找不到事项 %(number)s，或您无权查看") % {"number": number[:40]})
    return found


def _check_decision(
    errors: Errors, key: str, decision: Decision, held_on, matters: dict[str, Matter]
) -> None:
    text = (decision.text or "").strip()
    if not text:
        errors.add(f"{key}.text", _("请填写决定事项"))
    elif len(text) > DECISION_MAX:
        errors.add(f"{key}.text", _("决定事项不能超过 %(max)d 个字") % {"max": DECISION_MAX})
    org = decision.organisation
    if org is None:
        errors.add(f"{key}.organisation", _("请选择责任单位"))
    elif not org.is_active:
        errors.add(f"{key}.organisation", _("责任单位已停用"))
    elif org.kind not in OWNER_KINDS:
        errors.add(f"{key}.organisation", _("责任单位应为承办信访事项的单位（部门、乡镇、村社区等）"))
    if decision.assignee is not None and (org is None or decision.assignee.organisation_id != org.pk):
        errors.add(f"{key}.assignee", _("责任人应是责任单位的工作人员"))
    if decision.due_on is None:
        errors.add(f"{key}.due_on", _("请填写完成期限"))
    elif held_on is not None and decision.due_on <= held_on:
        errors.add(f"{key}.due_on", _("完成期限应晚于会议日期"))
    elif held_on is not None and decision.due_on > held_on + dt.timedelta(days=DUE_MAX_DAYS):
        errors.add(f"{key}.due_on", _("完成期限不能晚于会议后一年"))
    if decision.kind not in MeetingTask.Kind.values:
        errors.add(f"{key}.kind", _("请选择决定类型"))
    number = (decision.matter_number or "").strip()
    matter = matters.get(number) if number else None
    if decision.kind == MeetingTask.Kind.JURISDICTION and not number:
        errors.add(f"{key}.matter_number", _("确定受理单位的决定须写明信访事项编号"))
    if matter is not None and matter.nature == Nature.ACCUSATION and org is not None:
        # Art 22, 30: an accusation goes to the discipline organ, and nobody else but the bureau may
        # read about it, so no other unit can own a decision on it.
        allowed = (
            (Organisation.Kind.DISCIPLINE,)
            if decision.kind == MeetingTask.Kind.JURISDICTION
            else ACCUSATION_ORG_KINDS
        )
        if org.kind not in allowed:
            errors.add(f"{key}.organisation", _("检举控告类事项应由纪检监察机关受理（第三十条）"))


def _decisions_note(tasks: list[MeetingTask]) -> str:
    parts = [
        _("%(text)s（%(org)s，%(due)s 前）")
        % {"text": t.decision, "org": t.organisation.name, "due": f"{t.due_on:%Y-%m-%d}"}
        for t in tasks
    ]
    return "；".join(parts)


def _record_on_matter(meeting: JointMeeting, matter: Matter, tasks: list[MeetingTask], actor) -> None:
    note = _("%(meeting)s研究该事项：%(title)s") % {"meeting": meeting.label, "title": meeting.title}
    if tasks:
        note += _("。会议决定：%(decisions)s") % {"decisions": _decisions_note(tasks)}
    matter_event(
        matter,
        actor=actor,
        note=note,
        data={"meeting": meeting.pk, "tasks": [t.pk for t in tasks]},
    )


def _notify_owner(task: MeetingTask) -> None:
    meeting = task.meeting
    due = f"{task.due_on:%Y-%m-%d}"
    unit_notify(
        organisation_id=task.organisation_id,
        key=f"meeting_task:{task.pk}:assigned",
        subject=_("联席会议决定事项：%(title)s") % {"title": meeting.title},
        body=_("%(meeting)s决定：%(decision)s。请于 %(due)s 前反馈办理情况。")
        % {"meeting": meeting.label, "decision": task.decision, "due": due},
        outside_body=_("【民声】%(meeting)s有一项决定事项由你单位办理，请于 %(due)s 前登录系统反馈办理情况。")
        % {"meeting": meeting.label, "due": due},
        matter=task.matter,
        also=[task.assignee],
    )
