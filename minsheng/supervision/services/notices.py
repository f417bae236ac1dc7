"""Supervision notices (督办通知书, Art 40) and the feedback they require.

The bureau's supervisor issues a notice to the responsible unit at a level — reminder 提醒, supervision
督办, listed supervision 挂牌督办 — with a date for written feedback; the unit's staff submit it; the
supervisor accepts it or escalates (a new notice at the next level with a new date). A notice is prepared
as data when issued, numbered per issuing unit and year, and rendered by minsheng.documents."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.notifications.services import notification_queue
from minsheng.petitions.models import Nature
from minsheng.petitions.permissions import ACCUSATION_ORG_KINDS

from ..models import (
    LEVEL_ORDER,
    Level,
    SupervisionEvent,
    SupervisionFeedback,
    SupervisionItem,
    SupervisionNotice,
    level_rank,
)
from ..notify import unit_notify
from ..permissions import can_give_feedback, can_issue_notices
from ..selectors import items_addressed_to
from .common import history_add, lock_item, matter_event, refuse, require_text, step_day, subject_name
from .wording import notice_text

REQUIREMENT_MAX = 2000
FEEDBACK_MAX = 5000
NOTE_MAX = 2000
# A feedback date further away than this is not a supervision.
FEEDBACK_MAX_DAYS = 90
ADDRESSEE_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
    Organisation.Kind.DISCIPLINE,
    Organisation.Kind.POLITICAL_LEGAL,
)


def _require_issuer(actor) -> None:
    if not can_issue_notices(actor):
        raise PermissionDenied(_("只有信访局的督办员可以发出督办通知、认可反馈"))


def _issuer(actor, addressee: Organisation) -> Organisation:
    """The bureau issues notices: the actor's own, or (for an administrator elsewhere) the one above."""
    org = actor.organisation
    if org is not None and org.kind == Organisation.Kind.PETITION_BUREAU:
        return org
    for bureau in Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU, is_active=True):
        if addressee.path.startswith(bureau.scope_path):
            return bureau
    return org or addressee


def _check_addressee(item: SupervisionItem, addressee: Organisation | None) -> Organisation:
    if addressee is None:
        refuse("addressee", _("请选择主送单位"))
    if not addressee.is_active:
        refuse("addressee", _("主送单位已停用"))
    if addressee.kind not in ADDRESSEE_KINDS:
        refuse("addressee", _("主送单位应为承办信访事项的单位"))
    if item.matter_id is not None:
        matter = item.matter
        if matter.nature == Nature.ACCUSATION and addressee.kind not in ACCUSATION_ORG_KINDS:
            # Art 30: accusation material never leaves the bureau and the discipline organ.
            refuse("addressee", _("检举控告类事项的督办通知只能发给纪检监察机关（第三十条）"))
        concerned = [matter.handling_org, matter.receiving_org, matter.concerned_org]
    else:
        concerned = [(item.meeting_task or item.instruction_task).organisation]
    if addressee.kind != Organisation.Kind.PETITION_BUREAU and not any(
        org is not None and org.path.startswith(addressee.path) for org in concerned
    ):
        # A unit that has nothing to do with the subject could not even open it.
        refuse("addressee", _("主送单位应是承办、登记或涉及该事项的单位（或其上级）"))
    return addressee


def _check_feedback_due(on: dt.date, due: dt.date | None) -> dt.date:
    if due is None:
        refuse("feedback_due_on", _("请填写反馈期限"))
    if due <= on:
        refuse("feedback_due_on", _("反馈期限应晚于发出日期"))
    if due > on + dt.timedelta(days=FEEDBACK_MAX_DAYS):
        refuse("feedback_due_on", _("反馈期限不能超过发出后 %(days)d 日") % {"days": FEEDBACK_MAX_DAYS})
    return due


def _number(issuer: Organisation, year: int) -> str:
    # Imported here: petitions.services imports this package (an unsatisfied rating opens an item).
    from minsheng.petitions.services.numbering import sequence_next

    # Numbered per issuing unit and year, apart from its matter numbers and its other documents.
    prefix = issuer.matter_number_prefix
    seq = sequence_next(prefix=prefix[:11] + "督", year=year)
    return f"{prefix}督〔{year}〕{seq}号"


@transaction.atomic
def supervision_notice_issue(
    *,
    actor,
    item: SupervisionItem,
    level: str,
    feedback_due_on: dt.date | None,
    addressee: Organisation | None = None,
    requirement: str = "",
    on: dt.date | None = None,
) -> SupervisionNotice:
    """Issue a notice at `level` to `addressee` (default: the item's responsible unit), requiring
    written feedback by `feedback_due_on` (after the day of issue, within 90 days).

    A level never goes down. While a notice still waits for feedback or acceptance, only a higher level
    may be issued: that is an escalation, and the earlier notice is marked escalated. The addressee
    becomes the item's responsible unit; its handlers and supervisors are notified."""
    _require_issuer(actor)
    item = lock_item(actor=actor, item=item)
    if level not in Level.values:
        refuse("level", _("请选择督办级别：提醒、督办或挂牌督办"))
    open_notice = item.notices.filter(status__in=SupervisionNotice.OPEN_STATUSES).first()
    if level_rank(level) < item.level_rank:
        refuse(
            "level",
            _("不能降低督办级别（当前为“%(level)s”）") % {"level": item.get_level_display()},
        )
    if open_notice is not None and level_rank(level) == item.level_rank:
        refuse(
            "level",
            _("该事项已有未办完的督办通知书（%(number)s），请先认可反馈，或升级督办")
            % {"number": open_notice.number},
        )
    on = step_day(on, not_before=item.opened_on)
    feedback_due_on = _check_feedback_due(on, feedback_due_on)
    addressee = _check_addressee(item, addressee or item.organisation)
    requirement = require_text(requirement, "requirement", _("督办要求"), REQUIREMENT_MAX, required=False)
    escalation = item.level_rank > 0 and level_rank(level) > item.level_rank
    if open_notice is not None:
        open_notice.status = SupervisionNotice.Status.ESCALATED
        open_notice.save(update_fields=["status"])
    issuer = _issuer(actor, addressee)
    label = str(Level(level).label)
    paragraphs, fields = notice_text(
        item=item,
        level=level,
        addressee=addressee,
        issuer=issuer,
        due=feedback_due_on,
        on=on,
        requirement=requirement,
    )
    notice = SupervisionNotice.objects.create(
        item=item,
        level=level,
        number=_number(issuer, on.year),
        addressee=addressee,
        issuer=issuer,
        issued_on=on,
        issued_by=actor,
        feedback_due_on=feedback_due_on,
        requirement=requirement,
        paragraphs=paragraphs,
        fields=fields,
    )
    item.level, item.organisation, item.feedback_due_on = level, addressee, feedback_due_on
    item.save(update_fields=["level", "organisation", "feedback_due_on"])
    note = _("%(number)s（%(level)s），主送%(unit)s，请于 %(due)s 前书面反馈") % {
        "number": notice.number,
        "level": label,
        "unit": addressee.name,
        "due": f"{feedback_due_on:%Y-%m-%d}",
    }
    kind = SupervisionEvent.Kind.ESCALATED if escalation else SupervisionEvent.Kind.NOTICE
    history_add(item, kind=kind, actor=actor, note=note, notice=notice)
    what = _("升级为%(level)s") % {"level": label} if escalation else _("发出督办通知书")
    matter_event(item, actor=actor, note=f"{what}：{note}", data={"notice": notice.pk, "level": level})
    due = f"{feedback_due_on:%Y-%m-%d}"
    unit_notify(
        organisation_id=addressee.pk,
        key=f"supervision_notice:{notice.pk}",
        subject=_("%(level)s：%(number)s") % {"level": label, "number": notice.number},
        body=_("%(issuer)s对%(subject)s发出%(level)s通知（%(number)s），请于 %(due)s 前书面反馈办理情况。")
        % {
            "issuer": issuer.name,
            "subject": subject_name(item),
            "level": label,
            "number": notice.number,
            "due": due,
        },
        outside_body=_(
            "【民声】%(issuer)s向你单位发出%(level)s通知（%(number)s），请于 %(due)s 前登录系统书面反馈。"
        )
        % {"issuer": issuer.name, "level": label, "number": notice.number, "due": due},
        matter=item.matter,
    )
    return notice


@transaction.atomic
def supervision_item_escalate(
    *, actor, item: SupervisionItem, feedback_due_on: dt.date | None, requirement: str = "", on=None
) -> SupervisionNotice:
    """A notice at the next level, with a new feedback date: 提醒 → 督办 → 挂牌督办."""
    _require_issuer(actor)
    item = lock_item(actor=actor, item=item)  # its level as it is now, not as the caller read it
    rank = item.level_rank
    if rank == 0:
        refuse("level", _("尚未发出督办通知，请先发出提醒"))
    if rank >= len(LEVEL_ORDER):
        refuse("level", _("已是挂牌督办，不能再升级"))
    return supervision_notice_issue(
        actor=actor,
        item=item,
        level=LEVEL_ORDER[rank],
        feedback_due_on=feedback_due_on,
        requirement=requirement,
        on=on,
    )


def _lock_notice_for_unit(actor, notice: SupervisionNotice) -> SupervisionNotice:
    try:
        notice = (
            SupervisionNotice.objects.select_for_update(of=("self",))
            .select_related(
                "item", "item__matter", "item__meeting_task", "item__meeting_task__meeting", "addressee"
            )
            .get(pk=notice.pk, item__in=items_addressed_to(user=actor).values("pk"))
        )
    except SupervisionNotice.DoesNotExist as exc:
        raise PermissionDenied(_("只有主送单位的工作人员可以反馈")) from exc
    if not can_give_feedback(actor, notice):
        raise PermissionDenied(_("只有主送单位的工作人员可以反馈"))
    return notice


@transaction.atomic
def supervision_feedback_submit(
    *, actor, notice: SupervisionNotice, text: str, on: dt.date | None = None
) -> SupervisionFeedback:
    """The addressed unit's written feedback. Late feedback is accepted and marked late; a unit may add
    to its feedback until the supervisor accepts it or escalates."""
    notice = _lock_notice_for_unit(actor, notice)
    item = notice.item
    if item.closed_on is not None:
        refuse("__all__", _("该督办事项已办结"))
    if not notice.is_open:
        refuse(
            "__all__",
            _("该督办通知书当前为“%(status)s”，不能再反馈") % {"status": notice.get_status_display()},
        )
    text = require_text(text, "text", _("反馈内容"), FEEDBACK_MAX)
    on = step_day(on, not_before=notice.issued_on)
    feedback = SupervisionFeedback.objects.create(
        notice=notice,
        text=text,
        submitted_on=on,
        submitted_by=actor,
        organisation=notice.addressee,
        submitted_at=timezone.now(),
    )
    notice.status = SupervisionNotice.Status.FED_BACK
    notice.save(update_fields=["status"])
    SupervisionItem.objects.filter(pk=item.pk).update(feedback_due_on=None)
    late = feedback.days_late
    note = _("%(unit)s书面反馈（%(number)s）") % {"unit": notice.addressee.name, "number": notice.number}
    if late:
        note += _("，逾期 %(days)d 日") % {"days": late}
    history_add(item, kind=SupervisionEvent.Kind.FEEDBACK, actor=actor, note=f"{note}：{text}", notice=notice)
    matter_event(
        item, actor=actor, note=f"{note}：{text}", data={"notice": notice.pk, "feedback": feedback.pk}
    )
    if notice.issued_by is not None and notice.issued_by.is_active:
        notification_queue(
            dedupe_key=f"supervision_feedback:{feedback.pk}",
            recipient=notice.issued_by,
            channel="in_app",
            subject=_("督办反馈：%(number)s") % {"number": notice.number},
            body=_("%(note)s。请认可反馈、升级督办或继续跟踪。") % {"note": note},
            matter=item.matter,
        )
    return feedback


@transaction.atomic
def supervision_feedback_accept(
    *, actor, notice: SupervisionNotice, note: str = "", on: dt.date | None = None
) -> SupervisionNotice:
    """The supervisor accepts the unit's feedback on a notice. The item stays open for follow-up until
    it is closed."""
    _require_issuer(actor)
    item = lock_item(actor=actor, item=notice.item)
    notice = SupervisionNotice.objects.select_for_update().get(pk=notice.pk, item=item)
    if notice.status != SupervisionNotice.Status.FED_BACK:
        refuse(
            "__all__",
            _("该督办通知书当前为“%(status)s”，须在主送单位反馈后认可")
            % {"status": notice.get_status_display()},
        )
    note = require_text(note, "note", _("认可意见"), NOTE_MAX, required=False)
    on = step_day(on, not_before=notice.issued_on)
    notice.status, notice.accepted_on, notice.accepted_by = SupervisionNotice.Status.ACCEPTED, on, actor
    notice.save(update_fields=["status", "accepted_on", "accepted_by"])
    text = _("认可%(unit)s的反馈（%(number)s）") % {"unit": notice.addressee.name, "number": notice.number}
    text = f"{text}：{note}" if note else text
    history_add(item, kind=SupervisionEvent.Kind.ACCEPTED, actor=actor, note=text, notice=notice)
    matter_event(item, actor=actor, note=text, data={"notice": notice.pk})
    return notice
