"""Making questionnaires. A questionnaire belongs to the unit that made it and is offered to that
unit's jurisdiction; once results have been entered against it, its questions can no longer change."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Choice, Question, Questionnaire
from ..permissions import can_record_for, can_record_outreach
from ..selectors import questionnaire_is_used
from . import checks

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
QUESTIONS_MAX = 50
QUESTION_MAX = 500
CHOICES_MIN = 2
CHOICES_MAX = 20
CHOICE_MAX = 200


@dataclass(frozen=True)
class QuestionEntry:
    text: str
    choices: list[str] = field(default_factory=list)
    multiple: bool = False


def _clean_questions(errors: dict, questions) -> list[QuestionEntry]:
    """Errors are keyed `questions.<index>.text` / `questions.<index>.choices` (0-based, in the order
    given), so that a form or an API client can show each one beside its question."""
    questions = list(questions or [])
    if not questions:
        checks.add(errors, "questions", _("请至少填写一道题目"))
    elif len(questions) > QUESTIONS_MAX:
        checks.add(errors, "questions", _("题目不能超过 %(max)d 道") % {"max": QUESTIONS_MAX})
        return []
    cleaned = []
    for index, entry in enumerate(questions):
        prefix = f"questions.{index}"
        text = checks.text(
            errors, f"{prefix}.text", entry.text, label=_("题目"), max_length=QUESTION_MAX, required=True
        )
        choices = [(c or "").strip() for c in entry.choices]
        choices = [c for c in choices if c]
        if len(choices) < CHOICES_MIN:
            checks.add(errors, f"{prefix}.choices", _("每道题至少要有 %(min)d 个选项") % {"min": CHOICES_MIN})
        elif len(choices) > CHOICES_MAX:
            checks.add(errors, f"{prefix}.choices", _("每道题最多 %(max)d 个选项") % {"max": CHOICES_MAX})
        elif any(len(c) > CHOICE_MAX for c in choices):
            checks.add(errors, f"{prefix}.choices", _("每个选项不能超过 %(max)d 个字") % {"max": CHOICE_MAX})
        elif len(set(choices)) != len(choices):
            checks.add(errors, f"{prefix}.choices", _("同一道题的选项不能重复"))
        cleaned.append(QuestionEntry(text=text, choices=choices, multiple=bool(entry.multiple)))
    return cleaned


def _write_questions(questionnaire: Questionnaire, questions: list[QuestionEntry]) -> None:
    for position, entry in enumerate(questions, start=1):
        question = Question.objects.create(
            questionnaire=questionnaire, position=position, text=entry.text, multiple=entry.multiple
        )
        Choice.objects.bulk_create(
            Choice(question=question, position=i, text=text) for i, text in enumerate(entry.choices, start=1)
        )


@transaction.atomic
def questionnaire_create(
    *, actor, title: str, questions: list[QuestionEntry], description: str = ""
) -> Questionnaire:
    """A new questionnaire of the actor's organisation (the bureau's is offered to the whole city, a
    township's to its villages)."""
    if not can_record_outreach(actor) or not can_record_for(actor, actor.organisation):
        raise PermissionDenied(_("只有信访局和乡镇（街道）、村（社区）的工作人员可以制作调查问卷"))
    errors: dict[str, list[str]] = {}
    title = checks.text(errors, "title", title, label=_("问卷名称"), max_length=TITLE_MAX, required=True)
    description = checks.text(errors, "description", description, label=_("说明"), max_length=DESCRIPTION_MAX)
    cleaned = _clean_questions(errors, questions)
    if errors:
        raise ValidationError(errors)
    questionnaire = Questionnaire.objects.create(
        title=title, description=description, owner=actor.organisation, created_by=actor
    )
    _write_questions(questionnaire, cleaned)
    return questionnaire


def _locked_for_change(actor, questionnaire: Questionnaire) -> Questionnaire:
    current = (
        Questionnaire.objects.select_for_update(of=("self",)).select_related("owner").get(pk=questionnaire.pk)
    )
    if not can_record_for(actor, current.owner):
        raise PermissionDenied(_("只有制作单位的工作人员可以修改该调查问卷"))
    return current


@transaction.atomic
def questionnaire_update(
    *, actor, questionnaire: Questionnaire, title: str, questions: list[QuestionEntry], description: str = ""
) -> Questionnaire:
    """Replace the title, description and questions, as long as no results have been entered."""
    current = _locked_for_change(actor, questionnaire)
    if questionnaire_is_used(questionnaire=current):
        raise ValidationError(
            {"questions": [_("已有活动录入了该问卷的结果，题目不能再修改；如需调整，请制作新问卷")]}
        )
    errors: dict[str, list[str]] = {}
    current.title = checks.text(
        errors, "title", title, label=_("问卷名称"), max_length=TITLE_MAX, required=True
    )
    current.description = checks.text(
        errors, "description", description, label=_("说明"), max_length=DESCRIPTION_MAX
    )
    cleaned = _clean_questions(errors, questions)
    if errors:
        raise ValidationError(errors)
    current.save()
    current.questions.all().delete()
    _write_questions(current, cleaned)
    return current


@transaction.atomic
def questionnaire_set_active(*, actor, questionnaire: Questionnaire, is_active: bool) -> Questionnaire:
    """A questionnaire taken out of use is no longer offered for new activities; its results stay."""
    current = _locked_for_change(actor, questionnaire)
    current.is_active = bool(is_active)
    current.save(update_fields=["is_active", "updated_at"])
    return current
