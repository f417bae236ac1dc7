"""Review by the proposal office: admit (numbered per session), not admit with a standard ground,
convert to an opinion forwarded to a unit; the first-review opinion, a leader's instruction, key flag."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation, Role, User

from ..models import Proposal, ProposalEvent, ProposalSession
from ..permissions import can_record_instruction, is_office
from ._common import (
    NOTE_MAX,
    event_record,
    label,
    lock,
    not_admitted_grounds,
    notify,
    refuse,
    require_status,
    require_text,
    unit_handlers,
)
from .submission import settle_cosigning

Kind = ProposalEvent.Kind
Status = Proposal.Status


def _tell_leaders_key(proposal: Proposal, event) -> None:
    """Key proposals are supervised by the leaders: each is told when a proposal becomes key."""
    notify(
        users=User.objects.filter(role=Role.LEADER, is_active=True).order_by("pk"),
        key=f"key:{event.pk}",
        subject=_("重点提案：%(label)s") % {"label": label(proposal)},
        body=_("该提案列为重点提案，请领导督办。"),
    )


def _reviewable(actor, proposal: Proposal, action: str) -> Proposal:
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以审查提案"))
    proposal = lock(proposal)
    settle_cosigning(proposal)
    if proposal.status == Status.COSIGNING:
        refuse(
            "__all__",
            _("联名提案人尚未全部答复，确认截止日期为 %(date)s")
            % {"date": f"{proposal.cosign_deadline:%Y-%m-%d}"},
        )
    require_status(proposal, Status.SUBMITTED, action=action)
    return proposal


def _apply_review_texts(proposal: Proposal, opinion: str) -> None:
    proposal.review_opinion = require_text(
        opinion, field="review_opinion", label=_("初审意见"), max_length=NOTE_MAX, required=False
    )


def _reviewed(proposal: Proposal, actor) -> None:
    proposal.reviewed_by = actor
    proposal.reviewed_at = timezone.now()


@transaction.atomic
def proposal_admit(*, actor, proposal: Proposal, review_opinion: str = "", is_key: bool = False) -> Proposal:
    """立案: the next number of the proposal's session is given now, in the order of admission."""
    proposal = _reviewable(actor, proposal, _("立案"))
    _apply_review_texts(proposal, review_opinion)
    session = ProposalSession.objects.select_for_update().get(pk=proposal.session_id)
    session.last_number += 1
    session.save(update_fields=["last_number"])
    proposal.number = session.last_number
    proposal.status = Status.ADMITTED
    proposal.is_key = bool(is_key)
    _reviewed(proposal, actor)
    proposal.save()
    event = event_record(
        proposal=proposal,
        kind=Kind.ADMITTED,
        actor=actor,
        note=proposal.review_opinion,
        data={"number": proposal.number, "key": proposal.is_key},
    )
    if proposal.is_key:
        _tell_leaders_key(proposal, event)
    notify(
        users=[proposal.proposer],
        key=f"admitted:{event.pk}",
        subject=_("提案已立案：%(label)s") % {"label": label(proposal)},
        body=_("您的提案已立案，编号为%(session)s第 %(number)s 号。")
        % {"session": proposal.session.name, "number": proposal.number},
    )
    return proposal


@transaction.atomic
def proposal_not_admit(
    *, actor, proposal: Proposal, ground: str, notice: str = "", review_opinion: str = ""
) -> Proposal:
    """不予立案 with one of the standard grounds; the proposer is told with the notice."""
    proposal = _reviewable(actor, proposal, _("作不予立案处理"))
    ground = (ground or "").strip()
    grounds = not_admitted_grounds()
    if ground not in grounds:
        refuse("ground", _("请选择不予立案的理由，可选：%(grounds)s") % {"grounds": "、".join(grounds)})
    notice = require_text(
        notice, field="notice", label=_("不予立案通知"), max_length=NOTE_MAX, required=False
    )
    if not notice:
        notice = _(
            "%(name)s委员：您提出的《%(title)s》经审查，因%(ground)s，不予立案。感谢您对政协工作的支持。"
        ) % {
            "name": proposal.proposer_name,
            "title": proposal.title,
            "ground": ground,
        }
    _apply_review_texts(proposal, review_opinion or ground)
    proposal.status = Status.NOT_ADMITTED
    proposal.not_admitted_ground = ground
    proposal.not_admitted_notice = notice
    _reviewed(proposal, actor)
    proposal.save()
    event = event_record(proposal=proposal, kind=Kind.NOT_ADMITTED, actor=actor, note=ground)
    notify(
        users=[proposal.proposer],
        key=f"not-admitted:{event.pk}",
        subject=_("提案不予立案：%(title)s") % {"title": proposal.title},
        body=notice,
    )
    return proposal


@transaction.atomic
def proposal_convert(*, actor, proposal: Proposal, unit: Organisation, review_opinion: str = "") -> Proposal:
    """转意见建议: not a proposal, but worth a unit's attention; forwarded to it and the proposer told."""
    proposal = _reviewable(actor, proposal, _("转为意见建议"))
    if not isinstance(unit, Organisation) or not unit.is_active:
        refuse("unit", _("请选择转交的单位"))
    _apply_review_texts(proposal, review_opinion)
    proposal.status = Status.CONVERTED
    proposal.converted_to = unit
    _reviewed(proposal, actor)
    proposal.save()
    event = event_record(
        proposal=proposal, kind=Kind.CONVERTED, actor=actor, note=unit.name, data={"unit": unit.pk}
    )
    notify(
        users=unit_handlers(unit),
        key=f"converted:{event.pk}",
        subject=_("转来委员意见建议：%(title)s") % {"title": proposal.title},
        body=_("提案委将%(name)s委员的意见建议《%(title)s》转交贵单位研究办理。")
        % {"name": proposal.proposer_name, "title": proposal.title},
    )
    notify(
        users=[proposal.proposer],
        key=f"converted-proposer:{event.pk}",
        subject=_("提案转为意见建议：%(title)s") % {"title": proposal.title},
        body=_("您提出的《%(title)s》经审查转为意见建议，已转交%(unit)s研究办理。")
        % {"title": proposal.title, "unit": unit.name},
    )
    return proposal


@transaction.atomic
def proposal_review_note(
    *,
    actor,
    proposal: Proposal,
    review_opinion: str | None = None,
    leader_instruction: str | None = None,
    is_key: bool | None = None,
) -> Proposal:
    """Record or correct the first-review opinion (office), a leader's instruction (leader or office),
    and the key-proposal flag (office) on a proposal that is not yet closed."""
    proposal = lock(proposal)
    if proposal.status in (Status.CLOSED, Status.NOT_ADMITTED, Status.CONVERTED):
        require_status(proposal, Status.SUBMITTED, action=_("修改审查意见"))
    changed = []
    if review_opinion is not None:
        if not is_office(actor):
            raise PermissionDenied(_("只有提案委可以填写初审意见"))
        text = require_text(
            review_opinion, field="review_opinion", label=_("初审意见"), max_length=NOTE_MAX, required=False
        )
        if text != proposal.review_opinion:
            proposal.review_opinion = text
            changed.append((Kind.REVIEW_NOTED, text))
    if leader_instruction is not None:
        if not can_record_instruction(actor):
            raise PermissionDenied(_("只有领导或提案委可以录入领导批示"))
        text = require_text(
            leader_instruction,
            field="leader_instruction",
            label=_("领导批示"),
            max_length=NOTE_MAX,
            required=False,
        )
        if text != proposal.leader_instruction:
            proposal.leader_instruction = text
            changed.append((Kind.INSTRUCTION, text))
    if is_key is not None:
        if not is_office(actor):
            raise PermissionDenied(_("只有提案委可以确定重点提案"))
        if bool(is_key) != proposal.is_key:
            proposal.is_key = bool(is_key)
            changed.append((Kind.KEY_MARKED, _("列为重点提案") if is_key else _("取消重点提案")))
    if not changed:
        return proposal
    proposal.save(update_fields=["review_opinion", "leader_instruction", "is_key"])
    for kind, note in changed:
        event = event_record(proposal=proposal, kind=kind, actor=actor, note=note)
        if kind == Kind.KEY_MARKED and proposal.is_key:
            _tell_leaders_key(proposal, event)
    return proposal
