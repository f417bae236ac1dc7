"""Reads of publicity, always scoped to what the user may see (属地管理): the activities of the user's
organisation and everything below it — the whole city for the bureau and the leading bodies."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum

from minsheng.accounts.models import Organisation, User
from minsheng.accounts.selectors import organisations_in_scope

from .models import FIGURES, Activity, ActivityPhoto, ChoiceCount, Questionnaire
from .permissions import RECORDING_KINDS, can_see_outreach


def activities_visible_to(*, user: User) -> QuerySet[Activity]:
    if not can_see_outreach(user):
        return Activity.objects.none()
    if user.is_superuser:
        return Activity.objects.all()
    return Activity.objects.filter(organiser__path__startswith=user.organisation.scope_path)


@dataclass(frozen=True)
class ActivityFilters:
    held_from: dt.date | None = None
    held_to: dt.date | None = None
    organiser: Organisation | None = None  # with everything below it
    kind: str = ""


def activity_list(*, user: User, filters: ActivityFilters = ActivityFilters()) -> QuerySet[Activity]:
    activities = activities_visible_to(user=user)
    if filters.held_from:
        activities = activities.filter(held_on__gte=filters.held_from)
    if filters.held_to:
        activities = activities.filter(held_on__lte=filters.held_to)
    if filters.organiser is not None:
        activities = activities.filter(organiser__path__startswith=filters.organiser.path)
    if filters.kind:
        activities = activities.filter(kind=filters.kind)
    return activities.select_related("organiser", "questionnaire").order_by("-held_on", "-pk")


def activity_get(*, user: User, pk: int) -> Activity:
    """Raise Activity.DoesNotExist unless the user may see it."""
    return (
        activities_visible_to(user=user)
        .select_related("organiser", "questionnaire", "recorded_by", "updated_by", "results_recorded_by")
        .get(pk=pk)
    )


@dataclass(frozen=True)
class Totals:
    activities: int = 0
    materials_distributed: int = 0
    questionnaires_collected: int = 0
    consultations_answered: int = 0
    people_reached: int = 0


def activity_totals(activities: QuerySet[Activity]) -> Totals:
    """The count and the four sums of a set of activities, in one aggregate query."""
    row = activities.order_by().aggregate(activities=Count("pk"), **{f: Sum(f) for f in FIGURES})
    return Totals(**{key: value or 0 for key, value in row.items()})


def organisation_totals(*, organisation: Organisation, start: dt.date, end: dt.date) -> Totals:
    """Activities held on start..end (both included) organised by `organisation` or a unit below it."""
    return activity_totals(
        Activity.objects.filter(
            held_on__gte=start, held_on__lte=end, organiser__path__startswith=organisation.path
        )
    )


def organiser_choices(*, user: User) -> QuerySet[Organisation]:
    """The organisations the user may record activities for (see permissions.can_record_for)."""
    organisations = Organisation.objects.filter(is_active=True, kind__in=RECORDING_KINDS)
    if user.is_superuser:
        return organisations.order_by("path")
    if user.organisation_id is None:
        return organisations.none()
    return organisations.filter(path__startswith=user.organisation.path).order_by("path")


def photos_of(*, activity: Activity) -> QuerySet[ActivityPhoto]:
    return activity.photos.order_by("uploaded_at", "pk")


def photo_get(*, user: User, pk: int) -> ActivityPhoto:
    """Raise ActivityPhoto.DoesNotExist unless the user may see its activity."""
    return ActivityPhoto.objects.select_related("activity").get(
        pk=pk, activity__in=activities_visible_to(user=user).values("pk")
    )


# --- Questionnaires -------------------------------------------------------------------------------


def _providers(organisation: Organisation) -> QuerySet[Organisation]:
    """The organisations whose questionnaires `organisation` may use: those whose jurisdiction it lies
    in — its ancestors, and the bureau beside them (the bureau's jurisdiction is its parent's tree)."""
    ancestors = [int(pk) for pk in organisation.path.strip("/").split("/") if pk]
    return Organisation.objects.filter(
        Q(pk__in=ancestors) | Q(parent__in=ancestors, kind__in=Organisation.JURISDICTION_KINDS)
    )


def questionnaires_visible_to(*, user: User) -> QuerySet[Questionnaire]:
    """Questionnaires made in the user's scope, and those offered to the user's organisation from above."""
    if not can_see_outreach(user):
        return Questionnaire.objects.none()
    if user.is_superuser:
        return Questionnaire.objects.all()
    return Questionnaire.objects.filter(
        Q(owner__in=organisations_in_scope(user=user)) | Q(owner__in=_providers(user.organisation))
    )


def questionnaire_list(*, user: User, active_only: bool = False) -> QuerySet[Questionnaire]:
    questionnaires = questionnaires_visible_to(user=user)
    if active_only:
        questionnaires = questionnaires.filter(is_active=True)
    return (
        questionnaires.select_related("owner")
        .annotate(question_count=Count("questions", distinct=True))
        .order_by("-is_active", "-created_at", "-pk")
    )


def questionnaire_get(*, user: User, pk: int) -> Questionnaire:
    """Raise Questionnaire.DoesNotExist unless the user may see it."""
    return questionnaires_visible_to(user=user).select_related("owner", "created_by").get(pk=pk)


def questionnaire_usable_by(*, questionnaire: Questionnaire, organiser: Organisation) -> bool:
    """Whether an activity of `organiser` may hand out this questionnaire."""
    # Read afresh: the caller's copy may predate the questionnaire being taken out of use.
    return Questionnaire.objects.filter(
        pk=questionnaire.pk, is_active=True, owner__in=_providers(organiser)
    ).exists()


def questionnaire_is_used(*, questionnaire: Questionnaire) -> bool:
    """Whether results have been entered against it anywhere (then its questions are fixed)."""
    return Activity.objects.filter(questionnaire=questionnaire, results_recorded_at__isnull=False).exists()


def questions_of(questionnaire: Questionnaire) -> list:
    """Its questions in order, each with its choices in order, read in two queries."""
    return list(questionnaire.questions.order_by("position").prefetch_related("choices"))


# --- Results --------------------------------------------------------------------------------------


def percent(part: int, whole: int) -> Decimal | None:
    """A percentage with one decimal, rounded half up as people round; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class ChoiceResult:
    choice: object
    count: int
    percent: Decimal | None


@dataclass
class QuestionResult:
    question: object
    choices: list[ChoiceResult]
    answered: int | None  # single-choice questions only: the questionnaires that ticked a choice
    unanswered: int | None
    unanswered_percent: Decimal | None


@dataclass
class Results:
    """A questionnaire's results over a set of activities: respondents are the questionnaires the
    activities collected, and every percentage is of them."""

    questionnaire: Questionnaire
    respondents: int
    activities: int
    questions: list[QuestionResult] = field(default_factory=list)


def questionnaire_results(*, questionnaire: Questionnaire, activities: QuerySet[Activity]) -> Results:
    """Add up the results entered for `questionnaire` at the given activities (already scoped)."""
    with_results = activities.filter(questionnaire=questionnaire, results_recorded_at__isnull=False)
    head = with_results.order_by().aggregate(n=Count("pk"), respondents=Sum("questionnaires_collected"))
    respondents = head["respondents"] or 0
    counts = dict(
        ChoiceCount.objects.filter(activity__in=with_results.values("pk"))
        .values("choice")
        .annotate(total=Sum("count"))
        .values_list("choice", "total")
    )
    results = Results(questionnaire=questionnaire, respondents=respondents, activities=head["n"])
    for question in questions_of(questionnaire):
        choices = []
        for choice in question.choices.all():
            n = counts.get(choice.pk, 0)
            choices.append(ChoiceResult(choice=choice, count=n, percent=percent(n, respondents)))
        if question.multiple:
            answered = unanswered = unanswered_percent = None
        else:
            answered = sum(c.count for c in choices)
            unanswered = max(respondents - answered, 0)
            unanswered_percent = percent(unanswered, respondents)
        results.questions.append(
            QuestionResult(
                question=question,
                choices=choices,
                answered=answered,
                unanswered=unanswered,
                unanswered_percent=unanswered_percent,
            )
        )
    return results


def activity_results(*, activity: Activity) -> Results | None:
    """The results entered for one activity, or None when none have been entered."""
    if not activity.has_results:
        return None
    return questionnaire_results(
        questionnaire=activity.questionnaire, activities=Activity.objects.filter(pk=activity.pk)
    )


def activity_counts(*, activity: Activity) -> dict[int, int]:
    """choice id → count entered for the activity (to fill the entry form)."""
    return dict(activity.choice_counts.values_list("choice_id", "count"))
