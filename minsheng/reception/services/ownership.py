"""Case ownership (包案): a leader answers for a matter until it is solved."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role
from minsheng.instructions.services.notify import notify
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services.events import matter_event_record

from .. import events
from ..models import CaseOwnership
from ..permissions import can_assign_ownership
from .common import NOTE_MAX, Errors, check_leader, clean_text, leader_label


def _day(errors: Errors, on: dt.date | None, *, not_before: dt.date | None = None) -> dt.date:
    today = timezone.localdate()
    on = on or today
    if on > today:
        errors.add("on", _("日期不能晚于今天"))
    elif not_before is not None and on < not_before:
        errors.add("on", _("日期不能早于 %(day)s") % {"day": f"{not_before:%Y-%m-%d}"})
    return on


@transaction.atomic
def case_ownership_assign(
    *, actor, matter: Matter | None, leader, note: str = "", on: dt.date | None = None
) -> CaseOwnership:
    """Make `leader` the owner of `matter` (supervisor or admin), from `on` (default today). A matter
    has one active owner (a DB constraint): release the current one first. Not for closed matters."""
    if not can_assign_ownership(actor):
        raise PermissionDenied(_("只有督办员或管理员可以指定包案领导"))
    errors = Errors()
    if matter is None or not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        errors.add("matter", _("找不到该信访事项，或您无权查看"))
    else:
        # The lock serialises two supervisors assigning the same matter at once.
        matter = Matter.objects.select_for_update().get(pk=matter.pk)
        current = (
            CaseOwnership.objects.filter(matter=matter, released_on__isnull=True)
            .select_related("leader")
            .first()
        )
        if current is not None:
            errors.add(
                "matter",
                _("该事项已由 %(name)s 包案；如需更换，请先解除") % {"name": current.leader.display_name},
            )
        elif matter.status == Matter.Status.CLOSED:
            errors.add("matter", _("该事项已办结，无需包案"))
    check_leader(errors, leader)
    note = clean_text(errors, note, field="note", max_length=NOTE_MAX)
    on = _day(errors, on)
    errors.raise_any()
    ownership = CaseOwnership.objects.create(
        matter=matter, leader=leader, assigned_on=on, assigned_by=actor, note=note
    )
    text = _("由 %(leader)s 包案，直至问题解决") % {"leader": leader_label(leader)}
    matter_event_record(
        matter=matter,
        kind=events.OWNED,
        actor=actor,
        note=f"{text}。{note}" if note else f"{text}。",
        data={"ownership": ownership.pk, "leader": leader.pk},
    )
    notify(
        users=[leader],
        key=f"ownership:{ownership.pk}:assigned",
        subject=_("包案事项：%(number)s") % {"number": matter.number},
        body=_("您已被指定为信访事项 %(number)s「%(title)s」的包案领导。")
        % {"number": matter.number, "title": matter.title},
        outside_body="",
        outside=False,
    )
    return ownership


@transaction.atomic
def case_ownership_release(
    *, actor, ownership: CaseOwnership, note: str, on: dt.date | None = None
) -> CaseOwnership:
    """End an ownership with a note (the problem is solved, or the owner changes): a supervisor or
    admin, or the owning leader."""
    ownership = (
        CaseOwnership.objects.select_for_update(of=("self",))
        .select_related("matter", "leader")
        .get(pk=ownership.pk)
    )
    is_owner = actor.is_authenticated and actor.pk == ownership.leader_id and actor.role == Role.LEADER
    if not (can_assign_ownership(actor) or is_owner):
        raise PermissionDenied(_("只有督办员、管理员或包案领导本人可以解除包案"))
    if not matters_visible_to(user=actor).filter(pk=ownership.matter_id).exists():
        raise PermissionDenied(_("您无权办理该信访事项"))
    errors = Errors()
    if ownership.released_on is not None:
        errors.add("__all__", _("该包案已于 %(day)s 解除") % {"day": f"{ownership.released_on:%Y-%m-%d}"})
        errors.raise_any()
    note = clean_text(errors, note, field="note", max_length=NOTE_MAX, required_message=_("请填写解除说明"))
    on = _day(errors, on, not_before=ownership.assigned_on)
    errors.raise_any()
    ownership.released_on, ownership.released_by, ownership.release_note = on, actor, note
    ownership.save(update_fields=["released_on", "released_by", "release_note"])
    matter_event_record(
        matter=ownership.matter,
        kind=events.RELEASED,
        actor=actor,
        note=_("解除 %(leader)s 的包案：%(note)s") % {"leader": leader_label(ownership.leader), "note": note},
        data={"ownership": ownership.pk, "leader": ownership.leader_id},
    )
    return ownership
