"""Reads of joint meetings and their tasks, scoped to what the user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to

from .models import JointMeeting, MeetingTask
from .permissions import SEEING_ROLES


def _own_tasks_q(user, prefix: str = "") -> Q:
    """Tasks owned by the user's unit or naming the user."""
    q = Q(**{f"{prefix}assignee": user})
    if user.organisation_id is not None:
        q |= Q(**{f"{prefix}organisation_id": user.organisation_id})
    return q


def meetings_visible_to(*, user) -> QuerySet[JointMeeting]:
    """Meetings convened in the user's jurisdiction (the bureau and the leaders: the whole city; a
    township: its own), and meetings that gave the user's unit a task. Staff of government only:
    lawyers and CPPCC members do not read the minutes."""
    if not user.is_authenticated or not user.has_role(*SEEING_ROLES):
        return JointMeeting.objects.none()
    if user.is_superuser:
        return JointMeeting.objects.all()
    scope = organisations_in_scope(user=user).values("pk")
    owning = MeetingTask.objects.filter(_own_tasks_q(user)).values("meeting_id")
    return JointMeeting.objects.filter(Q(organisation__in=scope) | Q(pk__in=owning))


@dataclass(frozen=True)
class MeetingFilters:
    held_from: dt.date | None = None
    held_to: dt.date | None = None
    kind: str = ""


def meeting_list(*, user, filters: MeetingFilters) -> QuerySet[JointMeeting]:
    meetings = meetings_visible_to(user=user)
    if filters.held_from:
        meetings = meetings.filter(held_on__gte=filters.held_from)
    if filters.held_to:
        meetings = meetings.filter(held_on__lte=filters.held_to)
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    return meetings.select_related("organisation").order_by("-held_on", "-pk")


def meeting_get(*, user, pk: int) -> JointMeeting:
    """Raise JointMeeting.DoesNotExist for a meeting that does not exist or is out of sight."""
    return meetings_visible_to(user=user).select_related("organisation", "chair", "recorded_by").get(pk=pk)


def meeting_matters(*, meeting: JointMeeting, user) -> tuple[list[Matter], int]:
    """The matters the meeting discussed that the user may see, and how many others it discussed."""
    ids = list(meeting.discussed.values_list("matter_id", flat=True))
    visible = list(
        matters_visible_to(user=user).filter(pk__in=ids).select_related("handling_org").order_by("pk")
    )
    return visible, len(ids) - len(visible)


def meeting_tasks(*, meeting: JointMeeting) -> QuerySet[MeetingTask]:
    return meeting.tasks.select_related("organisation", "assignee", "matter", "routing").order_by("position")


def tasks_of_unit(*, user, status: str = "") -> QuerySet[MeetingTask]:
    """The tasks the user's unit owns (or that name the user): open ones first, the earliest due first."""
    if not user.is_authenticated:
        return MeetingTask.objects.none()
    tasks = MeetingTask.objects.filter(_own_tasks_q(user))
    if status:
        tasks = tasks.filter(status=status)
    return (
        tasks.select_related("meeting", "organisation", "assignee", "matter")
        .annotate(
            done=Case(
                When(status=MeetingTask.Status.CLOSED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("done", "due_on", "pk")
    )


def task_get(*, user, pk: int) -> MeetingTask:
    """A task is seen by whoever sees its meeting."""
    return (
        MeetingTask.objects.filter(meeting__in=meetings_visible_to(user=user).values("pk"))
        .select_related("meeting", "meeting__organisation", "organisation", "assignee", "matter", "routing")
        .get(pk=pk)
    )


def task_entries(*, task: MeetingTask):
    return task.entries.select_related("actor", "organisation").order_by("at", "pk")


def meeting_tasks_overdue(*, today: dt.date) -> QuerySet[MeetingTask]:
    """Tasks not closed whose deadline has passed; the daily sweep opens a supervision item for each."""
    return (
        MeetingTask.objects.exclude(status=MeetingTask.Status.CLOSED)
        .filter(due_on__lt=today)
        .select_related("meeting", "organisation")
        .order_by("due_on", "pk")
    )


def meetings_held(*, organisation: Organisation, start: dt.date, end: dt.date) -> QuerySet[JointMeeting]:
    """Meetings held on days start..end, convened by `organisation` or a unit below it."""
    return JointMeeting.objects.filter(
        organisation__path__startswith=organisation.path, held_on__gte=start, held_on__lte=end
    )
