"""Reads of instructions and their tasks, scoped to what the user may see.

The bureau sees every instruction of its jurisdiction; a leader sees their own instructions; a unit
sees the instructions it has a task on, and of those only its own tasks."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matters_visible_to

from .models import Instruction, InstructionTask
from .permissions import can_decide_tasks, can_feed_back, sees_every_instruction


def _scope_path(user) -> str | None:
    if user.organisation_id is None:
        return None
    return user.organisation.scope_path


def instructions_visible_to(*, user) -> QuerySet[Instruction]:
    instructions = Instruction.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return instructions.none()
    if user.is_superuser:
        return instructions
    path = _scope_path(user)
    if sees_every_instruction(user):
        if path is None:
            return instructions.none()
        in_scope = InstructionTask.objects.filter(organisation__path__startswith=path).values(
            "instruction_id"
        )
        return instructions.filter(Q(organisation__path__startswith=path) | Q(pk__in=in_scope))
    if user.role == Role.LEADER:
        return instructions.filter(leader=user)
    if path is None:
        return instructions.none()
    return instructions.filter(
        pk__in=InstructionTask.objects.filter(organisation__path__startswith=path).values("instruction_id")
    )


def tasks_visible_to(*, user) -> QuerySet[InstructionTask]:
    tasks = InstructionTask.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return tasks.none()
    if user.is_superuser:
        return tasks
    if sees_every_instruction(user) or user.role == Role.LEADER:
        return tasks.filter(instruction__in=instructions_visible_to(user=user).values("pk"))
    path = _scope_path(user)
    if path is None:
        return tasks.none()
    return tasks.filter(organisation__path__startswith=path)


def with_overdue(queryset: QuerySet, *, today: dt.date | None = None) -> QuerySet:
    """`is_overdue`: the deadline has passed and the instruction or task is not closed."""
    today = today or timezone.localdate()
    return queryset.annotate(
        is_overdue=Case(
            When(Q(due_on__lt=today) & ~Q(status="closed"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


@dataclass(frozen=True)
class InstructionFilters:
    status: str = ""
    overdue: bool = False
    leader_id: int | None = None
    unit: Organisation | None = None
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None


def instruction_list(*, user, filters: InstructionFilters = InstructionFilters()) -> QuerySet[Instruction]:
    instructions = with_overdue(instructions_visible_to(user=user))
    if filters.status:
        instructions = instructions.filter(status=filters.status)
    if filters.overdue:
        instructions = instructions.filter(is_overdue=True)
    if filters.leader_id:
        instructions = instructions.filter(leader_id=filters.leader_id)
    if filters.unit is not None:
        instructions = instructions.filter(
            pk__in=InstructionTask.objects.filter(organisation__path__startswith=filters.unit.path).values(
                "instruction_id"
            )
        )
    if filters.issued_from:
        instructions = instructions.filter(issued_on__gte=filters.issued_from)
    if filters.issued_to:
        instructions = instructions.filter(issued_on__lte=filters.issued_to)
    return (
        instructions.select_related("leader", "leader__organisation")
        .annotate(
            task_count=Count("tasks", distinct=True),
            closed_count=Count("tasks", filter=Q(tasks__status="closed"), distinct=True),
        )
        .order_by("-issued_on", "-pk")
    )


def instruction_get(*, user, pk: int) -> Instruction:
    """Raise Instruction.DoesNotExist for instructions that do not exist or that the user may not see."""
    return (
        with_overdue(instructions_visible_to(user=user)).select_related("leader", "organisation").get(pk=pk)
    )


def instruction_tasks(*, user, instruction: Instruction) -> QuerySet[InstructionTask]:
    """The tasks of an instruction that the user may see (a unit: only its own)."""
    return (
        with_overdue(tasks_visible_to(user=user).filter(instruction=instruction))
        .select_related("organisation", "fed_back_by", "closed_by")
        .prefetch_related("steps__actor")
        .order_by("organisation__path", "pk")
    )


def instruction_matters(*, user, instruction: Instruction) -> tuple[list[Matter], int]:
    """The matters of an instruction the user may see, and how many others it concerns."""
    ids = list(instruction.matters.values_list("pk", flat=True))
    visible = list(matters_visible_to(user=user).filter(pk__in=ids).order_by("received_at", "pk"))
    return visible, len(ids) - len(visible)


def task_get(*, user, pk: int) -> InstructionTask:
    return tasks_visible_to(user=user).select_related("instruction", "organisation").get(pk=pk)


def unit_tasks(*, user, status: str = "", overdue: bool = False) -> QuerySet[InstructionTask]:
    """批示办理: the tasks of the user's unit and the units below it, the most urgent first."""
    path = _scope_path(user) if user.is_authenticated else None
    if path is None and not getattr(user, "is_superuser", False):
        return InstructionTask.objects.none()
    tasks = (
        InstructionTask.objects.all()
        if path is None
        else InstructionTask.objects.filter(organisation__path__startswith=path)
    )
    tasks = with_overdue(tasks)
    if status:
        tasks = tasks.filter(status=status)
    if overdue:
        tasks = tasks.filter(is_overdue=True)
    return tasks.select_related("instruction", "instruction__leader", "organisation").order_by(
        Case(When(status="pending", then=Value(0)), When(status="fed_back", then=Value(1)), default=Value(2)),
        "due_on",
        "pk",
    )


def instruction_tasks_overdue(*, today: dt.date) -> QuerySet[InstructionTask]:
    """Tasks not closed whose deadline has passed (due_on < today), for the supervision sweep.

    Each row has `instruction`, `organisation` (the unit that must act) and `due_on`."""
    return (
        InstructionTask.objects.filter(due_on__lt=today)
        .exclude(status=InstructionTask.Status.CLOSED)
        .select_related("instruction", "instruction__leader", "organisation")
        .order_by("due_on", "pk")
    )


def leader_open_instructions(*, leader) -> QuerySet[Instruction]:
    return (
        with_overdue(Instruction.objects.filter(leader=leader).exclude(status=Instruction.Status.CLOSED))
        .annotate(
            task_count=Count("tasks", distinct=True),
            closed_count=Count("tasks", filter=Q(tasks__status="closed"), distinct=True),
        )
        .order_by("due_on", "pk")
    )


def matter_instructions_box(*, matter: Matter, user) -> dict:
    """The context of instructions/_matter_box.html for a matter the page already showed to `user`:
    the instructions about the matter that the user may see, with the tasks the user may see."""
    instructions = list(
        with_overdue(instructions_visible_to(user=user).filter(matters=matter))
        .select_related("leader")
        .order_by("-issued_on", "-pk")
    )
    tasks = with_overdue(tasks_visible_to(user=user).filter(instruction__in=[i.pk for i in instructions]))
    by_instruction: dict[int, list] = {}
    for task in tasks.select_related("organisation").order_by("organisation__path", "pk"):
        by_instruction.setdefault(task.instruction_id, []).append(task)
    for instruction in instructions:
        instruction.visible_tasks = by_instruction.get(instruction.pk, [])
    return {"instructions": instructions, "matter": matter}


def task_actions(*, user, task: InstructionTask) -> dict[str, bool]:
    """Which forms the task's row offers the user; the services check again."""
    return {
        "feedback": task.status == InstructionTask.Status.PENDING and can_feed_back(user, task),
        "decide": task.status == InstructionTask.Status.FED_BACK and can_decide_tasks(user),
    }
