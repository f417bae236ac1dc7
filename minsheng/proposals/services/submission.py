"""Sessions, submission of a proposal, co-signers' answers and attachments."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role, User
from minsheng.lib import crypto
from minsheng.lib import phone as phone_numbers
from minsheng.lib import uploads as upload_checks

from ..models import Attachment, Cosigner, Proposal, ProposalEvent, ProposalSession
from ..permissions import can_submit, is_member, is_office
from ._common import (
    COSIGNERS_MAX,
    TITLE_MAX,
    event_record,
    label,
    limit,
    lock,
    notify,
    office_staff,
    refuse,
    require_date,
    require_text,
    today,
)
from .one_matter import one_matter_check

Kind = ProposalEvent.Kind
Answer = Cosigner.Answer


@transaction.atomic
def proposal_session_create(
    *, actor, name: str, opens_on: dt.date, closes_on: dt.date | None = None, make_current: bool = False
) -> ProposalSession:
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以设置会议届次"))
    name = require_text(name, field="name", label=_("届次名称"), max_length=50)
    opens_on = require_date(opens_on, field="opens_on", label=_("开幕日期"))
    if closes_on is not None:
        closes_on = require_date(closes_on, field="closes_on", label=_("闭幕日期"))
        if closes_on < opens_on:
            refuse("closes_on", _("闭幕日期不能早于开幕日期"))
    if ProposalSession.objects.filter(name=name).exists():
        refuse("name", _("届次“%(name)s”已存在") % {"name": name})
    if make_current:
        ProposalSession.objects.filter(is_current=True).update(is_current=False)
    return ProposalSession.objects.create(
        name=name, opens_on=opens_on, closes_on=closes_on, is_current=make_current
    )


@transaction.atomic
def proposal_session_update(
    *, actor, session: ProposalSession, name: str, opens_on: dt.date, closes_on: dt.date | None = None
) -> ProposalSession:
    """Correct a session's name or dates. Numbers already given stay as they are."""
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以设置会议届次"))
    session = ProposalSession.objects.select_for_update().get(pk=session.pk)
    name = require_text(name, field="name", label=_("届次名称"), max_length=50)
    opens_on = require_date(opens_on, field="opens_on", label=_("开幕日期"))
    if closes_on is not None:
        closes_on = require_date(closes_on, field="closes_on", label=_("闭幕日期"))
        if closes_on < opens_on:
            refuse("closes_on", _("闭幕日期不能早于开幕日期"))
    if ProposalSession.objects.filter(name=name).exclude(pk=session.pk).exists():
        refuse("name", _("届次“%(name)s”已存在") % {"name": name})
    session.name, session.opens_on, session.closes_on = name, opens_on, closes_on
    session.save(update_fields=["name", "opens_on", "closes_on"])
    return session


@transaction.atomic
def proposal_session_make_current(*, actor, session: ProposalSession) -> ProposalSession:
    if not is_office(actor):
        raise PermissionDenied(_("只有提案委可以设置当前届次"))
    ProposalSession.objects.filter(is_current=True).exclude(pk=session.pk).update(is_current=False)
    ProposalSession.objects.filter(pk=session.pk).update(is_current=True)
    session.is_current = True
    return session


def _member(user, *, field: str, who: str) -> User:
    if user is None or not isinstance(user, User):
        refuse(field, _("请选择%(who)s") % {"who": who})
    if user.role != Role.MEMBER or not user.is_active:
        refuse(field, _("%(name)s 不是在册的政协委员") % {"name": user.display_name})
    return user


@transaction.atomic
def proposal_submit(
    *,
    actor,
    title: str,
    reason: str,
    suggestions: str,
    proposer=None,
    session: ProposalSession | None = None,
    proposer_unit_post: str = "",
    phone: str = "",
    address: str = "",
    desired_departments: str = "",
    cosigners=(),
    cosign_deadline: dt.date | None = None,
) -> Proposal:
    """A member submits a proposal, or the office enters one on a member's behalf (`proposer`).

    With co-signers it waits for their answers until the cosign deadline; the one-matter check is
    stored as a warning and never refuses."""
    if not can_submit(actor):
        raise PermissionDenied(_("只有政协委员或提案委可以提交提案"))
    if is_member(actor) and not is_office(actor):
        if proposer is not None and proposer.pk != actor.pk:
            raise PermissionDenied(_("委员只能以本人名义提交提案"))
        proposer = actor
    proposer = _member(proposer, field="proposer", who=_("提案人"))
    if session is None:
        session = ProposalSession.objects.filter(is_current=True).first()
        if session is None:
            refuse("session", _("尚未设置当前会议届次，请联系提案委"))
    title = require_text(title, field="title", label=_("标题"), max_length=TITLE_MAX)
    reason = require_text(reason, field="reason", label=_("案由"))
    suggestions = require_text(suggestions, field="suggestions", label=_("建议"))
    unit_post = require_text(
        proposer_unit_post or proposer.title,
        field="proposer_unit_post",
        label=_("单位及职务"),
        max_length=200,
        required=False,
    )
    departments = require_text(
        desired_departments,
        field="desired_departments",
        label=_("希望得到办理的部门"),
        max_length=200,
        required=False,
    )
    address = require_text(address, field="address", label=_("通讯地址"), max_length=200, required=False)
    number = ""
    if (phone or "").strip():
        try:
            number = phone_numbers.validate(phone)
        except phone_numbers.InvalidPhone as exc:
            refuse("phone", str(exc))

    members = list(cosigners or ())
    if len(members) > COSIGNERS_MAX:
        refuse("cosigners", _("联名提案人最多 %(max)d 名") % {"max": COSIGNERS_MAX})
    seen = set()
    for member in members:
        _member(member, field="cosigners", who=_("联名提案人"))
        if member.pk == proposer.pk:
            refuse("cosigners", _("提案人本人不必作为联名提案人"))
        if member.pk in seen:
            refuse("cosigners", _("联名提案人 %(name)s 重复") % {"name": member.display_name})
        seen.add(member.pk)
    if members:
        first_day = today()
        if cosign_deadline is None:
            cosign_deadline = first_day + dt.timedelta(days=limit("PROPOSAL_COSIGN_DAYS"))
        cosign_deadline = require_date(cosign_deadline, field="cosign_deadline", label=_("联名确认截止日期"))
        if cosign_deadline < first_day:
            refuse("cosign_deadline", _("联名确认截止日期不能早于今天"))
        longest = limit("PROPOSAL_COSIGN_MAX_DAYS")
        if cosign_deadline > first_day + dt.timedelta(days=longest):
            refuse("cosign_deadline", _("联名确认期限最长 %(days)d 天") % {"days": longest})
    else:
        cosign_deadline = None

    check = one_matter_check(title=title, reason=reason, suggestions=suggestions)
    proposal = Proposal.objects.create(
        session=session,
        status=Proposal.Status.COSIGNING if members else Proposal.Status.SUBMITTED,
        title=title,
        proposer=proposer,
        proposer_name=proposer.display_name,
        proposer_unit_post=unit_post,
        phone_encrypted=crypto.encrypt(number),
        address_encrypted=crypto.encrypt(address),
        desired_departments=departments,
        reason=reason,
        suggestions=suggestions,
        submitted_by=actor,
        submitted_at=timezone.now(),
        cosign_deadline=cosign_deadline,
        multi_matter_warning=check.warning,
    )
    Cosigner.objects.bulk_create(
        Cosigner(proposal=proposal, member=member, position=i) for i, member in enumerate(members, start=1)
    )
    event = event_record(
        proposal=proposal,
        kind=Kind.SUBMITTED,
        actor=actor,
        note=check.warning,
        data={"on_behalf": actor.pk != proposer.pk, "cosigners": [m.pk for m in members]},
    )
    if members:
        notify(
            users=members,
            key=f"cosign:{event.pk}",
            subject=_("请确认联名：%(label)s") % {"label": label(proposal)},
            body=_("%(name)s 邀请您联名提出%(label)s，请于 %(date)s 前确认或拒绝。")
            % {
                "name": proposer.display_name,
                "label": label(proposal),
                "date": f"{cosign_deadline:%Y-%m-%d}",
            },
        )
    else:
        _tell_office_submitted(proposal, event)
    return proposal


def _tell_office_submitted(proposal: Proposal, event) -> None:
    notify(
        users=office_staff(),
        key=f"submitted:{event.pk}",
        subject=_("新提案待审查：%(label)s") % {"label": label(proposal)},
        body=_("%(name)s 提交了%(label)s，请审查。")
        % {"name": proposal.proposer_name, "label": label(proposal)},
    )


def _complete_cosigning(proposal: Proposal, *, actor=None) -> None:
    """Every co-signer has answered (or was dropped): the proposal goes to the office."""
    if proposal.cosigners.filter(answer=Answer.PENDING).exists():
        return
    proposal.status = Proposal.Status.SUBMITTED
    proposal.save(update_fields=["status"])
    confirmed = list(proposal.cosigners.filter(answer=Answer.CONFIRMED).values_list("member_id", flat=True))
    event = event_record(
        proposal=proposal, kind=Kind.COSIGN_COMPLETE, actor=actor, data={"confirmed": confirmed}
    )
    _tell_office_submitted(proposal, event)


@transaction.atomic
def cosigner_answer(*, actor, proposal: Proposal, confirm: bool, note: str = "") -> Cosigner:
    """A co-signer confirms or declines, on or before the cosign deadline."""
    proposal = lock(proposal)
    cosigner = proposal.cosigners.filter(member_id=getattr(actor, "pk", None)).first()
    if cosigner is None or not is_member(actor):
        raise PermissionDenied(_("您不是该提案的联名提案人"))
    if proposal.status != Proposal.Status.COSIGNING or cosigner.answer != Answer.PENDING:
        refuse("__all__", _("您已答复过该联名邀请，或联名确认已结束"))
    if proposal.cosign_deadline and today() > proposal.cosign_deadline:
        refuse("__all__", _("联名确认已于 %(date)s 截止") % {"date": f"{proposal.cosign_deadline:%Y-%m-%d}"})
    note = require_text(note, field="note", label=_("说明"), max_length=200, required=False)
    cosigner.answer = Answer.CONFIRMED if confirm else Answer.DECLINED
    cosigner.answered_at = timezone.now()
    cosigner.note = note
    cosigner.save(update_fields=["answer", "answered_at", "note"])
    event = event_record(
        proposal=proposal,
        kind=Kind.COSIGN_CONFIRMED if confirm else Kind.COSIGN_DECLINED,
        actor=actor,
        note=note,
    )
    notify(
        users=[proposal.proposer],
        key=f"cosign-answer:{event.pk}",
        subject=(_("%(name)s 已确认联名") if confirm else _("%(name)s 拒绝联名"))
        % {"name": actor.display_name},
        body=label(proposal),
    )
    _complete_cosigning(proposal, actor=actor)
    return cosigner


def settle_cosigning(proposal: Proposal, *, on: dt.date | None = None) -> bool:
    """Drop the co-signers who did not answer by the deadline; True when the proposal moved on.
    Called inside a transaction that holds the proposal's lock."""
    on = on or today()
    if proposal.status != Proposal.Status.COSIGNING or not proposal.cosign_deadline:
        return False
    if on <= proposal.cosign_deadline:
        return False
    note = _("至 %(date)s 未确认，不再列为联名提案人") % {"date": f"{proposal.cosign_deadline:%Y-%m-%d}"}
    dropped = list(proposal.cosigners.filter(answer=Answer.PENDING).select_related("member"))
    for cosigner in dropped:
        cosigner.answer = Answer.DROPPED
        cosigner.note = note
        cosigner.save(update_fields=["answer", "note"])
    if dropped:
        event_record(
            proposal=proposal,
            kind=Kind.COSIGN_DROPPED,
            note="、".join(c.member.display_name for c in dropped) + "：" + note,
            data={"dropped": [c.member_id for c in dropped]},
        )
    _complete_cosigning(proposal)
    return True


def proposal_cosign_sweep(*, on: dt.date | None = None) -> int:
    """Settle every proposal whose cosign deadline has passed; each in its own transaction. Returns
    how many moved on. Run daily (and the office's review settles a proposal first anyway)."""
    on = on or today()
    moved = 0
    due = Proposal.objects.filter(status=Proposal.Status.COSIGNING, cosign_deadline__lt=on).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update(of=("self",)).get(pk=pk)
            moved += settle_cosigning(proposal, on=on)
    return moved


@transaction.atomic
def proposal_attachment_add(*, actor, proposal: Proposal, upload) -> Attachment:
    """The proposer (while it is not yet reviewed) or the office attaches a file."""
    proposal = lock(proposal)
    own = proposal.proposer_id == getattr(actor, "pk", None) and is_member(actor)
    if not (is_office(actor) or own):
        raise PermissionDenied(_("只有提案人或提案委可以添加附件"))
    if own and proposal.status not in (Proposal.Status.COSIGNING, Proposal.Status.SUBMITTED):
        refuse("file", _("提案已审查，不能再添加附件"))
    try:
        checked = upload_checks.check(
            upload,
            name=upload.name,
            size=upload.size,
            max_bytes=settings.ATTACHMENT_MAX_BYTES,
            allowed=settings.ATTACHMENT_ALLOWED_TYPES,
        )
    except upload_checks.RejectedUpload as exc:
        raise ValidationError({"file": [str(exc)]}) from exc
    attachment = Attachment(
        proposal=proposal,
        original_name=upload.name[:200],
        content_type=checked.content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.save()
        event_record(proposal=proposal, kind=Kind.ATTACHED, actor=actor, note=attachment.original_name)
    except BaseException:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment
