"""Reads of supervision items, scoped: supervisors, leaders and administrators see the items of the matters
and units in their jurisdiction; a unit's staff see the items whose notices are addressed to their unit."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.petitions.selectors import matters_visible_to

from .models import Level, SupervisionFeedback, SupervisionItem, SupervisionNotice
from .permissions import UNIT_ROLES, can_see_supervision

Category = SupervisionItem.Category
NO_LEVEL = "none"  # filter value: items without a notice yet
NO_LEVEL_LABEL = _("未发通知")


def _visible_subjects_q(user) -> Q:
    matters = matters_visible_to(user=user).values("pk")
    units = organisations_in_scope(user=user).values("pk")
    return Q(matter__in=matters) | Q(matter__isnull=True, organisation__in=units)


def items_supervised_by(*, user) -> QuerySet[SupervisionItem]:
    """Every item (open or closed) on a matter the user may see, or about a task of a unit in the
    user's jurisdiction; nothing for roles that do not supervise."""
    if not can_see_supervision(user):
        return SupervisionItem.objects.none()
    return SupervisionItem.objects.filter(_visible_subjects_q(user))


def items_addressed_to(*, user) -> QuerySet[SupervisionItem]:
    """Items whose notices are addressed to the user's unit: what it must give feedback on. An item
    without a notice is the bureau's own business until it issues one."""
    if not (user.is_authenticated and user.has_role(*UNIT_ROLES) and user.organisation_id):
        return SupervisionItem.objects.none()
    addressed = SupervisionNotice.objects.filter(addressee_id=user.organisation_id).values("item_id")
    # Art 30 as everywhere: a matter the unit may not see is never shown to it, whatever it was sent.
    return SupervisionItem.objects.filter(pk__in=addressed).filter(
        Q(matter__isnull=True) | Q(matter__in=matters_visible_to(user=user).values("pk"))
    )


def items_visible_to(*, user) -> QuerySet[SupervisionItem]:
    return SupervisionItem.objects.filter(
        Q(pk__in=items_supervised_by(user=user).values("pk"))
        | Q(pk__in=items_addressed_to(user=user).values("pk"))
    )


def with_category(items: QuerySet[SupervisionItem]) -> QuerySet[SupervisionItem]:
    return items.annotate(
        category_key=Case(
            When(instruction_task__isnull=False, then=Value(Category.INSTRUCTION_OVERDUE)),
            When(meeting_task__isnull=False, then=Value(Category.MEETING_TASK_OVERDUE)),
            When(kind=SupervisionItem.Kind.UNSATISFIED, then=Value(Category.UNSATISFIED)),
            default=Value(Category.MATTER_OVERDUE),
            output_field=CharField(),
        )
    )


def supervision_items_open(*, user) -> QuerySet[SupervisionItem]:
    """Open items the user supervises: overdue feedback first (the longest overdue first), then the
    longest overdue deadline, then the newest complaints."""
    return _ordered(items_supervised_by(user=user).filter(closed_on__isnull=True))


def _ordered(items: QuerySet[SupervisionItem]) -> QuerySet[SupervisionItem]:
    today = timezone.localdate()
    return (
        with_category(items)
        .annotate(
            feedback_late=Case(
                When(feedback_due_on__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related(
            "matter",
            "matter__handling_org",
            "organisation",
            "meeting_task",
            "meeting_task__meeting",
            "instruction_task",
            "instruction_task__instruction",
        )
        .order_by(
            "feedback_late",
            F("feedback_due_on").asc(nulls_last=True),
            F("due_on").asc(nulls_last=True),
            "opened_on",
            "pk",
        )
    )


@dataclass(frozen=True)
class ItemFilters:
    category: str = ""
    level: str = ""  # a Level, or NO_LEVEL
    organisation: Organisation | None = None
    feedback_overdue: bool = False


def item_list(*, user, filters: ItemFilters) -> QuerySet[SupervisionItem]:
    items = supervision_items_open(user=user)
    return _filtered(items, filters)


def _filtered(items, filters: ItemFilters):
    if filters.category:
        items = items.filter(category_key=filters.category)
    if filters.level == NO_LEVEL:
        items = items.filter(level="")
    elif filters.level:
        items = items.filter(level=filters.level)
    if filters.organisation is not None:
        items = items.filter(organisation__path__startswith=filters.organisation.path)
    if filters.feedback_overdue:
        items = items.filter(feedback_due_on__lt=timezone.localdate())
    return items


def unit_items(*, user, open_only: bool = True) -> QuerySet[SupervisionItem]:
    items = items_addressed_to(user=user)
    if open_only:
        items = items.filter(closed_on__isnull=True)
    return _ordered(items)


def unit_item_list(*, user, filters: ItemFilters) -> QuerySet[SupervisionItem]:
    """The open items addressed to the user's unit, filtered like the dashboard's list."""
    return _filtered(unit_items(user=user), filters)


@dataclass
class Dashboard:
    total: int
    feedback_overdue: int
    by_level: list[tuple[str, str, int]]  # (value, label, count), NO_LEVEL first
    by_category: list[tuple[str, str, int]]
    by_unit: list[dict]  # organisation id and name, total, feedback overdue, listed


def dashboard(*, user, filters: ItemFilters | None = None) -> Dashboard:
    """The counts of the supervisor's open items: by level, by kind and by unit, with overdue feedback."""
    items = _filtered(supervision_items_open(user=user), filters or ItemFilters()).order_by()
    today = timezone.localdate()
    late = Q(feedback_due_on__lt=today)
    levels = dict(items.values_list("level").annotate(n=Count("pk")).order_by())
    categories = dict(items.values_list("category_key").annotate(n=Count("pk")).order_by())
    units = (
        items.values("organisation_id", "organisation__name")
        .annotate(
            total=Count("pk"),
            feedback_overdue=Count("pk", filter=late),
            listed=Count("pk", filter=Q(level=Level.LISTED)),
        )
        .order_by("-feedback_overdue", "-total", "organisation__name")
    )
    return Dashboard(
        total=sum(levels.values()),
        feedback_overdue=items.filter(late).count(),
        by_level=[(NO_LEVEL, str(NO_LEVEL_LABEL), levels.get("", 0))]
        + [(value, str(label), levels.get(value, 0)) for value, label in Level.choices],
        by_category=[(value, str(label), categories.get(value, 0)) for value, label in Category.choices],
        by_unit=[
            {
                "organisation_id": row["organisation_id"],
                "name": row["organisation__name"] or "—",
                "total": row["total"],
                "feedback_overdue": row["feedback_overdue"],
                "listed": row["listed"],
            }
            for row in units
        ],
    )


def item_get(*, user, pk: int) -> SupervisionItem:
    """Raise SupervisionItem.DoesNotExist for an item that does not exist or is out of sight."""
    return (
        with_category(items_visible_to(user=user))
        .select_related(
            "matter",
            "matter__handling_org",
            "organisation",
            "reply",
            "meeting_task",
            "meeting_task__meeting",
            "meeting_task__organisation",
            "opened_by",
            "closed_by",
        )
        .get(pk=pk)
    )


def item_notices(*, item: SupervisionItem) -> QuerySet[SupervisionNotice]:
    return item.notices.select_related("addressee", "issuer", "issued_by", "accepted_by").order_by(
        "issued_on", "pk"
    )


def notice_feedbacks(*, item: SupervisionItem) -> QuerySet[SupervisionFeedback]:
    return SupervisionFeedback.objects.filter(notice__item=item).select_related(
        "notice", "submitted_by", "organisation"
    )


def item_history(*, item: SupervisionItem):
    return item.events.select_related("actor", "organisation", "notice").order_by("at", "pk")


def notice_get(*, user, pk: int) -> SupervisionNotice:
    return SupervisionNotice.objects.select_related("item", "item__matter", "addressee", "issuer").get(
        pk=pk, item__in=items_visible_to(user=user).values("pk")
    )


def days_overdue(item: SupervisionItem, today: dt.date) -> int | None:
    """Calendar days since the deadline's last day; None for items without a deadline."""
    if item.due_on is None:
        return None
    return max((today - item.due_on).days, 0)
