import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status

from minsheng.accounts.models import Organisation
from minsheng.petitions.schemas import ErrorOut, OrganisationRef
from minsheng.petitions.selectors import matters_visible_to

from .. import selectors, services
from ..models import Consultation
from ..permissions import is_lawyer
from . import router
from ._common import PAGE_SIZE, Ref, pages, renamed, require_seeing, user_or_error
from .roster import UserRef


class ConsultationIn(Schema):
    consulted_on: dt.date
    lawyer_id: int | None = Field(None, description="解答律师；律师本人记录时可不填")
    organisation_id: int | None = Field(None, description="咨询地点；默认：工作人员本单位，律师为信访局")
    person_name: str = Field("", max_length=50, description="不填为匿名")
    phone: str = Field("", max_length=30, description="可不填；加密保存")
    topic: str = Field(
        ...,
        description="marriage / labour / land / housing / contract / tort / social_security / "
        "administrative / procedure / other",
    )
    question: str = Field(..., max_length=500)
    advice: str = Field(..., max_length=2000)
    matter_id: int | None = Field(None, description="关联的信访事项（可不填）")


class ConsultationOut(Schema):
    id: int
    consulted_on: dt.date
    organisation: OrganisationRef
    lawyer: UserRef
    anonymous: bool
    person_name: str
    phone_masked: str
    topic: str
    topic_label: str
    question: str
    advice: str
    matter_id: int | None


class ConsultationListOut(Schema):
    count: int
    page: int
    pages: int
    topics: dict[str, int] = Field(..., description="所选期间各类别的人次")
    items: list[ConsultationOut]


class ConsultationQuery(Schema):
    consulted_from: dt.date | None = None
    consulted_to: dt.date | None = None
    lawyer_id: int | None = None
    topic: str = ""
    page: int = Field(1, ge=1)


def _out(c: Consultation) -> dict:
    return {
        "id": c.pk,
        "consulted_on": c.consulted_on,
        "organisation": Ref.org(c.organisation),
        "lawyer": Ref.user(c.lawyer),
        "anonymous": c.is_anonymous,
        "person_name": c.person_name,
        "phone_masked": c.phone_masked,
        "topic": c.topic,
        "topic_label": c.get_topic_display(),
        "question": c.question,
        "advice": c.advice,
        "matter_id": c.matter_id,
    }


@router.get(
    "/legal/consultations",
    response={200: ConsultationListOut, 403: ErrorOut, 422: ErrorOut},
    summary="免费法律咨询记录（律师：本人的；工作人员：本单位及下级的）",
)
def list_consultations(request, query: Query[ConsultationQuery]):
    require_seeing(request)
    errors: dict = {}
    if query.consulted_from and query.consulted_to and query.consulted_from > query.consulted_to:
        errors["consulted_to"] = [_("截止日期不能早于起始日期")]
    lawyer = user_or_error(query.lawyer_id, "lawyer_id", errors)
    if errors:
        raise ValidationError(errors)
    consultations = selectors.consultation_list(
        user=request.user,
        filters=selectors.ConsultationFilters(
            consulted_from=query.consulted_from,
            consulted_to=query.consulted_to,
            lawyer=lawyer,
            topic=query.topic,
        ),
    )
    count = consultations.count()
    chosen = consultations[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {
        "count": count,
        "page": query.page,
        "pages": pages(count),
        "topics": selectors.consultation_topic_counts(consultations),
        "items": [_out(c) for c in chosen],
    }


@router.post(
    "/legal/consultations",
    response={201: ConsultationOut, 403: ErrorOut, 422: ErrorOut},
    summary="记录一次免费法律咨询（律师，或代律师记录的信访工作人员）",
)
def create_consultation(request, body: ConsultationIn):
    require_seeing(request)
    errors: dict = {}
    lawyer = user_or_error(body.lawyer_id, "lawyer_id", errors)
    organisation = None
    if body.organisation_id is not None:
        organisation = Organisation.objects.filter(pk=body.organisation_id).first()
        if organisation is None:
            errors["organisation_id"] = [_("编号 %(id)s 不存在") % {"id": body.organisation_id}]
    matter = None
    if body.matter_id is not None:
        visible = (
            selectors.matters_open_to_lawyer(lawyer=request.user)
            if is_lawyer(request.user)
            else matters_visible_to(user=request.user)
        )
        matter = visible.filter(pk=body.matter_id).first()
        if matter is None:
            errors["matter_id"] = [_("事项 %(id)s 不存在，或您无权查看") % {"id": body.matter_id}]
    if errors:
        raise ValidationError(errors)
    try:
        consultation = services.consultation_record(
            actor=request.user,
            consulted_on=body.consulted_on,
            lawyer=lawyer,
            organisation=organisation,
            person_name=body.person_name,
            phone_number=body.phone,
            topic=body.topic,
            question=body.question,
            advice=body.advice,
            matter=matter,
        )
    except ValidationError as exc:
        raise renamed(
            exc, {"lawyer": "lawyer_id", "organisation": "organisation_id", "matter": "matter_id"}
        ) from exc
    return Status(201, _out(consultation))


@router.get(
    "/legal/consultations/{consultation_id}",
    response={200: ConsultationOut, 403: ErrorOut, 404: ErrorOut},
    summary="一条法律咨询记录（电话号码打码显示）",
)
def get_consultation(request, consultation_id: int):
    require_seeing(request)
    try:
        return _out(selectors.consultation_get(user=request.user, pk=consultation_id))
    except Consultation.DoesNotExist as exc:
        raise Http404 from exc
