"""Entering a questionnaire's results for one activity: how many of the questionnaires it collected
ticked each choice. The counts must fit the questionnaires collected: on a single-choice question the
choices together, on a multiple-choice question each choice on its own."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Activity, ChoiceCount
from ..permissions import can_record_for
from ..selectors import questions_of
from . import checks


def _locked(actor, activity: Activity) -> Activity:
    current = (
        Activity.objects.select_for_update(of=("self",))
        .select_related("organiser", "questionnaire")
        .get(pk=activity.pk)
    )
    if not can_record_for(actor, current.organiser):
        raise PermissionDenied(_("您不能为“%(org)s”的宣传活动录入问卷结果") % {"org": current.organiser.name})
    return current


@transaction.atomic
def questionnaire_results_record(*, actor, activity: Activity, counts: Mapping[int, int]) -> Activity:
    """Enter (or enter again) the counts per choice; a choice left out counts 0.

    Errors are keyed `choice_<choice id>` for a count and `question_<question id>` for a question
    whose answers add up to more than the questionnaires collected."""
    current = _locked(actor, activity)
    if current.questionnaire_id is None:
        raise ValidationError({"__all__": [_("该活动没有选择调查问卷，请先在活动中选择所用的问卷")]})
    collected = current.questionnaires_collected
    if collected == 0:
        raise ValidationError({"__all__": [_("该活动收回问卷为 0 份，请先在活动中填写收回的问卷份数")]})
    questions = questions_of(current.questionnaire)
    known = {c.pk for q in questions for c in q.choices.all()}
    errors: dict[str, list[str]] = {}
    unknown = [key for key in counts if key not in known]
    if unknown:
        checks.add(
            errors,
            "counts",
            _("选项 %(ids)s 不属于该活动的调查问卷") % {"ids": "、".join(str(k) for k in unknown)},
        )
    values: dict[int, int] = {}
    for question in questions:
        total = 0
        for choice in question.choices.all():
            key = f"choice_{choice.pk}"
            value = checks.count(errors, key, counts.get(choice.pk, 0))
            if key in errors:
                continue
            if value > collected:
                checks.add(errors, key, _("不能多于收回的问卷 %(n)d 份") % {"n": collected})
            values[choice.pk] = value
            total += value
        if not question.multiple and total > collected:
            checks.add(
                errors,
                f"question_{question.pk}",
                _(
                    "第 %(n)d 题各选项合计 %(total)d 份，多于收回的问卷 %(collected)d 份"
                    "（单选题每份问卷只选一项）"
                )
                % {"n": question.position, "total": total, "collected": collected},
            )
    if errors:
        raise ValidationError(errors)
    ChoiceCount.objects.filter(activity=current).delete()
    ChoiceCount.objects.bulk_create(
        ChoiceCount(activity=current, choice_id=pk, count=value) for pk, value in values.items()
    )
    current.results_recorded_at = timezone.now()
    current.results_recorded_by = actor
    current.save(update_fields=["results_recorded_at", "results_recorded_by", "updated_at"])
    return current


@transaction.atomic
def questionnaire_results_clear(*, actor, activity: Activity) -> Activity:
    """Remove the results entered for the activity (to enter them afresh, or to change its questionnaire)."""
    current = _locked(actor, activity)
    if not current.has_results:
        raise ValidationError({"__all__": [_("该活动尚未录入问卷结果")]})
    ChoiceCount.objects.filter(activity=current).delete()
    current.results_recorded_at = None
    current.results_recorded_by = None
    current.save(update_fields=["results_recorded_at", "results_recorded_by", "updated_at"])
    return current
