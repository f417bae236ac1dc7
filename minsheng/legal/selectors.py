"""Reads of the lawyers' work, always scoped to what the user may see.

Lawyers see only their own: their duty days, their assignments, and — once they have declared no
conflict of interest — the matters of their active assignments. Staff see what concerns the
organisations in their scope (属地管理): roster and consultations by the organisation where they took
place, assignments, opinions and mediations through the matters they may see.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.petitions.models import Matter, Nature
from minsheng.petitions.selectors import matters_visible_to

from .models import (
    SESSION_ORDER,
    Consultation,
    DutyShift,
    LawyerAssignment,
    LegalOpinion,
    Mediation,
)
from .permissions import can_assign_lawyers, is_lawyer


def lawyers_available() -> QuerySet[User]:
    """Active lawyer accounts, whichever organisation (a law firm, or the city) they belong to."""
    return (
        User.objects.filter(role=Role.LAWYER, is_active=True, is_superuser=False)
        .select_related("organisation")
        .order_by("full_name", "username")
    )


def centre_default() -> Organisation | None:
    """The organisation of the visitor service centre: the petition bureau nearest the root."""
    return (
        Organisation.objects.filter(kind=Organisation.Kind.PETITION_BUREAU, is_active=True)
        .order_by("path")
        .first()
    )


def consultation_places(*, user: User) -> QuerySet[Organisation]:
    """Where a consultation the user records may have taken place: for staff their own scope, for a
    lawyer the centre and the townships and villages lawyers go out to."""
    if is_lawyer(user):
        return Organisation.objects.filter(
            is_active=True,
            kind__in=[
                Organisation.Kind.PETITION_BUREAU,
                Organisation.Kind.TOWNSHIP,
                Organisation.Kind.VILLAGE,
            ],
        ).order_by("path")
    return organisations_in_scope(user=user).filter(is_active=True).order_by("path")


# --- duty roster ------------------------------------------------------------------------------------


def duty_shifts_visible_to(*, user: User) -> QuerySet[DutyShift]:
    shifts = DutyShift.objects.select_related("lawyer", "organisation")
    if not user.is_authenticated:
        return shifts.none()
    if is_lawyer(user):
        return shifts.filter(lawyer=user)
    if user.is_superuser:
        return shifts
    return shifts.filter(organisation__in=organisations_in_scope(user=user))


@dataclass(frozen=True)
class RosterDay:
    day: dt.date
    is_working_day: bool
    shifts: list


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def roster_month(*, user: User, year: int, month: int, work_calendar) -> list[RosterDay]:
    """Every day of the month with the shifts the user may see, morning before afternoon."""
    start, end = month_bounds(year, month)
    by_day: dict[dt.date, list[DutyShift]] = {}
    for shift in duty_shifts_visible_to(user=user).filter(day__range=(start, end)):
        by_day.setdefault(shift.day, []).append(shift)
    days = []
    day = start
    while day <= end:
        shifts = sorted(by_day.get(day, []), key=lambda s: (SESSION_ORDER.get(s.session, 9), s.pk))
        days.append(RosterDay(day=day, is_working_day=work_calendar.is_working_day(day), shifts=shifts))
        day += dt.timedelta(days=1)
    return days


def duty_shifts_upcoming(*, user: User, today: dt.date, days: int = 31) -> QuerySet[DutyShift]:
    return duty_shifts_visible_to(user=user).filter(day__range=(today, today + dt.timedelta(days=days)))


def duty_shift_get(*, user: User, pk: int) -> DutyShift:
    return duty_shifts_visible_to(user=user).get(pk=pk)


# --- assignments ------------------------------------------------------------------------------------


def assignments_visible_to(*, user: User) -> QuerySet[LawyerAssignment]:
    assignments = LawyerAssignment.objects.select_related(
        "matter", "lawyer", "lawyer__organisation", "organisation", "assigned_by"
    )
    if not user.is_authenticated:
        return assignments.none()
    if is_lawyer(user):
        return assignments.filter(lawyer=user)
    return assignments.filter(matter__in=matters_visible_to(user=user).values("pk"))


def assignment_get(*, user: User, pk: int) -> LawyerAssignment:
    return assignments_visible_to(user=user).get(pk=pk)


def assignment_list(*, user: User, status: str = "") -> QuerySet[LawyerAssignment]:
    assignments = assignments_visible_to(user=user)
    if status:
        assignments = assignments.filter(status=status)
    return assignments.order_by("-assigned_at", "-pk")


def matters_open_to_lawyer(*, lawyer: User) -> QuerySet[Matter]:
    """The matters a lawyer may read in full: those of an active assignment (declared, no conflict)."""
    return Matter.objects.filter(
        lawyer_assignments__lawyer=lawyer, lawyer_assignments__status=LawyerAssignment.Status.ACTIVE
    ).distinct()


def assignable_matters(*, user: User) -> QuerySet[Matter]:
    """Matters a lawyer may be assigned to by this user: visible, not accusations (Art 30)."""
    if not can_assign_lawyers(user):
        return Matter.objects.none()
    return matters_visible_to(user=user).exclude(nature=Nature.ACCUSATION)


def lawyers_with_active_assignment(*, matter: Matter) -> QuerySet[User]:
    return lawyers_available().filter(
        legal_assignments__matter=matter, legal_assignments__status=LawyerAssignment.Status.ACTIVE
    )


def lawyer_matter_parties(*, matter: Matter) -> dict:
    """What a lawyer reads before declaring: who the parties are, not what the matter says."""
    names = list(
        matter.submissions.values_list("petitioners__name", flat=True)
        .distinct()
        .order_by("petitioners__name")
    )
    return {
        "petitioners": [n for n in names if n],
        "concerned_org": matter.concerned_org,
        "handling_org": matter.handling_org,
        "receiving_org": matter.receiving_org,
        "category": matter.category,
        "place": matter.place,
    }


# --- opinions and mediations ------------------------------------------------------------------------


def opinions_visible_to(*, user: User) -> QuerySet[LegalOpinion]:
    opinions = LegalOpinion.objects.select_related("matter", "lawyer", "organisation", "assignment")
    if not user.is_authenticated:
        return opinions.none()
    if is_lawyer(user):
        return opinions.filter(lawyer=user)
    return opinions.filter(matter__in=matters_visible_to(user=user).values("pk"))


def opinion_get(*, user: User, pk: int) -> LegalOpinion:
    return opinions_visible_to(user=user).get(pk=pk)


def mediations_visible_to(*, user: User) -> QuerySet[Mediation]:
    mediations = Mediation.objects.select_related("matter", "organisation", "recorded_by").prefetch_related(
        Prefetch("lawyers", queryset=User.objects.order_by("full_name", "username"))
    )
    if not user.is_authenticated:
        return mediations.none()
    if is_lawyer(user):
        return mediations.filter(matter__in=matters_open_to_lawyer(lawyer=user).values("pk"))
    return mediations.filter(matter__in=matters_visible_to(user=user).values("pk"))


def mediation_get(*, user: User, pk: int) -> Mediation:
    return mediations_visible_to(user=user).get(pk=pk)


def legal_box_for(*, user: User, matter: Matter) -> dict:
    """The context of legal/_matter_box.html on a matter's page and beside its reply form.

    `matter` comes from a page that already checked the user may see it; what is listed here is
    filtered again, so that a lawyer sees only what their own assignment opens."""
    if is_lawyer(user) and not matters_open_to_lawyer(lawyer=user).filter(pk=matter.pk).exists():
        return {"matter": matter, "shown": False}
    opinions = list(opinions_visible_to(user=user).filter(matter=matter).order_by("-given_on", "-pk"))
    mediations = list(mediations_visible_to(user=user).filter(matter=matter).order_by("-held_on", "-pk"))
    assignments = list(
        assignments_visible_to(user=user).filter(matter=matter).order_by("-assigned_at", "-pk")
    )
    can_assign = can_assign_lawyers(user) and matter.nature != Nature.ACCUSATION
    return {
        "matter": matter,
        "shown": bool(opinions or mediations or assignments or can_assign),
        "opinions": opinions,
        "mediations": mediations,
        "assignments": assignments,
        "can_assign": can_assign,
        "lawyers": list(lawyers_available()) if can_assign else [],
    }


# --- consultations ----------------------------------------------------------------------------------


def consultations_visible_to(*, user: User) -> QuerySet[Consultation]:
    consultations = Consultation.objects.select_related("lawyer", "organisation", "matter")
    if not user.is_authenticated:
        return consultations.none()
    if is_lawyer(user):
        return consultations.filter(lawyer=user)
    if user.is_superuser:
        return consultations
    return consultations.filter(organisation__in=organisations_in_scope(user=user))


@dataclass(frozen=True)
class ConsultationFilters:
    consulted_from: dt.date | None = None
    consulted_to: dt.date | None = None
    lawyer: User | None = None
    topic: str = ""
    organisation: Organisation | None = None


def consultation_list(*, user: User, filters: ConsultationFilters) -> QuerySet[Consultation]:
    consultations = consultations_visible_to(user=user)
    if filters.consulted_from:
        consultations = consultations.filter(consulted_on__gte=filters.consulted_from)
    if filters.consulted_to:
        consultations = consultations.filter(consulted_on__lte=filters.consulted_to)
    if filters.lawyer is not None:
        consultations = consultations.filter(lawyer=filters.lawyer)
    if filters.topic:
        consultations = consultations.filter(topic=filters.topic)
    if filters.organisation is not None:
        consultations = consultations.filter(organisation__path__startswith=filters.organisation.path)
    return consultations.order_by("-consulted_on", "-pk")


def consultation_topic_counts(consultations: QuerySet[Consultation]) -> dict[str, int]:
    rows = consultations.order_by().values("topic").annotate(n=Count("pk"))
    return {row["topic"]: row["n"] for row in rows}


def consultation_get(*, user: User, pk: int) -> Consultation:
    return consultations_visible_to(user=user).get(pk=pk)


# --- figures ----------------------------------------------------------------------------------------


def _in_subtree(organisation: Organisation) -> Q:
    return Q(organisation__path__startswith=organisation.path)


def figures_for(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    """What the period report counts: by the organisation where the work was done, and below it."""
    where = _in_subtree(organisation)
    return {
        "legal_consultations": Consultation.objects.filter(where, consulted_on__range=(start, end)).count(),
        "legal_opinions": LegalOpinion.objects.filter(where, given_on__range=(start, end)).count(),
        "mediations": Mediation.objects.filter(where, held_on__range=(start, end)).count(),
    }
