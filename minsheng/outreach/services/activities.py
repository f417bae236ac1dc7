"""Recording publicity activities: the bureau's and the townships' staff record their own
organisation's activities (and those of the units below them)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation

from ..models import FIGURES, Activity, ActivityKind, ChoiceCount, Questionnaire
from ..permissions import can_record_for, can_record_outreach
from ..selectors import questionnaire_usable_by
from . import checks

TITLE_MAX = 200
PLACE_MAX = 200
DESCRIPTION_MAX = 5000


def _require_recorder(actor) -> None:
    if not can_record_outreach(actor):
        raise PermissionDenied(_("只有信访局和乡镇（街道）、村（社区）的工作人员可以登记宣传活动"))


def _clean(
    *,
    actor,
    organiser: Organisation | None,
    held_on,
    place,
    kind,
    title,
    description,
    figures: dict,
    questionnaire: Questionnaire | None,
    current: Activity | None = None,
) -> dict:
    """Every field checked, every mistake reported at once; returns the values to store."""
    errors: dict[str, list[str]] = {}
    if organiser is None:
        checks.add(errors, "organiser", _("请选择组织单位"))
    elif not can_record_for(actor, organiser):
        checks.add(errors, "organiser", _("您不能为“%(org)s”登记宣传活动") % {"org": organiser.name})
    elif not organiser.is_active and (current is None or current.organiser_id != organiser.pk):
        checks.add(errors, "organiser", _("该单位已停用"))
    values = {
        "organiser": organiser,
        "held_on": checks.held_on(errors, "held_on", held_on),
        "place": checks.text(
            errors, "place", place, label=_("活动地点"), max_length=PLACE_MAX, required=True
        ),
        "title": checks.text(errors, "title", title, label=_("活动名称"), max_length=TITLE_MAX),
        "description": checks.text(
            errors, "description", description, label=_("活动内容"), max_length=DESCRIPTION_MAX
        ),
        "kind": kind,
        "questionnaire": questionnaire,
    }
    if kind not in ActivityKind.values:
        checks.add(errors, "kind", _("请选择宣传形式"))
    for name in FIGURES:
        values[name] = checks.count(errors, name, figures.get(name, 0))
    changed = current is None or current.questionnaire_id != getattr(questionnaire, "pk", None)
    if changed and current is not None and current.has_results:
        checks.add(
            errors,
            "questionnaire",
            _("该活动已录入问卷结果，不能更换调查问卷；如确需更换，请先清除问卷结果"),
        )
    elif (
        (changed or current.organiser_id != getattr(organiser, "pk", None))
        and questionnaire is not None
        and organiser is not None
        and not questionnaire_usable_by(questionnaire=questionnaire, organiser=organiser)
    ):
        checks.add(errors, "questionnaire", _("该调查问卷已停用，或不适用于该组织单位"))
    if current is not None and current.has_results and "questionnaires_collected" not in errors:
        if values["questionnaires_collected"] == 0:
            checks.add(errors, "questionnaires_collected", _("已录入问卷结果，收回问卷不能为 0 份"))
        else:
            _check_results_still_fit(errors, current, values["questionnaires_collected"])
    if errors:
        raise ValidationError(errors)
    return values


def _check_results_still_fit(errors: dict, activity: Activity, collected: int) -> None:
    """Fewer questionnaires than the results already entered count would make those results lie."""
    rows = ChoiceCount.objects.filter(activity=activity)
    single = (
        rows.filter(choice__question__multiple=False)
        .values("choice__question__position")
        .annotate(n=Sum("count"))
        .order_by("-n")
        .first()
    )
    most = rows.aggregate(n=Max("count"))["n"] or 0
    needed, position = most, None
    if single and single["n"] > needed:
        needed, position = single["n"], single["choice__question__position"]
    if collected < needed:
        message = (
            _("已录入的问卷结果中第 %(n)d 题有 %(answered)d 份作答，收回问卷不能少于 %(answered)d 份")
            % {"n": position, "answered": needed}
            if position is not None
            else _("已录入的问卷结果中有选项被 %(answered)d 份问卷选中，收回问卷不能少于 %(answered)d 份")
            % {"answered": needed}
        )
        checks.add(errors, "questionnaires_collected", message)


@transaction.atomic
def activity_record(
    *,
    actor,
    held_on,
    place: str,
    kind: str,
    organiser: Organisation | None = None,
    title: str = "",
    description: str = "",
    materials_distributed: int = 0,
    questionnaires_collected: int = 0,
    consultations_answered: int = 0,
    people_reached: int = 0,
    questionnaire: Questionnaire | None = None,
) -> Activity:
    """Record an activity that has taken place (held_on no later than today). `organiser` defaults to
    the actor's organisation; the four figures are whole numbers from 0 to 1,000,000."""
    _require_recorder(actor)
    organiser = organiser if organiser is not None else actor.organisation
    values = _clean(
        actor=actor,
        organiser=organiser,
        held_on=held_on,
        place=place,
        kind=kind,
        title=title,
        description=description,
        figures={
            "materials_distributed": materials_distributed,
            "questionnaires_collected": questionnaires_collected,
            "consultations_answered": consultations_answered,
            "people_reached": people_reached,
        },
        questionnaire=questionnaire,
    )
    return Activity.objects.create(**values, recorded_by=actor, updated_by=actor)


@transaction.atomic
def activity_update(
    *,
    actor,
    activity: Activity,
    held_on,
    place: str,
    kind: str,
    organiser: Organisation,
    title: str = "",
    description: str = "",
    materials_distributed: int = 0,
    questionnaires_collected: int = 0,
    consultations_answered: int = 0,
    people_reached: int = 0,
    questionnaire: Questionnaire | None = None,
) -> Activity:
    """Correct an activity: every field is given again. Results already entered fix its questionnaire
    and set a floor under the questionnaires collected."""
    _require_recorder(actor)
    current = Activity.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=activity.pk)
    if not can_record_for(actor, current.organiser):
        raise PermissionDenied(_("您不能修改“%(org)s”的宣传活动") % {"org": current.organiser.name})
    values = _clean(
        actor=actor,
        organiser=organiser,
        held_on=held_on,
        place=place,
        kind=kind,
        title=title,
        description=description,
        figures={
            "materials_distributed": materials_distributed,
            "questionnaires_collected": questionnaires_collected,
            "consultations_answered": consultations_answered,
            "people_reached": people_reached,
        },
        questionnaire=questionnaire,
        current=current,
    )
    for name, value in values.items():
        setattr(current, name, value)
    current.updated_by = actor
    current.save()
    return current


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    """Remove an activity recorded by mistake, with its results and photos."""
    _require_recorder(actor)
    current = Activity.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=activity.pk)
    if not can_record_for(actor, current.organiser):
        raise PermissionDenied(_("您不能删除“%(org)s”的宣传活动") % {"org": current.organiser.name})
    files = [(photo.file.storage, photo.file.name) for photo in current.photos.all()]
    current.delete()
    # The files go only once the rows are surely gone; a rolled-back delete keeps both.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
