"""Reception sessions (the day actually held) and the people received in them."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation

from ..models import CENTRE_PLACE, Kind, ReceptionDay, ReceptionSession
from ..permissions import can_record_reception
from .common import Errors, check_in_scope, check_leader, clean_text
from .rota import check_organisation, check_times

EARLIEST = dt.date(2000, 1, 1)
NOTES_MAX = 10000


def require_recorder(actor) -> None:
    if not can_record_reception(actor):
        raise PermissionDenied(_("只有登记员、督办员或管理员可以记录领导接访"))


@transaction.atomic
def reception_session_record(
    *,
    actor,
    day: ReceptionDay | None = None,
    leader=None,
    held_on: dt.date | None = None,
    kind: str | None = None,
    organisation: Organisation | None = None,
    place: str = "",
    started_at: dt.time | None = None,
    ended_at: dt.time | None = None,
    notes: str = "",
) -> ReceptionSession:
    """Record that a reception was held (registrar, supervisor or admin of the place's organisation or
    above it).

    From a planned `day`, leader, date, kind, place and times default to the day's (its date must not
    be in the future; a day has one session). Without one: `leader` (role leader in a leading body),
    `held_on` (not after today), `kind` ("centre" at the petition bureau's visitor service centre,
    or "field_visit" to a township or village) and `organisation` (the bureau — the actor's own by
    default — or the township) are required; `place` defaults to 群众来访服务中心 at the centre.

    The period report counts sessions by `held_on` and `organisation`: kind centre as
    reception_sessions (坐班接访), field_visit as field_visits (下访). A leader holds one session a day."""
    require_recorder(actor)
    errors = Errors()
    if day is not None:
        day = ReceptionDay.objects.select_for_update().select_related("leader", "organisation").get(pk=day.pk)
        if ReceptionSession.objects.filter(day=day).exists():
            errors.add("day", _("该接访安排已有接访记录"))
        leader = leader or day.leader
        held_on = held_on or day.date
        kind = kind or day.kind
        organisation = organisation or day.organisation
        place = place or day.place
        started_at = started_at or day.starts_at
        if day.date != held_on:
            errors.add("held_on", _("接访日期应与接访安排的日期一致"))
    kind = kind or Kind.CENTRE
    if kind not in Kind.values:
        errors.add("kind", _("请选择接访方式"))
    if organisation is None and kind == Kind.CENTRE:
        organisation = actor.organisation
    check_leader(errors, leader)
    if held_on is None:
        errors.add("held_on", _("请填写接访日期"))
    elif held_on > timezone.localdate():
        errors.add("held_on", _("接访日期不能晚于今天"))
    elif held_on < EARLIEST:
        errors.add("held_on", _("接访日期不能早于 2000 年"))
    check_organisation(errors, kind, organisation)
    if not place and kind == Kind.CENTRE:
        place = CENTRE_PLACE
    place = clean_text(errors, place, field="place", max_length=200, required_message=_("请填写接访地点"))
    notes = clean_text(errors, notes, field="notes", max_length=NOTES_MAX)
    check_times(errors, started_at, ended_at)
    if errors.get("ends_at"):
        errors["ended_at"] = errors.pop("ends_at")
    if not errors:
        check_in_scope(actor, organisation)
        if ReceptionSession.objects.filter(leader=leader, held_on=held_on).exists():
            errors.add(
                "held_on",
                _("%(name)s 在 %(date)s 已有接访记录")
                % {"name": leader.display_name, "date": f"{held_on:%Y-%m-%d}"},
            )
    errors.raise_any()
    return ReceptionSession.objects.create(
        day=day,
        held_on=held_on,
        kind=kind,
        leader=leader,
        organisation=organisation,
        place=place,
        started_at=started_at,
        ended_at=ended_at,
        notes=notes,
        recorded_by=actor,
    )


@transaction.atomic
def reception_session_update(
    *,
    actor,
    session: ReceptionSession,
    started_at: dt.time | None,
    ended_at: dt.time | None,
    notes: str = "",
) -> ReceptionSession:
    """Record a session's times and the notes on how it went (接访情况)."""
    require_recorder(actor)
    session = ReceptionSession.objects.select_for_update().select_related("organisation").get(pk=session.pk)
    check_in_scope(actor, session.organisation)
    errors = Errors()
    notes = clean_text(errors, notes, field="notes", max_length=NOTES_MAX)
    check_times(errors, started_at, ended_at)
    if errors.get("ends_at"):
        errors["ended_at"] = errors.pop("ends_at")
    errors.raise_any()
    session.started_at, session.ended_at, session.notes = started_at, ended_at, notes
    session.save(update_fields=["started_at", "ended_at", "notes"])
    return session
