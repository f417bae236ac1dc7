"""Joint handling (并案办理): matters about one problem handled together, each still answered on its own.

A joint handling names a lead matter and a lead unit and lists its members; it never merges matters,
their numbers, submissions or replies. Every change writes an event on the timeline of each matter it
touches, so that a matter's page tells its whole story.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter, MatterEvent, Nature
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services import matter_route
from minsheng.petitions.services.events import matter_event_record

from ..models import HotIssue, JointHandling, JointHandlingMember
from ..permissions import can_decide_joint_handling

# Matters whose handling is over or was never taken up by the petition system.
NOT_COMBINABLE = (
    Matter.Status.DIVERTED,
    Matter.Status.REJECTED,
    Matter.Status.FINAL,
    Matter.Status.CLOSED,
)
# Units that may lead: those that handle matters.
LEAD_ORG_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
    Organisation.Kind.POLITICAL_LEGAL,
)
ROUTE_KINDS = ("transfer", "assign")
TITLE_MAX = 200
NOTE_MAX = 2000


def _refuse(field: str, message: str):
    raise ValidationError({field: [message]})


def _require_decider(actor) -> None:
    if not can_decide_joint_handling(actor):
        raise PermissionDenied(_("只有督办员或管理员可以决定并案办理"))


def _locked(actor, matter_ids) -> list[Matter]:
    """The matters under a row lock, each one checked to be visible to the actor."""
    ids = sorted(set(matter_ids))
    visible = set(matters_visible_to(user=actor).filter(pk__in=ids).values_list("pk", flat=True))
    for pk in ids:
        if pk not in visible:
            _refuse("matters", _("事项 %(id)s 不存在，或您无权查看") % {"id": pk})
    return list(
        Matter.objects.select_for_update(of=("self",))
        .select_related("handling_org")
        .filter(pk__in=ids)
        .order_by("pk")
    )


def _check_combinable(matter: Matter) -> None:
    if matter.nature == Nature.ACCUSATION:
        # Art 30: accusation material never goes to the accused; in a joint handling it would be read
        # by the lead unit and shown beside the other matters.
        _refuse(
            "matters", _("%(number)s 是检举控告类事项，不并案办理（第三十条）") % {"number": matter.number}
        )
    if matter.status in NOT_COMBINABLE:
        _refuse(
            "matters",
            _("%(number)s 当前状态为“%(status)s”，不能并案办理")
            % {"number": matter.number, "status": matter.get_status_display()},
        )
    joined = JointHandlingMember.objects.filter(matter=matter).select_related("joint").first()
    if joined is not None:
        _refuse(
            "matters",
            _("%(number)s 已在并案办理“%(title)s”中")
            % {"number": matter.number, "title": joined.joint.title},
        )


def _check_lead_org(lead_org: Organisation | None) -> None:
    if lead_org is None:
        _refuse("lead_org", _("请选择主办单位"))
    if not lead_org.is_active:
        _refuse("lead_org", _("主办单位已停用"))
    if lead_org.kind not in LEAD_ORG_KINDS:
        _refuse("lead_org", _("主办单位应为信访局、职能部门、乡镇街道、村社区或政法机关"))


def _joined_note(joint: JointHandling, count: int) -> str:
    note = _(
        "与其他 %(others)d 件事项并案办理“%(title)s”，主办事项 %(lead)s，主办单位 %(org)s；各信访人分别答复"
    ) % {
        "others": count - 1,
        "title": joint.title,
        "lead": joint.lead_matter.number,
        "org": joint.lead_org.name,
    }
    return f"{note}。{joint.note}" if joint.note else f"{note}。"


@transaction.atomic
def joint_handling_create(
    *,
    actor,
    matters: list[Matter],
    lead_matter: Matter | None,
    lead_org: Organisation | None,
    title: str = "",
    note: str = "",
    hot_issue: HotIssue | None = None,
    route_kind: str = "",
) -> JointHandling:
    """Combine matters for joint handling under a lead matter and a lead unit.

    With `route_kind` ("transfer" or "assign"), the members still waiting to be routed are sent to the
    lead unit through the routing service, each as its own step with its own notice."""
    _require_decider(actor)
    ids = {m.pk for m in matters}
    if len(ids) < 2:
        _refuse("matters", _("并案办理至少需要两件事项"))
    if lead_matter is None:
        _refuse("lead_matter", _("请选择主办事项"))
    if lead_matter.pk not in ids:
        _refuse("lead_matter", _("主办事项应是并案的事项之一"))
    _check_lead_org(lead_org)
    if route_kind and route_kind not in ROUTE_KINDS:
        _refuse("route_kind", _("转送方式只能是转送或交办"))
    title = (title or "").strip() or (hot_issue.label if hot_issue else "") or lead_matter.title
    if len(title) > TITLE_MAX:
        _refuse("title", _("并案名称不能超过 %(max)d 个字") % {"max": TITLE_MAX})
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        _refuse("note", _("说明不能超过 %(max)d 个字") % {"max": NOTE_MAX})
    locked = _locked(actor, ids)
    for matter in locked:
        _check_combinable(matter)
    now = timezone.now()
    joint = JointHandling.objects.create(
        title=title,
        hot_issue=hot_issue,
        lead_matter=next(m for m in locked if m.pk == lead_matter.pk),
        lead_org=lead_org,
        note=note,
        created_by=actor,
        created_at=now,
    )
    JointHandlingMember.objects.bulk_create(
        [JointHandlingMember(joint=joint, matter=m, added_by=actor, added_at=now) for m in locked]
    )
    member_ids = [m.pk for m in locked]
    for matter in locked:
        _record(
            matter,
            actor,
            MatterEvent.Kind.JOINT_HANDLING,
            _joined_note(joint, len(locked)),
            joint,
            member_ids,
        )
    if route_kind:
        _route_to_lead(actor=actor, joint=joint, matters=locked, kind=route_kind)
    return joint


def _record(matter: Matter, actor, kind: str, note: str, joint: JointHandling, member_ids: list[int]) -> None:
    matter_event_record(
        matter=matter,
        kind=kind,
        actor=actor,
        note=note,
        data={
            "joint_handling": joint.pk,
            "lead_matter": joint.lead_matter_id,
            "lead_org": joint.lead_org_id,
            "members": member_ids,
        },
    )


def _route_to_lead(*, actor, joint: JointHandling, matters: list[Matter], kind: str) -> None:
    for matter in matters:
        if matter.status != Matter.Status.REGISTERED:
            continue
        try:
            matter_route(
                actor=actor,
                matter=matter,
                kind=kind,
                to_org=joint.lead_org,
                note=_("并案办理：%(title)s") % {"title": joint.title},
            )
        except ValidationError as exc:
            # Name the matter: the routing service speaks of one matter, this step of many.
            messages = [f"{matter.number}：{m}" for m in exc.messages]
            raise ValidationError({"route_kind": messages}) from exc


@transaction.atomic
def joint_handling_member_add(*, actor, joint: JointHandling, matter: Matter) -> JointHandlingMember:
    _require_decider(actor)
    (matter,) = _locked(actor, [matter.pk])
    _check_combinable(matter)
    member = JointHandlingMember.objects.create(
        joint=joint, matter=matter, added_by=actor, added_at=timezone.now()
    )
    member_ids = list(joint.members.values_list("matter_id", flat=True))
    _record(
        matter,
        actor,
        MatterEvent.Kind.JOINT_HANDLING,
        _joined_note(joint, len(member_ids)),
        joint,
        member_ids,
    )
    return member


@transaction.atomic
def joint_handling_member_remove(*, actor, joint: JointHandling, matter: Matter, reason: str = "") -> None:
    _require_decider(actor)
    (matter,) = _locked(actor, [matter.pk])
    member = JointHandlingMember.objects.filter(joint=joint, matter=matter).first()
    if member is None:
        _refuse("matter", _("%(number)s 不在该并案办理中") % {"number": matter.number})
    if joint.lead_matter_id == matter.pk:
        _refuse("matter", _("主办事项不能移出并案办理"))
    if joint.members.count() <= 2:
        _refuse("matter", _("并案办理至少需要两件事项"))
    reason = (reason or "").strip()
    if len(reason) > NOTE_MAX:
        _refuse("reason", _("说明不能超过 %(max)d 个字") % {"max": NOTE_MAX})
    member.delete()
    note = _("移出并案办理“%(title)s”，单独办理") % {"title": joint.title}
    member_ids = list(joint.members.values_list("matter_id", flat=True))
    _record(
        matter,
        actor,
        MatterEvent.Kind.JOINT_HANDLING_LEFT,
        f"{note}：{reason}" if reason else note,
        joint,
        member_ids,
    )
