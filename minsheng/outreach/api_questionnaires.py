"""Questionnaires through the API, with their results added up over the activities the caller sees."""

import math

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from minsheng.accounts.models import Organisation
from minsheng.petitions.schemas import ErrorOut

from . import selectors, services
from .api_common import PAGE_SIZE, require_seeing, resolve, results_out
from .models import Questionnaire
from .schemas import (
    QuestionnaireActiveIn,
    QuestionnaireDetailOut,
    QuestionnaireIn,
    QuestionnaireListOut,
    QuestionnaireOut,
    QuestionnaireQuery,
    ResultsQuery,
)

router = Router(tags=["信访宣传"])


def _questionnaire(request, questionnaire_id: int) -> Questionnaire:
    require_seeing(request)
    try:
        return selectors.questionnaire_get(user=request.user, pk=questionnaire_id)
    except Questionnaire.DoesNotExist as exc:
        raise Http404 from exc


def questionnaire_out(questionnaire: Questionnaire) -> dict:
    return {
        "id": questionnaire.pk,
        "title": questionnaire.title,
        "description": questionnaire.description,
        "owner": questionnaire.owner,
        "is_active": questionnaire.is_active,
        "created_at": questionnaire.created_at,
        "questions": [
            {
                "id": q.pk,
                "position": q.position,
                "text": q.text,
                "multiple": q.multiple,
                "choices": [{"id": c.pk, "position": c.position, "text": c.text} for c in q.choices.all()],
            }
            for q in selectors.questions_of(questionnaire)
        ],
    }


def _entries(body: QuestionnaireIn) -> list[services.QuestionEntry]:
    return [
        services.QuestionEntry(text=q.text, choices=q.choices, multiple=q.multiple) for q in body.questions
    ]


@router.get(
    "/outreach/questionnaires",
    response={200: QuestionnaireListOut, 403: ErrorOut},
    summary="调查问卷列表（本单位可见、可选用的问卷）",
)
def list_questionnaires(request, query: Query[QuestionnaireQuery]):
    require_seeing(request)
    questionnaires = selectors.questionnaire_list(user=request.user, active_only=query.active_only)
    count = questionnaires.count()
    page = questionnaires[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {
        "count": count,
        "page": query.page,
        "pages": math.ceil(count / PAGE_SIZE),
        "items": [
            {
                "id": q.pk,
                "title": q.title,
                "owner": q.owner,
                "is_active": q.is_active,
                "created_at": q.created_at,
                "question_count": q.question_count,
            }
            for q in page
        ],
    }


@router.post(
    "/outreach/questionnaires",
    response={201: QuestionnaireOut, 403: ErrorOut, 422: ErrorOut},
    summary="制作调查问卷",
    description="错误按 questions.<序号>.text、questions.<序号>.choices 返回（序号从 0 起）。",
)
def create_questionnaire(request, body: QuestionnaireIn):
    require_seeing(request)
    questionnaire = services.questionnaire_create(
        actor=request.user, title=body.title, description=body.description, questions=_entries(body)
    )
    return Status(201, questionnaire_out(questionnaire))


@router.get(
    "/outreach/questionnaires/{questionnaire_id}",
    response={200: QuestionnaireDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="调查问卷及其结果汇总",
    description="结果汇总调用者可见的、录入了该问卷结果的活动；可按活动日期和组织单位（含下级）筛选。",
)
def get_questionnaire(request, questionnaire_id: int, query: Query[ResultsQuery]):
    questionnaire = _questionnaire(request, questionnaire_id)
    errors: dict[str, list[str]] = {}
    organiser = resolve(Organisation, query.organiser_id, "organiser_id", errors)
    if query.held_from and query.held_to and query.held_from > query.held_to:
        errors["held_to"] = [_("截止日期不能早于起始日期")]
    if errors:
        raise ValidationError(errors)
    activities = selectors.activity_list(
        user=request.user,
        filters=selectors.ActivityFilters(
            held_from=query.held_from, held_to=query.held_to, organiser=organiser
        ),
    )
    results = selectors.questionnaire_results(questionnaire=questionnaire, activities=activities)
    return {**questionnaire_out(questionnaire), "results": results_out(results, questionnaire.pk)}


@router.put(
    "/outreach/questionnaires/{questionnaire_id}",
    response={200: QuestionnaireOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="修改调查问卷（尚无活动录入结果时）",
)
def update_questionnaire(request, questionnaire_id: int, body: QuestionnaireIn):
    questionnaire = services.questionnaire_update(
        actor=request.user,
        questionnaire=_questionnaire(request, questionnaire_id),
        title=body.title,
        description=body.description,
        questions=_entries(body),
    )
    return questionnaire_out(questionnaire)


@router.patch(
    "/outreach/questionnaires/{questionnaire_id}",
    response={200: QuestionnaireOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="启用或停用调查问卷",
)
def set_questionnaire_active(request, questionnaire_id: int, body: QuestionnaireActiveIn):
    questionnaire = services.questionnaire_set_active(
        actor=request.user, questionnaire=_questionnaire(request, questionnaire_id), is_active=body.is_active
    )
    return questionnaire_out(questionnaire)
