"""POST /api/v1/submissions/check: the intake check, saving nothing."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Router, Schema

from minsheng.accounts.models import Organisation
from minsheng.petitions.api import resolve_id
from minsheng.petitions.permissions import can_register
from minsheng.petitions.schemas import ErrorOut, OrganisationRef, SubmissionIn

from .check import PersonHint, submission_check

router = Router(tags=["信访事项"])


class ReplyBrief(Schema):
    text: str
    replied_at: dt.datetime
    organisation: str | None


class CandidateOut(Schema):
    matter_id: int
    matter_number: str
    title: str
    score: float = Field(..., description="0–1，越大越可能是同一事项")
    reasons: list[str]
    action: str = Field(
        ..., description="附加时记为：repeat 重复信访（同一信访人）/ joint 其他信访人的同一事项"
    )
    rule: str = Field("", description="附加时适用的条例规则：level_skipping 越级 / final_repeat 已终结")
    rule_label: str = ""
    same_petitioner: bool
    text_similarity: float
    shared_places: list[str]
    status: str
    status_label: str
    level: str = Field("", description="办理层级：当前办理（或登记）单位的类别")
    handling_org: OrganisationRef | None
    received_at: dt.datetime
    last_reply: ReplyBrief | None


class CheckOut(Schema):
    petitioners_recognised: list[int] = Field(..., description="识别出的已登记信访人编号")
    candidates: list[CandidateOut]


def candidate_out(checked) -> dict:
    candidate = checked.candidate
    matter = candidate.matter
    unit = matter.handling_org or matter.receiving_org
    reply = candidate.last_reply
    return {
        "matter_id": matter.pk,
        "matter_number": matter.number,
        "title": matter.title,
        "score": candidate.score,
        "reasons": candidate.reasons,
        "action": checked.action,
        "rule": checked.rule,
        "rule_label": checked.rule_label,
        "same_petitioner": candidate.same_petitioner,
        "text_similarity": candidate.text_similarity,
        "shared_places": candidate.shared_places,
        "status": matter.status,
        "status_label": matter.get_status_display(),
        "level": unit.get_kind_display() if unit else "",
        "handling_org": matter.handling_org,
        "received_at": matter.received_at,
        "last_reply": (
            {
                "text": reply.text,
                "replied_at": reply.replied_at,
                "organisation": reply.organisation.name if reply.organisation_id else None,
            }
            if reply
            else None
        ),
    }


@router.post(
    "/submissions/check",
    response={200: CheckOut, 403: ErrorOut, 422: ErrorOut},
    summary="登记前查重：可能是同一事项的已有信访事项",
    description=(
        "请求体与“登记信访件”相同；不保存任何内容。按可能性从高到低返回已有事项（同一信访人的优先），"
        "附得分与理由（同一信访人、同一地点、内容相似……）、状态、办理层级、办理单位和最近一次答复。"
    ),
)
def check_submission(request, body: SubmissionIn, limit: int = 5):
    if not can_register(request.user):
        raise PermissionDenied("只有登记员、督办员或管理员可以登记信访件")
    errors: dict[str, list[str]] = {}
    receiving_org = resolve_id(Organisation, body.receiving_org_id, "receiving_org_id", errors)
    concerned_org = resolve_id(Organisation, body.concerned_org_id, "concerned_org_id", errors)
    if not (1 <= limit <= 20):
        errors["limit"] = ["limit 应在 1 到 20 之间"]
    if errors:
        raise ValidationError(errors)
    found = submission_check(
        user=request.user,
        title=body.title,
        content=body.content,
        demands=body.demands,
        place=body.place,
        people=[
            PersonHint(
                petitioner_id=p.id, name=p.name, id_number=p.id_number, phone=p.phone, address=p.address
            )
            for p in body.petitioners
        ],
        concerned_org=concerned_org,
        receiving_org=receiving_org,
        received_at=body.received_at,
        limit=limit,
    )
    return {
        "petitioners_recognised": list(found.petitioner_ids),
        "candidates": [candidate_out(c) for c in found.candidates],
    }
