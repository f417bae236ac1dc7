"""The proposals API: the same services and selectors as the pages. Reads and submission here; the
steps after review in api_flow.py, on the same router."""

import math

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from minsheng.accounts.models import Organisation, Role, User
from minsheng.petitions.schemas import ErrorOut

from . import selectors, services
from .api_schemas import (
    AdmitIn,
    ConvertIn,
    CosignIn,
    NotAdmitIn,
    OneMatterOut,
    ProposalDetailOut,
    ProposalIn,
    ProposalListOut,
    ReviewNoteIn,
    SessionIn,
    SessionOut,
    SimilarOut,
    TextIn,
)
from .models import Proposal, ProposalSession
from .permissions import is_office

router = Router(tags=["政协提案"])
PAGE_SIZE = 25
ID = "{int:proposal_id}"


def refuse_ids(errors: dict, field: str, pk) -> None:
    errors.setdefault(field, []).append(_("编号 %(id)s 不存在") % {"id": pk})


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def unit_by_id(pk, errors: dict, field: str) -> Organisation | None:
    unit = Organisation.objects.filter(pk=pk).first()
    if unit is None:
        refuse_ids(errors, field, pk)
    return unit


def proposal_for(user, proposal_id: int) -> Proposal:
    try:
        return selectors.proposal_get(user=user, pk=proposal_id)
    except Proposal.DoesNotExist as exc:
        raise Http404 from exc


def _org(org):
    return {"id": org.pk, "name": org.name} if org else None


def _reply_out(reply) -> dict:
    return {
        "id": reply.pk,
        "unit": _org(reply.unit),
        "round": reply.round,
        "addressee": reply.addressee,
        "acknowledgement": reply.acknowledgement,
        "opening": reply.opening,
        "measures": reply.measures,
        "closing": reply.closing,
        "unit_name": reply.unit_name,
        "reply_on": reply.reply_on,
        "grade": reply.grade,
        "report": reply.report,
        "signed_by_name": reply.signed_by_name,
        "signed_on": reply.signed_on,
        "sent_at": reply.sent_at,
    }


def proposal_out(proposal: Proposal) -> dict:
    return {
        "id": proposal.pk,
        "session": proposal.session,
        "number": proposal.number,
        "status": proposal.status,
        "status_label": proposal.get_status_display(),
        "title": proposal.title,
        "proposer": {"id": proposal.proposer_id, "name": proposal.proposer_name},
        "proposer_unit_post": proposal.proposer_unit_post,
        "desired_departments": proposal.desired_departments,
        "is_key": proposal.is_key,
        "submitted_at": proposal.submitted_at,
        "cosign_deadline": proposal.cosign_deadline,
        "assigned_on": proposal.assigned_on,
        "due_on": proposal.due_on,
        "deadline_state": getattr(proposal, "deadline_state", ""),
        "round": proposal.round,
        "grade": proposal.grade,
        "rating": proposal.rating,
        "replied_at": proposal.replied_at,
        "closed_at": proposal.closed_at,
        "published_at": proposal.published_at,
    }


def proposal_detail(user, proposal: Proposal, request=None) -> dict:
    """Everything about one proposal the user may see; the phone and address only where allowed, and
    a unit sees the drafts of its own replies only."""
    proposal = (
        selectors.with_deadline_state(Proposal.objects.filter(pk=proposal.pk))
        .select_related("session", "converted_to")
        .get()
    )
    personal = (
        services.proposal_contact_reveal(actor=user, proposal=proposal, request=request)
        if selectors.sees_personal_data(user=user, proposal=proposal)
        else {"phone": None, "address": None}
    )
    replies = [
        r
        for r in proposal.replies.select_related("unit").order_by("round", "pk")
        if r.sent_at or is_office(user) or (user.role == Role.HANDLER and user.organisation_id == r.unit_id)
    ]
    return {
        **proposal_out(proposal),
        "reason": proposal.reason,
        "suggestions": proposal.suggestions,
        "multi_matter_warning": proposal.multi_matter_warning,
        "phone": personal["phone"],
        "address": personal["address"],
        "review_opinion": proposal.review_opinion,
        "leader_instruction": proposal.leader_instruction,
        "not_admitted_ground": proposal.not_admitted_ground,
        "not_admitted_notice": proposal.not_admitted_notice,
        "converted_to": _org(proposal.converted_to),
        "joint_handling_id": proposal.joint_handling_id,
        "cosigners": [
            {
                "member": {"id": c.member_id, "name": c.member.display_name},
                "answer": c.answer,
                "answer_label": c.get_answer_display(),
                "answered_at": c.answered_at,
                "note": c.note,
            }
            for c in proposal.cosigners.select_related("member")
        ],
        "assignments": [
            {
                "id": a.pk,
                "unit": _org(a.unit),
                "role": a.role,
                "role_label": a.get_role_display(),
                "assigned_at": a.assigned_at,
                "objection_until": a.objection_until,
                "objected_at": a.objected_at,
                "objection_reason": a.objection_reason,
                "withdrawn_at": a.withdrawn_at,
            }
            for a in proposal.assignments.select_related("unit")
        ],
        "contacts": [
            {
                "id": c.pk,
                "unit": _org(c.unit),
                "contacted_on": c.contacted_on,
                "way": c.way,
                "way_label": c.get_way_display(),
                "content": c.content,
            }
            for c in proposal.contacts.select_related("unit")
        ],
        "views": [
            {
                "id": v.pk,
                "unit": _org(v.assignment.unit),
                "round": v.round,
                "content": v.content,
                "sent_at": v.sent_at,
            }
            for v in selectors.cohandling_views(proposal=proposal)
        ],
        "replies": [_reply_out(r) for r in replies],
        "feedback": [
            {
                "round": f.round,
                "rating": f.rating,
                "rating_label": f.get_rating_display(),
                "comment": f.comment,
                "rated_at": f.rated_at,
            }
            for f in proposal.feedback.all()
        ],
        "events": [
            {
                "kind": e.kind,
                "kind_label": e.get_kind_display(),
                "actor": e.actor.display_name if e.actor else None,
                "organisation": e.organisation.name if e.organisation else None,
                "note": e.note,
                "at": e.at,
            }
            for e in selectors.proposal_timeline(proposal=proposal)
        ],
    }


@router.get("/proposal-sessions", response=list[SessionOut], summary="会议届次")
def list_sessions(request):
    return list(ProposalSession.objects.all())


@router.post(
    "/proposal-sessions",
    response={201: SessionOut, 403: ErrorOut, 422: ErrorOut},
    summary="新建会议届次（提案委）",
)
def create_session(request, body: SessionIn):
    session = services.proposal_session_create(actor=request.user, **body.dict())
    return Status(201, session)


class GroundsOut(Schema):
    grounds: list[str]


@router.get("/proposal-grounds", response=GroundsOut, summary="不予立案的标准理由")
def list_grounds(request):
    return {"grounds": services.not_admitted_grounds()}


@router.get("/proposals", response=ProposalListOut, summary="提案列表（按权限范围）")
def list_proposals(
    request,
    session_id: int | None = None,
    status: str = "",
    deadline_state: str = "",
    key_only: bool = False,
    q: str = Query("", max_length=50),
    page: int = Query(1, ge=1),
):
    session = ProposalSession.objects.filter(pk=session_id).first() if session_id else None
    if session_id and session is None:
        raise Http404
    filters = selectors.ProposalFilters(
        session=session, status=status, deadline_state=deadline_state, key_only=key_only, text=q
    )
    proposals = selectors.proposal_list(user=request.user, filters=filters)
    count = proposals.count()
    start = (page - 1) * PAGE_SIZE
    return {
        "count": count,
        "page": page,
        "pages": max(1, math.ceil(count / PAGE_SIZE)),
        "items": [proposal_out(p) for p in proposals[start : start + PAGE_SIZE]],
    }


@router.post(
    "/proposals",
    response={201: ProposalDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="提交提案",
    description="委员本人提交，或提案委代委员录入（proposer_id）。有联名提案人时先等待联名确认。"
    "一事一议只提醒（multi_matter_warning），不拒收。",
)
def submit_proposal(request, body: ProposalIn):
    errors: dict = {}
    proposer = None
    if body.proposer_id is not None:
        proposer = User.objects.filter(pk=body.proposer_id).first()
        if proposer is None:
            refuse_ids(errors, "proposer_id", body.proposer_id)
    session = None
    if body.session_id is not None:
        session = ProposalSession.objects.filter(pk=body.session_id).first()
        if session is None:
            refuse_ids(errors, "session_id", body.session_id)
    cosigners = []
    for pk in dict.fromkeys(body.cosigner_ids):
        member = User.objects.filter(pk=pk).first()
        if member is None:
            refuse_ids(errors, "cosigner_ids", pk)
        else:
            cosigners.append(member)
    raise_if(errors)
    proposal = services.proposal_submit(
        actor=request.user,
        proposer=proposer,
        session=session,
        title=body.title,
        reason=body.reason,
        suggestions=body.suggestions,
        proposer_unit_post=body.proposer_unit_post,
        phone=body.phone,
        address=body.address,
        desired_departments=body.desired_departments,
        cosigners=cosigners,
        cosign_deadline=body.cosign_deadline,
    )
    return Status(201, proposal_detail(request.user, proposal, request))


@router.post("/proposals/one-matter-check", response=OneMatterOut, summary="一事一议提醒（不保存）")
def check_one_matter(request, body: TextIn):
    check = services.one_matter_check(title=body.title, reason=body.reason, suggestions=body.suggestions)
    return {"items": len(check.items), "off_subject": check.off_subject, "warning": check.warning}


@router.post("/proposals/similar", response=list[SimilarOut], summary="以往同类提案及其答复（不保存）")
def similar(request, body: TextIn):
    found = selectors.similar_proposals(title=body.title, reason=body.reason, user=request.user)
    return [
        {
            "id": s.proposal.pk,
            "session": s.proposal.session.name,
            "number": s.proposal.number,
            "title": s.proposal.title,
            "proposer_name": s.proposal.proposer_name,
            "score": s.score,
            "replies": [_reply_out(r) for r in s.replies],
        }
        for s in found
    ]


@router.get(f"/proposals/{ID}", response={200: ProposalDetailOut, 404: ErrorOut}, summary="提案详情")
def get_proposal(request, proposal_id: int):
    return proposal_detail(request.user, proposal_for(request.user, proposal_id), request)


def _step(request, proposal_id: int, service, **kwargs):
    proposal = proposal_for(request.user, proposal_id)
    service(actor=request.user, proposal=proposal, **kwargs)
    return proposal_detail(request.user, proposal, request)


STEP = {200: ProposalDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.post(f"/proposals/{ID}/cosign", response=STEP, summary="联名提案人确认或拒绝")
def cosign(request, proposal_id: int, body: CosignIn):
    return _step(request, proposal_id, services.cosigner_answer, confirm=body.confirm, note=body.note)


@router.post(f"/proposals/{ID}/admit", response=STEP, summary="立案（按届次编号）")
def admit(request, proposal_id: int, body: AdmitIn):
    return _step(request, proposal_id, services.proposal_admit, **body.dict())


@router.post(f"/proposals/{ID}/not-admit", response=STEP, summary="不予立案")
def not_admit(request, proposal_id: int, body: NotAdmitIn):
    return _step(request, proposal_id, services.proposal_not_admit, **body.dict())


@router.post(f"/proposals/{ID}/convert", response=STEP, summary="转为意见建议并转交单位")
def convert(request, proposal_id: int, body: ConvertIn):
    errors: dict = {}
    unit = unit_by_id(body.unit_id, errors, "unit_id")
    raise_if(errors)
    return _step(
        request, proposal_id, services.proposal_convert, unit=unit, review_opinion=body.review_opinion
    )


@router.post(f"/proposals/{ID}/review-note", response=STEP, summary="初审意见、领导批示、重点提案")
def review_note(request, proposal_id: int, body: ReviewNoteIn):
    return _step(request, proposal_id, services.proposal_review_note, **body.dict())


from . import api_files, api_flow  # noqa: E402, F401  (register the handling steps and files on `router`)
