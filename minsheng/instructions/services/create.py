"""Recording a leader's instruction (批示) and opening one task per unit that must act."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.petitions.models import Matter, Nature
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services.events import matter_event_record
from minsheng.petitions.services.numbering import sequence_next

from .. import events
from ..models import Instruction, InstructionTask
from ..permissions import UNIT_KINDS, can_record_instruction
from .notify import notify, unit_handlers

TEXT_MAX = 5000
MAX_UNITS = 50
MAX_MATTERS = 50
# An instruction is a short-term task; a year is far beyond any deadline a leader sets, so a later
# one is taken for a typing mistake.
MAX_DAYS = 366
EARLIEST = dt.date(2000, 1, 1)
NUMBER_PREFIX = "批示"


@dataclass(frozen=True)
class InstructionDraft:
    """An instruction given at a reception or an appointment, before it is recorded: the leader and
    the date come from where it was given."""

    text: str = ""
    units: Sequence[Organisation] = field(default_factory=tuple)
    due_on: dt.date | None = None


def jurisdiction_of(leader) -> Organisation | None:
    """Where a leader's instructions belong: a leading body's whole jurisdiction (the city for the
    four leading bodies of the city), otherwise the leader's own organisation."""
    org = leader.organisation if leader is not None else None
    if org is None:
        return None
    if org.kind in Organisation.JURISDICTION_KINDS and org.parent_id:
        return org.parent
    return org


def leader_error(leader) -> str:
    """Why `leader` cannot be named as a leader here; empty when they can."""
    if leader is None:
        return _("请选择领导")
    if not (
        leader.is_active
        and leader.role == Role.LEADER
        and leader.organisation_id is not None
        and leader.organisation.kind == Organisation.Kind.LEADERSHIP
    ):
        return _("%(name)s 不是领导机关的领导") % {"name": leader.display_name}
    return ""


def instruction_check(
    *, actor, leader, text: str, issued_on, due_on, units: Sequence, matters: Sequence = ()
) -> dict[str, list[str]]:
    """Every problem with an instruction's fields, by field; writes nothing. Used by instruction_create
    and, before they register anything, by the reception services that create one."""
    errors: dict[str, list[str]] = {}

    def error(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    problem = leader_error(leader)
    if problem:
        error("leader", problem)
    elif actor.role == Role.LEADER and not actor.is_superuser and leader.pk != actor.pk:
        error("leader", _("领导只能录入本人的批示"))
    text = (text or "").strip()
    if not text:
        error("text", _("请填写批示内容"))
    elif len(text) > TEXT_MAX:
        error("text", _("批示内容不能超过 %(max)d 个字") % {"max": TEXT_MAX})
    today = timezone.localdate()
    if issued_on is None:
        error("issued_on", _("请填写批示日期"))
    elif issued_on > today:
        error("issued_on", _("批示日期不能晚于今天"))
    elif issued_on < EARLIEST:
        error("issued_on", _("批示日期不能早于 2000 年"))
    if due_on is None:
        error("due_on", _("请填写办理期限"))
    elif issued_on is not None and due_on < issued_on:
        error("due_on", _("期限不能早于批示日期"))
    elif issued_on is not None and (due_on - issued_on).days > MAX_DAYS:
        error("due_on", _("办理期限不能超过批示日期后一年"))

    jurisdiction = jurisdiction_of(leader) if not problem else None
    if (
        jurisdiction is not None
        and not organisations_in_scope(user=actor).filter(pk=jurisdiction.pk).exists()
    ):
        error("leader", _("只能录入本辖区领导的批示"))
    units = list(units or ())
    if not units:
        error("units", _("请选择至少一个承办单位"))
    elif len(units) > MAX_UNITS:
        error("units", _("承办单位不能超过 %(max)d 个") % {"max": MAX_UNITS})
    for unit in units:
        if unit is None:
            error("units", _("承办单位不存在"))
        elif not unit.is_active:
            error("units", _("%(name)s 已停用") % {"name": unit.name})
        elif unit.kind not in UNIT_KINDS:
            error("units", _("%(name)s 不能作为承办单位") % {"name": unit.name})
        elif jurisdiction is not None and not unit.path.startswith(jurisdiction.path):
            error("units", _("%(name)s 不在该领导的辖区内") % {"name": unit.name})
    matters = list(matters or ())
    if len(matters) > MAX_MATTERS:
        error("matters", _("涉及事项不能超过 %(max)d 件") % {"max": MAX_MATTERS})
    visible = set(
        matters_visible_to(user=actor).filter(pk__in=[m.pk for m in matters]).values_list("pk", flat=True)
    )
    for matter in matters:
        if matter.pk not in visible:
            error("matters", _("找不到信访事项 %(number)s，或您无权查看") % {"number": matter.number})
            continue
        if matter.nature == Nature.ACCUSATION and matter.concerned_org_id is not None:
            accused = matter.concerned_org
            for unit in units:
                if unit is not None and unit.path.startswith(accused.path):
                    # Art 30: accusation material never goes to the accused unit or below it.
                    error(
                        "units",
                        _("%(number)s 是检举控告类事项，不得交由被反映单位 %(name)s 办理（第三十条）")
                        % {"number": matter.number, "name": unit.name},
                    )
    return errors


@transaction.atomic
def instruction_create(
    *,
    actor,
    leader,
    text: str,
    issued_on: dt.date | None,
    due_on: dt.date | None,
    units: Sequence[Organisation],
    matters: Sequence[Matter] = (),
    session=None,
    reception_entry=None,
    appointment=None,
) -> Instruction:
    """Record an instruction of `leader` (a user with role leader in a leading body) dated `issued_on`
    (not after today) that `units` (one task each, at most 50, within the leader's jurisdiction) must
    carry out by `due_on` (not before `issued_on`, at most a year after), about zero or more `matters`
    the actor may see. The actor is the leader or a registrar/supervisor/admin recording it.

    `instruction.organisation` is the leader's jurisdiction (the city for the city's leading bodies):
    the period report counts the instruction for that organisation and those above it. Writes an
    "instruction_issued" event on each matter and tells each unit's handlers. Raises ValidationError
    by field (leader, text, issued_on, due_on, units, matters) or PermissionDenied."""
    if not can_record_instruction(actor):
        raise PermissionDenied(_("只有领导、登记员、督办员或管理员可以录入领导批示"))
    units = list(dict.fromkeys(units or ()))
    matters = list(dict.fromkeys(matters or ()))
    errors = instruction_check(
        actor=actor,
        leader=leader,
        text=text,
        issued_on=issued_on,
        due_on=due_on,
        units=units,
        matters=matters,
    )
    if errors:
        raise ValidationError(errors)
    seq = sequence_next(prefix=NUMBER_PREFIX, year=issued_on.year)
    instruction = Instruction.objects.create(
        number=f"{NUMBER_PREFIX}〔{issued_on.year}〕{seq}号",
        text=text.strip(),
        leader=leader,
        issued_on=issued_on,
        organisation=jurisdiction_of(leader),
        due_on=due_on,
        session=session,
        reception_entry=reception_entry,
        appointment=appointment,
        recorded_by=actor,
    )
    instruction.matters.set(matters)
    tasks = InstructionTask.objects.bulk_create(
        [InstructionTask(instruction=instruction, organisation=unit, due_on=due_on) for unit in units]
    )
    unit_names = "、".join(unit.name for unit in units)
    note = _("%(leader)s 批示（%(number)s）：%(text)s 承办单位：%(units)s；办理期限 %(due)s。") % {
        "leader": leader_label(leader),
        "number": instruction.number,
        "text": instruction.text,
        "units": unit_names,
        "due": f"{due_on:%Y-%m-%d}",
    }
    for matter in matters:
        matter_event_record(
            matter=matter,
            kind=events.ISSUED,
            actor=actor,
            note=note,
            data={
                "instruction": instruction.pk,
                "units": [unit.pk for unit in units],
                "due_on": due_on.isoformat(),
            },
        )
    for task in tasks:
        notify(
            users=unit_handlers(task.organisation),
            key=f"instruction:{instruction.pk}:task:{task.pk}:issued",
            subject=_("领导批示待办理：%(number)s") % {"number": instruction.number},
            body=_(
                "%(leader)s 于 %(issued)s 作出批示（%(number)s），请%(unit)s于 %(due)s 前办理并反馈：%(text)s"
            )
            % {
                "leader": leader_label(leader),
                "issued": f"{issued_on:%Y-%m-%d}",
                "number": instruction.number,
                "unit": task.organisation.name,
                "due": f"{due_on:%Y-%m-%d}",
                "text": instruction.text[:300],
            },
            outside_body=_(
                "【民声】您单位有一件领导批示待办理（%(number)s），期限 %(due)s。请登录系统查看并反馈。"
            )
            % {"number": instruction.number, "due": f"{due_on:%Y-%m-%d}"},
        )
    return instruction


def leader_label(leader) -> str:
    return f"{leader.display_name}（{leader.title}）" if leader.title else leader.display_name
