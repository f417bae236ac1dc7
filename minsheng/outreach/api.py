"""Publicity through the API: activities and their questionnaire results (here), questionnaires
(api_questionnaires.py). The same services as the pages; scoped like them."""

import math
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from minsheng.accounts.models import Organisation
from minsheng.petitions.schemas import ErrorOut

from . import selectors, services
from .api_common import PAGE_SIZE, require_seeing, resolve, results_out
from .api_questionnaires import router as questionnaires_router
from .models import Activity, Questionnaire
from .schemas import (
    ActivityIn,
    ActivityListOut,
    ActivityOut,
    ActivityQuery,
    ActivityResultsOut,
    ResultsIn,
)

router = Router(tags=["信访宣传"])
router.add_router("", questionnaires_router)


def _activity(request, activity_id: int) -> Activity:
    require_seeing(request)
    try:
        return selectors.activity_get(user=request.user, pk=activity_id)
    except Activity.DoesNotExist as exc:
        raise Http404 from exc


def activity_out(activity: Activity, *, photos: bool = False) -> dict:
    out = {
        "id": activity.pk,
        "held_on": activity.held_on,
        "title": activity.title,
        "display_title": activity.display_title,
        "place": activity.place,
        "organiser": activity.organiser,
        "kind": activity.kind,
        "kind_label": activity.get_kind_display(),
        "description": activity.description,
        "materials_distributed": activity.materials_distributed,
        "questionnaires_collected": activity.questionnaires_collected,
        "consultations_answered": activity.consultations_answered,
        "people_reached": activity.people_reached,
        "questionnaire_id": activity.questionnaire_id,
        "results_recorded": activity.has_results,
        "recorded_by": activity.recorded_by.display_name if activity.recorded_by else "",
        "recorded_at": activity.recorded_at,
        "updated_at": activity.updated_at,
        "photos": [],
    }
    if photos:
        out["photos"] = [
            {
                "id": p.pk,
                "url": reverse("outreach:photo_view", args=[p.pk]),
                "caption": p.caption,
                "original_name": p.original_name,
            }
            for p in selectors.photos_of(activity=activity)
        ]
    return out


@router.get(
    "/outreach/activities",
    response={200: ActivityListOut, 403: ErrorOut, 422: ErrorOut},
    summary="宣传活动列表（含筛选范围内合计）",
)
def list_activities(request, query: Query[ActivityQuery]):
    require_seeing(request)
    errors: dict[str, list[str]] = {}
    organiser = resolve(Organisation, query.organiser_id, "organiser_id", errors)
    if query.held_from and query.held_to and query.held_from > query.held_to:
        errors["held_to"] = [_("截止日期不能早于起始日期")]
    if errors:
        raise ValidationError(errors)
    activities = selectors.activity_list(
        user=request.user,
        filters=selectors.ActivityFilters(
            held_from=query.held_from, held_to=query.held_to, organiser=organiser, kind=query.kind
        ),
    )
    totals = selectors.activity_totals(activities)
    page = list(activities[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE])
    return {
        "count": totals.activities,
        "page": query.page,
        "pages": math.ceil(totals.activities / PAGE_SIZE),
        "totals": asdict(totals),
        "items": [activity_out(a) for a in page],
    }


def _values(request, body: ActivityIn) -> dict:
    errors: dict[str, list[str]] = {}
    organiser = resolve(Organisation, body.organiser_id, "organiser_id", errors)
    questionnaire = resolve(
        Questionnaire,
        body.questionnaire_id,
        "questionnaire_id",
        errors,
        queryset=selectors.questionnaires_visible_to(user=request.user),
    )
    if errors:
        raise ValidationError(errors)
    values = body.dict(exclude={"organiser_id", "questionnaire_id"})
    return {**values, "organiser": organiser, "questionnaire": questionnaire}


API_FIELD_NAMES = {"organiser": "organiser_id", "questionnaire": "questionnaire_id"}


def _renamed(exc: ValidationError) -> ValidationError:
    return ValidationError({API_FIELD_NAMES.get(k, k): v for k, v in exc.message_dict.items()})


@router.post(
    "/outreach/activities",
    response={201: ActivityOut, 403: ErrorOut, 422: ErrorOut},
    summary="登记宣传活动（信访局、乡镇街道、村社区工作人员）",
)
def create_activity(request, body: ActivityIn):
    values = _values(request, body)
    try:
        activity = services.activity_record(actor=request.user, **values)
    except ValidationError as exc:
        raise _renamed(exc) from exc
    return Status(201, activity_out(activity))


@router.get(
    "/outreach/activities/{activity_id}",
    response={200: ActivityOut, 403: ErrorOut, 404: ErrorOut},
    summary="宣传活动详情",
)
def get_activity(request, activity_id: int):
    return activity_out(_activity(request, activity_id), photos=True)


@router.put(
    "/outreach/activities/{activity_id}",
    response={200: ActivityOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="修改宣传活动（各项重新填写）",
)
def update_activity(request, activity_id: int, body: ActivityIn):
    activity = _activity(request, activity_id)
    values = _values(request, body)
    if values["organiser"] is None:
        values["organiser"] = activity.organiser
    try:
        activity = services.activity_update(actor=request.user, activity=activity, **values)
    except ValidationError as exc:
        raise _renamed(exc) from exc
    return activity_out(activity, photos=True)


@router.delete(
    "/outreach/activities/{activity_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    summary="删除误登记的宣传活动",
)
def delete_activity(request, activity_id: int):
    services.activity_delete(actor=request.user, activity=_activity(request, activity_id))
    return Status(204, None)


def _activity_results(activity: Activity) -> dict:
    activity.refresh_from_db()
    out = results_out(selectors.activity_results(activity=activity), activity.questionnaire_id)
    return {**out, "recorded_at": activity.results_recorded_at}


@router.get(
    "/outreach/activities/{activity_id}/results",
    response={200: ActivityResultsOut, 403: ErrorOut, 404: ErrorOut},
    summary="活动的问卷结果（各选项份数和百分比）",
)
def get_results(request, activity_id: int):
    return _activity_results(_activity(request, activity_id))


@router.put(
    "/outreach/activities/{activity_id}/results",
    response={200: ActivityResultsOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="录入活动的问卷结果",
    description="单选题各选项合计、多选题每个选项，均不能多于活动收回的问卷份数。错误按 choice_<选项id>、"
    "question_<题目id> 返回。",
)
def record_results(request, activity_id: int, body: ResultsIn):
    activity = _activity(request, activity_id)
    counts: dict[int, int] = {}
    for row in body.counts:
        if row.choice_id in counts:
            raise ValidationError({"counts": [_("选项 %(id)s 重复填写") % {"id": row.choice_id}]})
        counts[row.choice_id] = row.count
    services.questionnaire_results_record(actor=request.user, activity=activity, counts=counts)
    return _activity_results(activity)


@router.delete(
    "/outreach/activities/{activity_id}/results",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="清除活动的问卷结果",
)
def clear_results(request, activity_id: int):
    services.questionnaire_results_clear(actor=request.user, activity=_activity(request, activity_id))
    return Status(204, None)
