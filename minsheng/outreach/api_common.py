"""Helpers shared by the publicity API modules."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import selectors
from .permissions import can_see_outreach

PAGE_SIZE = 25


def require_seeing(request) -> None:
    if not can_see_outreach(request.user):
        raise PermissionDenied(_("您的账号未设所属机构，不能查看信访宣传"))


def resolve(model, pk, field: str, errors: dict, queryset=None):
    if pk is None:
        return None
    found = (queryset if queryset is not None else model.objects).filter(pk=pk).first()
    if found is None:
        errors[field] = [_("编号 %(id)s 不存在") % {"id": pk}]
    return found


def results_out(results: selectors.Results | None, questionnaire_id: int | None) -> dict:
    def number(value):
        return float(value) if value is not None else None

    if results is None:
        return {"questionnaire_id": questionnaire_id, "respondents": 0, "activities": 0, "questions": []}
    return {
        "questionnaire_id": questionnaire_id,
        "respondents": results.respondents,
        "activities": results.activities,
        "questions": [
            {
                "id": q.question.pk,
                "position": q.question.position,
                "text": q.question.text,
                "multiple": q.question.multiple,
                "answered": q.answered,
                "unanswered": q.unanswered,
                "unanswered_percent": number(q.unanswered_percent),
                "choices": [
                    {"id": c.choice.pk, "text": c.choice.text, "count": c.count, "percent": number(c.percent)}
                    for c in q.choices
                ],
            }
            for q in results.questions
        ],
    }
