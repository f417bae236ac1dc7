"""Reads of petitions, always scoped to what the user may see (属地管理、分级负责)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, CharField, Count, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.calendars.deadlines import DUE_SOON, ON_TIME, OVERDUE
from minsheng.search import fulltext

from .models import (
    Attachment,
    Category,
    Matter,
    MatterEvent,
    Nature,
    Notice,
    Petitioner,
    Submission,
    SubmissionPetitioner,
)
from .permissions import sees_all_accusations
from .person_search import petitioner_search  # noqa: F401  (a selector too; kept apart for its size)


def matters_visible_to(*, user: User) -> QuerySet[Matter]:
    """Matters received by, handled by or concerning an organisation in the user's scope."""
    matters = Matter.objects.all()
    if not user.is_authenticated:
        return matters.none()
    if user.role == Role.LAWYER and not user.is_superuser:
        # A lawyer reads only the matters of their own active assignments, i.e. after declaring no
        # conflict of interest (minsheng.legal), whatever organisation their account sits in.
        assigned = Matter.objects.filter(lawyer_assignments__lawyer=user, lawyer_assignments__status="active")
        return matters.filter(pk__in=assigned.values("pk")).exclude(nature=Nature.ACCUSATION)
    if not _sees_whole_tree(user):
        # A literal list of ids (tens of organisations) lets the database use the per-organisation
        # indexes for each branch of the OR; a subquery would force a scan of every matter.
        scope = list(organisations_in_scope(user=user).values_list("pk", flat=True))
        matters = matters.filter(
            Q(receiving_org__in=scope) | Q(handling_org__in=scope) | Q(concerned_org__in=scope)
        )
    if not sees_all_accusations(user):
        matters = matters.exclude(nature=Nature.ACCUSATION)
    return matters


def _sees_whole_tree(user: User) -> bool:
    if user.is_superuser:
        return True
    if user.organisation_id is None:
        return False
    scope_path = user.organisation.scope_path
    # The bureau of a city whose tree is the only one in this installation sees every matter.
    return (
        scope_path.count("/") == 2
        and not Organisation.objects.filter(parent__isnull=True).exclude(path=scope_path).exists()
    )


@dataclass(frozen=True)
class MatterFilters:
    status: str = ""
    organisation: Organisation | None = None
    category: Category | None = None
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""
    deadline_state: str = ""
    sort: str = "-received_at"


MATTER_SORTS = {
    "-received_at": ("-received_at", "-pk"),
    "received_at": ("received_at", "pk"),
    "number": ("number_prefix", "number_year", "number_seq"),
    "-number": ("-number_prefix", "-number_year", "-number_seq"),
    "due_on": ("due_on", "-received_at"),
    "status": ("status", "-received_at"),
}


def matter_list(*, user: User, filters: MatterFilters) -> QuerySet[Matter]:
    matters = matters_visible_to(user=user)
    if filters.status:
        matters = matters.filter(status=filters.status)
    if filters.organisation is not None:
        subtree = list(
            Organisation.objects.filter(path__startswith=filters.organisation.path).values_list(
                "pk", flat=True
            )
        )
        matters = matters.filter(
            Q(receiving_org__in=subtree) | Q(handling_org__in=subtree) | Q(concerned_org__in=subtree)
        )
    if filters.category is not None:
        matters = matters.filter(category__in=category_subtree_ids(filters.category))
    if filters.channel:
        matters = matters.filter(
            pk__in=Submission.objects.filter(channel=filters.channel).values("matter_id")
        )
    # Bounds as local midnights, so the indexed column is compared directly rather than through a
    # per-row date conversion.
    if filters.received_from:
        matters = matters.filter(received_at__gte=_local_midnight(filters.received_from))
    if filters.received_to:
        matters = matters.filter(received_at__lt=_local_midnight(filters.received_to + dt.timedelta(days=1)))
    if filters.text.strip():
        # Title, content, demands, later submissions, answers and the number, through the full-text
        # index; paged lists use minsheng.search.selectors.matter_results, which stops early.
        matters = fulltext.matching(matters, filters.text)
    matters = with_deadline_state(matters)
    if filters.deadline_state:
        matters = matters.filter(deadline_state=filters.deadline_state)
    order = MATTER_SORTS.get(filters.sort, MATTER_SORTS["-received_at"])
    return matters.select_related("receiving_org", "handling_org", "concerned_org", "category").order_by(
        *order
    )


def with_deadline_state(matters: QuerySet[Matter]) -> QuerySet[Matter]:
    """On time / due soon / overdue, derived from the current deadline when the list is read."""
    today = timezone.localdate()
    soon = today + dt.timedelta(days=settings.DEADLINE_DUE_SOON_DAYS)
    return matters.annotate(
        deadline_state=Case(
            When(due_on__isnull=True, then=Value("")),
            When(due_on__lt=today, then=Value(OVERDUE)),
            When(due_on__lte=soon, then=Value(DUE_SOON)),
            default=Value(ON_TIME),
            output_field=CharField(),
        )
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def category_subtree_ids(category: Category) -> list[int]:
    ids, frontier = [category.pk], [category.pk]
    while frontier:
        frontier = list(Category.objects.filter(parent__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def matter_get(*, user: User, pk: int) -> Matter:
    """Raise Matter.DoesNotExist for matters that do not exist or that the user may not see."""
    return (
        with_deadline_state(matters_visible_to(user=user))
        .select_related("receiving_org", "handling_org", "concerned_org", "category", "registered_by")
        .get(pk=pk)
    )


def matter_get_by_number(*, user: User, number: str) -> Matter:
    return matters_visible_to(user=user).get(number=number.strip())


def matter_submissions(*, matter: Matter) -> QuerySet[Submission]:
    links = SubmissionPetitioner.objects.select_related("petitioner").order_by("-is_representative", "pk")
    return (
        matter.submissions.select_related("receiving_org", "registered_by", "concerned_org", "category")
        .prefetch_related(Prefetch("submissionpetitioner_set", queryset=links, to_attr="petitioner_links"))
        .order_by("received_at", "pk")
    )


def matter_events(*, matter: Matter) -> QuerySet[MatterEvent]:
    return matter.events.select_related("actor", "organisation").order_by("at", "pk")


def matter_attachments(*, matter: Matter) -> QuerySet[Attachment]:
    return matter.attachments.select_related("uploaded_by").order_by("uploaded_at", "pk")


def matter_petitioners(*, matter: Matter) -> QuerySet[Petitioner]:
    return Petitioner.objects.filter(submissions__matter=matter).distinct().order_by("name", "pk")


def attachment_get(*, user: User, pk: int) -> Attachment:
    return Attachment.objects.select_related("matter").get(
        pk=pk, matter__in=matters_visible_to(user=user).values("pk")
    )


def petitioner_get(*, user: User, pk: int) -> Petitioner:
    """A person's page and full data belong to those who can see one of their matters — whatever the
    role, so that an accuser is never exposed to the township or unit they accused (Art 30)."""
    if (
        not user.is_superuser
        and not Submission.objects.filter(
            petitioners__pk=pk, matter__in=matters_visible_to(user=user).values("pk")
        ).exists()
    ):
        raise Petitioner.DoesNotExist
    return Petitioner.objects.get(pk=pk)


def petitioner_matters(*, user: User, petitioner: Petitioner) -> QuerySet[Matter]:
    return with_deadline_state(
        matters_visible_to(user=user)
        .filter(submissions__petitioners=petitioner)
        .distinct()
        .select_related("receiving_org", "handling_org")
        .order_by("-received_at")
    )


def categories_active() -> QuerySet[Category]:
    return (
        Category.objects.filter(is_active=True)
        .select_related("parent")
        .order_by("level", "sort_order", "name")
    )


def matter_status_counts(*, user: User) -> dict[str, int]:
    rows = matters_visible_to(user=user).values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def notice_get(*, user: User, pk: int) -> Notice:
    return Notice.objects.select_related("matter", "issuer").get(
        pk=pk, matter__in=matters_visible_to(user=user).values("pk")
    )


def my_tasks(*, user: User) -> QuerySet[Matter]:
    """Matters waiting for the user's organisation to act, most urgent first (overdue, then due soon)."""
    if not user.is_authenticated or user.organisation_id is None:
        return Matter.objects.none()
    org = user.organisation
    S = Matter.Status
    waiting = (
        Q(handling_org=org, status__in=[S.TRANSFERRED, S.ASSIGNED, S.ACCEPTED])
        | Q(receiving_org=org, handling_org__isnull=True, status=S.REGISTERED)
        | Q(reconsiderations__organisation=org, status__in=[S.REVIEW_REQUESTED, S.RECHECK_REQUESTED])
    )
    if org.kind == Organisation.Kind.PETITION_BUREAU:
        # The bureau routes what comes back after an objection, and records opinions for upper-level
        # bodies that have no staff of their own in the system.
        waiting |= Q(status=S.REGISTERED, handling_org__isnull=True, receiving_org__kind=org.kind)
        waiting |= Q(
            status__in=[S.REVIEW_REQUESTED, S.RECHECK_REQUESTED],
            reconsiderations__decided_on__isnull=True,
        ) & (
            Q(reconsiderations__organisation__isnull=True)
            | Q(
                reconsiderations__organisation__kind__in=[
                    Organisation.Kind.CITY,
                    Organisation.Kind.LEADERSHIP,
                ]
            )
        )
    matters = matters_visible_to(user=user).filter(pk__in=Matter.objects.filter(waiting).values("pk"))
    return (
        with_deadline_state(matters)
        .select_related("receiving_org", "handling_org", "concerned_org", "category")
        .order_by(F("due_on").asc(nulls_last=True), "received_at", "pk")
    )
