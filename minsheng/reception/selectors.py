"""Reads of the reception rota, sessions, appointments and case ownership, scoped to the user.

Staff see what happens at organisations in their scope (the bureau: the whole jurisdiction); a
leader also sees everything of their own. The public schedule is a separate read that returns only
what may be published."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.instructions.selectors import leader_open_instructions
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to, with_deadline_state

from .models import Appointment, CaseOwnership, ReceptionDay, ReceptionEntry, ReceptionSession
from .permissions import can_assign_ownership, can_record_reception, can_see_reception, is_leader

PUBLIC_WEEKS = 4


def _scoped(queryset: QuerySet, user, *, leader_field: str = "leader") -> QuerySet:
    if not can_see_reception(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    in_scope = Q(organisation__in=organisations_in_scope(user=user).values("pk"))
    if user.role == Role.LEADER:
        in_scope |= Q(**{leader_field: user})
    return queryset.filter(in_scope)


def leaders_available(*, user) -> QuerySet[User]:
    """The leaders a user may put on the rota or name for an appointment or an ownership."""
    leaders = User.objects.filter(
        role=Role.LEADER, is_active=True, organisation__kind=Organisation.Kind.LEADERSHIP
    ).select_related("organisation")
    if not user.is_superuser:
        leaders = leaders.filter(organisation__in=organisations_in_scope(user=user).values("pk"))
    return leaders.order_by("organisation__sort_order", "organisation__path", "pk")


def reception_days(*, user, start: dt.date, end: dt.date) -> QuerySet[ReceptionDay]:
    return (
        _scoped(ReceptionDay.objects.filter(date__range=(start, end)), user)
        .select_related("leader", "organisation", "session")
        .order_by("date", "kind", "starts_at", "pk")
    )


def reception_day_get(*, user, pk: int) -> ReceptionDay:
    return _scoped(ReceptionDay.objects.all(), user).select_related("leader", "organisation").get(pk=pk)


@dataclass(frozen=True)
class PublicDay:
    """One line of the published schedule: only what the public may read."""

    date: dt.date
    leader_name: str
    leader_post: str
    place: str
    kind: str
    kind_label: str
    starts_at: dt.time | None
    ends_at: dt.time | None


def public_schedule(*, today: dt.date | None = None, weeks: int = PUBLIC_WEEKS) -> list[PublicDay]:
    """The reception days from today for `weeks` weeks, for the public page (no login). Built as plain
    values so that a template can show nothing else of the leader (no phone, no account)."""
    today = today or timezone.localdate()
    days = (
        ReceptionDay.objects.filter(date__gte=today, date__lt=today + dt.timedelta(weeks=weeks))
        .select_related("leader")
        .order_by("date", "kind", "starts_at", "pk")
    )
    return [
        PublicDay(
            date=day.date,
            leader_name=day.leader.display_name,
            leader_post=day.leader.title,
            place=day.place,
            kind=day.kind,
            kind_label=str(day.get_kind_display()),
            starts_at=day.starts_at,
            ends_at=day.ends_at,
        )
        for day in days
    ]


def sessions_visible_to(*, user) -> QuerySet[ReceptionSession]:
    return _scoped(ReceptionSession.objects.all(), user)


def session_list(*, user, start: dt.date | None = None, end: dt.date | None = None, kind: str = ""):
    sessions = sessions_visible_to(user=user)
    if start:
        sessions = sessions.filter(held_on__gte=start)
    if end:
        sessions = sessions.filter(held_on__lte=end)
    if kind:
        sessions = sessions.filter(kind=kind)
    return (
        sessions.select_related("leader", "organisation")
        .annotate(batches=Count("entries"), people=Sum("entries__submission__head_count"))
        .order_by("-held_on", "-pk")
    )


def session_get(*, user, pk: int) -> ReceptionSession:
    return sessions_visible_to(user=user).select_related("leader", "organisation", "day").get(pk=pk)


def session_entries(*, user, session: ReceptionSession) -> list[ReceptionEntry]:
    """The people received in a session; an entry whose matter the user may not see (an accusation,
    for someone outside the bureau) is left out."""
    entries = list(
        session.entries.select_related("submission", "matter", "instruction")
        .prefetch_related("submission__petitioners")
        .order_by("recorded_at", "pk")
    )
    visible = set(
        matters_visible_to(user=user)
        .filter(pk__in=[e.matter_id for e in entries])
        .values_list("pk", flat=True)
    )
    return [e for e in entries if e.matter_id in visible]


def today_sessions(*, user, today: dt.date | None = None) -> QuerySet[ReceptionSession]:
    today = today or timezone.localdate()
    return sessions_visible_to(user=user).filter(held_on=today).select_related("leader")


def appointments_visible_to(*, user) -> QuerySet[Appointment]:
    appointments = _scoped(Appointment.objects.all(), user)
    return appointments.filter(matter__in=matters_visible_to(user=user).values("pk"))


def appointment_list(*, user, status: str = "") -> QuerySet[Appointment]:
    appointments = appointments_visible_to(user=user)
    if status == "open":
        appointments = appointments.filter(status__in=Appointment.OPEN_STATUSES)
    elif status:
        appointments = appointments.filter(status=status)
    return appointments.select_related("matter", "leader", "organisation").order_by("-proposed_at", "-pk")


def appointment_get(*, user, pk: int) -> Appointment:
    return appointments_visible_to(user=user).select_related("matter", "leader", "organisation").get(pk=pk)


def ownerships_visible_to(*, user) -> QuerySet[CaseOwnership]:
    if not can_see_reception(user):
        return CaseOwnership.objects.none()
    ownerships = CaseOwnership.objects.filter(matter__in=matters_visible_to(user=user).values("pk"))
    if user.role == Role.LEADER and not user.is_superuser:
        ownerships = ownerships.filter(leader=user)
    return ownerships


def ownership_list(*, user, active_only: bool = True) -> QuerySet[CaseOwnership]:
    ownerships = ownerships_visible_to(user=user)
    if active_only:
        ownerships = ownerships.filter(released_on__isnull=True)
    return ownerships.select_related("matter", "leader").order_by("-assigned_on", "-pk")


def ownership_get(*, user, pk: int) -> CaseOwnership:
    return ownerships_visible_to(user=user).select_related("matter", "leader").get(pk=pk)


def owned_matters(*, leader) -> QuerySet[Matter]:
    """The matters a leader owns now, with their deadline state, the most urgent first."""
    owned = CaseOwnership.objects.filter(leader=leader, released_on__isnull=True).values("matter_id")
    return (
        with_deadline_state(Matter.objects.filter(pk__in=owned))
        .select_related("handling_org")
        .order_by("due_on", "received_at", "pk")
    )


@dataclass
class MyReception:
    days: list
    appointments: list
    owned: list
    instructions: list


def my_reception(*, user, today: dt.date | None = None) -> MyReception:
    """我的接访: a leader's upcoming reception days, open appointments, owned matters and open
    instructions."""
    today = today or timezone.localdate()
    return MyReception(
        days=list(
            ReceptionDay.objects.filter(leader=user, date__gte=today)
            .select_related("organisation", "session")
            .order_by("date", "pk")[:30]
        ),
        appointments=list(
            Appointment.objects.filter(leader=user, status__in=Appointment.OPEN_STATUSES)
            .select_related("matter")
            .order_by("proposed_at", "pk")[:50]
        ),
        owned=list(owned_matters(leader=user)[:100]),
        instructions=list(leader_open_instructions(leader=user)[:100]),
    )


def matter_reception_box(*, matter: Matter, user) -> dict:
    """The context of reception/_matter_box.html for a matter the page already showed to `user`: the
    active owner and earlier owners, the receptions the matter came to, its appointments, and which
    forms the user is offered. Empty lists and no forms make the box render nothing."""
    ownerships = list(
        matter.ownerships.select_related("leader", "assigned_by", "released_by").order_by(
            "-assigned_on", "-pk"
        )
    )
    active = next((o for o in ownerships if o.released_on is None), None)
    supervising = can_assign_ownership(user)
    can_assign = supervising and active is None and matter.status != Matter.Status.CLOSED
    entries = list(
        matter.reception_entries.select_related(
            "session", "session__leader", "submission", "instruction"
        ).order_by("session__held_on", "pk")
    )
    appointments = list(matter.appointments.select_related("leader").order_by("-proposed_at", "-pk"))
    can_record = can_record_reception(user)
    return {
        "matter": matter,
        "owner": active,
        "past_owners": [o for o in ownerships if o is not active],
        "entries": entries,
        "appointments": appointments,
        "can_assign": can_assign,
        "can_release": active is not None
        and (supervising or (is_leader(user) and active.leader_id == user.pk)),
        "can_invite": can_record,
        # The units handling the matter see what the leaders did, without links into the bureau's pages.
        "can_open": can_see_reception(user),
        "leaders": list(leaders_available(user=user)) if can_assign else [],
        "show": bool(ownerships or entries or appointments or can_assign or can_record),
    }
