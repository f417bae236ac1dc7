"""The proposals API after review: assignment, objection, extension, joint handling, contacts,
co-handling views, the reply letter, rating and publication. Same router as api.py."""

from django.http import Http404
from ninja import Status

from minsheng.petitions.schemas import ErrorOut

from . import selectors, services
from .api import ID, STEP, _step, proposal_detail, raise_if, refuse_ids, router, unit_by_id
from .api_schemas import (
    AssignIn,
    ContactIn,
    ExtendIn,
    JoinIn,
    JoinOut,
    ObjectIn,
    RatingIn,
    ReplyIn,
    SignIn,
    ViewIn,
)
from .models import Assignment


@router.post(
    f"/proposals/{ID}/assign",
    response=STEP,
    summary="交办（主办、会办、分办），或异议后重新交办",
    description="默认办理期限为交办之日起 3 个月，最长 6 个月（见设置 PROPOSAL_HANDLING_MONTHS）。",
)
def assign(request, proposal_id: int, body: AssignIn):
    errors: dict = {}
    lead = unit_by_id(body.lead_id, errors, "lead_id") if body.lead_id is not None else None
    co = [u for pk in dict.fromkeys(body.co_unit_ids) if (u := unit_by_id(pk, errors, "co_unit_ids"))]
    separate = [
        u
        for pk in dict.fromkeys(body.separate_unit_ids)
        if (u := unit_by_id(pk, errors, "separate_unit_ids"))
    ]
    raise_if(errors)
    return _step(
        request,
        proposal_id,
        services.proposal_assign,
        lead=lead,
        co_units=co,
        separate_units=separate,
        due_on=body.due_on,
    )


@router.post(
    "/proposal-assignments/{int:assignment_id}/object",
    response=STEP,
    summary="承办单位提出异议（异议期内）",
)
def object_to_assignment(request, assignment_id: int, body: ObjectIn):
    assignment = Assignment.objects.filter(
        pk=assignment_id, proposal__in=selectors.proposals_visible_to(user=request.user)
    ).first()
    if assignment is None:
        raise Http404
    services.assignment_object(actor=request.user, assignment=assignment, reason=body.reason)
    return proposal_detail(request.user, assignment.proposal, request)


@router.post(f"/proposals/{ID}/extend", response=STEP, summary="延期（不超过最长期限）")
def extend(request, proposal_id: int, body: ExtendIn):
    return _step(request, proposal_id, services.proposal_extend, due_on=body.due_on, reason=body.reason)


@router.post(
    "/proposal-joint-handlings", response={201: JoinOut, 403: ErrorOut, 422: ErrorOut}, summary="并案办理"
)
def join(request, body: JoinIn):
    errors: dict = {}
    visible = selectors.proposals_visible_to(user=request.user)
    proposals = []
    for pk in dict.fromkeys(body.proposal_ids):
        proposal = visible.filter(pk=pk).first()
        if proposal is None:
            refuse_ids(errors, "proposal_ids", pk)
        else:
            proposals.append(proposal)
    raise_if(errors)
    group = services.proposals_join(actor=request.user, proposals=proposals, title=body.title)
    return Status(201, {"id": group.pk, "title": group.title, "proposal_ids": [p.pk for p in proposals]})


@router.post(f"/proposals/{ID}/contacts", response=STEP, summary="记录与提案人的沟通")
def contact(request, proposal_id: int, body: ContactIn):
    return _step(request, proposal_id, services.proposal_contact_record, **body.dict())


@router.post(f"/proposals/{ID}/cohandling-views", response=STEP, summary="会办单位提交会办意见")
def cohandling_view(request, proposal_id: int, body: ViewIn):
    return _step(request, proposal_id, services.cohandling_view_send, content=body.content)


@router.put(
    f"/proposals/{ID}/reply",
    response=STEP,
    summary="拟写或修改本单位本轮答复（主办或分办单位）",
    description="称谓和开头语默认按标准格式生成；修改后须重新签字。",
)
def draft_reply(request, proposal_id: int, body: ReplyIn):
    return _step(request, proposal_id, services.proposal_reply_draft, **body.dict())


@router.post(f"/proposals/{ID}/reply/sign", response=STEP, summary="承办单位领导签字")
def sign_reply(request, proposal_id: int, body: SignIn):
    return _step(request, proposal_id, services.proposal_reply_sign, **body.dict())


@router.post(f"/proposals/{ID}/reply/send", response=STEP, summary="发出答复")
def send_reply(request, proposal_id: int):
    return _step(request, proposal_id, services.proposal_reply_send)


@router.post(
    f"/proposals/{ID}/rating",
    response=STEP,
    summary="提案人评价办理情况",
    description="不满意须说明理由，提案转重新办理（默认 3 个月内再次答复）；满意或基本满意即办结。",
)
def rate(request, proposal_id: int, body: RatingIn):
    return _step(request, proposal_id, services.proposal_rate, rating=body.rating, comment=body.comment)


@router.post(f"/proposals/{ID}/publish", response=STEP, summary="公开已办结的提案")
def publish(request, proposal_id: int):
    return _step(request, proposal_id, services.proposal_publish)
