import datetime as dt
import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from minsheng.accounts.models import Organisation
from minsheng.petitions.schemas import ErrorOut, OrganisationRef
from minsheng.petitions.selectors import matters_visible_to

from . import selectors, services
from .models import HotIssue, JointHandling
from .permissions import can_see_hot_issues

router = Router(tags=["热点问题与并案办理"])
PAGE_SIZE = 25


class AnalysisOut(Schema):
    id: int
    start: dt.date
    end: dt.date
    computed_at: dt.datetime
    matter_count: int


class TrendBarOut(Schema):
    start: dt.date
    count: int


class UnitCountOut(Schema):
    name: str
    count: int


class HotIssueOut(Schema):
    id: int
    label: str = Field(..., description="组内最具代表性的事项标题（在调用者可见的事项中）")
    places: list[str]
    terms: list[str]
    size: int = Field(..., description="调用者可见、且在所选期间和单位内的事项数")
    total_size: int = Field(..., description="全组事项数")
    petitioners: int
    submissions: int
    visit_people: int = Field(..., description="来访人次")
    first_received_at: dt.datetime | None
    last_received_at: dt.datetime | None
    trend_unit: str = Field(..., description="week 或 month")
    trend: list[TrendBarOut]
    statuses: dict[str, int]
    units: list[UnitCountOut]
    joint_matters: int = Field(..., description="已并案办理的事项数")


class HotIssueListOut(Schema):
    analysis: AnalysisOut | None
    period_start: dt.date | None
    period_end: dt.date | None
    count: int
    page: int
    pages: int
    items: list[HotIssueOut]


class MemberOut(Schema):
    id: int
    number: str
    title: str
    status: str
    received_at: dt.datetime
    handling_org: OrganisationRef | None
    joint_handling_id: int | None


class HotIssueDetailOut(HotIssueOut):
    matters: list[MemberOut]


class HotIssueQuery(Schema):
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    organisation_id: int | None = None
    page: int = Field(1, ge=1)


def _filters(request, query: HotIssueQuery) -> selectors.HotIssueFilters:
    if not can_see_hot_issues(request.user):
        raise PermissionDenied(_("只有信访局工作人员、督办员、领导或管理员可以查看热点问题"))
    errors = {}
    organisation = None
    if query.organisation_id is not None:
        organisation = Organisation.objects.filter(pk=query.organisation_id).first()
        if organisation is None:
            errors["organisation_id"] = [_("编号 %(id)s 不存在") % {"id": query.organisation_id}]
    if query.received_from and query.received_to and query.received_from > query.received_to:
        errors["received_to"] = [_("截止日期不能早于起始日期")]
    if errors:
        raise ValidationError(errors)
    return selectors.HotIssueFilters(
        received_from=query.received_from, received_to=query.received_to, organisation=organisation
    )


def _issue_out(view: selectors.HotIssueView) -> dict:
    return {
        "id": view.issue.pk,
        "label": view.label,
        "places": view.places,
        "terms": view.terms,
        "size": view.size,
        "total_size": view.issue.size,
        "petitioners": view.petitioners,
        "submissions": view.submissions,
        "visit_people": view.visit_people,
        "first_received_at": view.first_received_at,
        "last_received_at": view.last_received_at,
        "trend_unit": view.bar_unit,
        "trend": [{"start": bar.start, "count": bar.count} for bar in view.bars],
        "statuses": {status: n for status, _label, n in view.statuses},
        "units": [{"name": name, "count": n} for name, n in view.units],
        "joint_matters": view.joined,
    }


@router.get(
    "/hot-issues",
    response={200: HotIssueListOut, 403: ErrorOut, 422: ErrorOut},
    summary="热点问题列表（按规模排序，仅计调用者可见的事项）",
    description="默认读取最近一次分析；指定 received_from / received_to 时读取覆盖该期间的分析。",
)
def list_hot_issues(request, query: Query[HotIssueQuery]):
    filters = _filters(request, query)
    analysis = selectors.analysis_for(filters=filters)
    if analysis is None:
        return {
            "analysis": None,
            "period_start": None,
            "period_end": None,
            "count": 0,
            "page": 1,
            "pages": 0,
            "items": [],
        }
    sizes = selectors.hot_issue_sizes(user=request.user, analysis=analysis, filters=filters)
    chosen = sizes[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    issues = HotIssue.objects.in_bulk([pk for pk, _n in chosen])
    views = selectors.hot_issue_views(
        user=request.user, issues=[issues[pk] for pk, _n in chosen], analysis=analysis, filters=filters
    )
    start, end = selectors.period_of(analysis, filters)
    return {
        "analysis": analysis,
        "period_start": start,
        "period_end": end,
        "count": len(sizes),
        "page": query.page,
        "pages": math.ceil(len(sizes) / PAGE_SIZE),
        "items": [_issue_out(v) for v in views],
    }


@router.get(
    "/hot-issues/{issue_id}",
    response={200: HotIssueDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="热点问题详情及其事项",
)
def get_hot_issue(request, issue_id: int, query: Query[HotIssueQuery]):
    filters = _filters(request, query)
    try:
        issue = selectors.hot_issue_get(user=request.user, pk=issue_id, filters=filters)
    except HotIssue.DoesNotExist as exc:
        raise Http404 from exc
    (view,) = selectors.hot_issue_views(
        user=request.user, issues=[issue], analysis=issue.analysis, filters=filters
    )
    out = _issue_out(view)
    out["matters"] = [
        {
            "id": m.pk,
            "number": m.number,
            "title": m.title,
            "status": m.status,
            "received_at": m.received_at,
            "handling_org": m.handling_org,
            "joint_handling_id": view.joint[m.pk].pk if m.pk in view.joint else None,
        }
        for m in sorted(view.matters, key=lambda m: (m.received_at, m.pk))
    ]
    return out


class JointHandlingIn(Schema):
    matter_ids: list[int] = Field(..., max_length=500, description="并案的事项编号（id），至少两件")
    lead_matter_id: int = Field(..., description="主办事项，须在 matter_ids 中")
    lead_org_id: int = Field(..., description="主办单位")
    title: str = Field("", max_length=200, description="默认为热点问题标题或主办事项标题")
    note: str = Field("", max_length=2000)
    hot_issue_id: int | None = None
    route_kind: str = Field("", description="transfer 或 assign：同时将尚未转送的事项转送或交办主办单位")


class JointMatterOut(Schema):
    id: int
    number: str
    title: str
    status: str


class JointHandlingOut(Schema):
    id: int
    title: str
    lead_matter_id: int
    lead_org: OrganisationRef
    note: str
    hot_issue_id: int | None
    created_at: dt.datetime
    matters: list[JointMatterOut]


API_FIELD_NAMES = {"matters": "matter_ids", "lead_matter": "lead_matter_id", "lead_org": "lead_org_id"}


@router.post(
    "/joint-handlings",
    response={201: JointHandlingOut, 403: ErrorOut, 422: ErrorOut},
    summary="并案办理（督办员）",
    description="并案不合并事项编号、信访件和答复；每件事项的时间线记录并案，各信访人仍分别答复。",
)
def create_joint_handling(request, body: JointHandlingIn):
    user = request.user
    errors: dict[str, list[str]] = {}
    visible = matters_visible_to(user=user).filter(pk__in=set(body.matter_ids))
    matters = {m.pk: m for m in visible}
    missing = [pk for pk in dict.fromkeys(body.matter_ids) if pk not in matters]
    if missing:
        errors["matter_ids"] = [_("事项 %(id)s 不存在，或您无权查看") % {"id": pk} for pk in missing]
    if body.lead_matter_id not in body.matter_ids:
        errors["lead_matter_id"] = [_("主办事项应是并案的事项之一")]
    lead_org = Organisation.objects.filter(pk=body.lead_org_id).first()
    if lead_org is None:
        errors["lead_org_id"] = [_("编号 %(id)s 不存在") % {"id": body.lead_org_id}]
    hot_issue = None
    if body.hot_issue_id is not None:
        hot_issue = HotIssue.objects.filter(pk=body.hot_issue_id).first()
        if hot_issue is None:
            errors["hot_issue_id"] = [_("编号 %(id)s 不存在") % {"id": body.hot_issue_id}]
    if errors:
        raise ValidationError(errors)
    try:
        joint = services.joint_handling_create(
            actor=user,
            matters=list(matters.values()),
            lead_matter=matters.get(body.lead_matter_id),
            lead_org=lead_org,
            title=body.title,
            note=body.note,
            hot_issue=hot_issue,
            route_kind=body.route_kind,
        )
    except ValidationError as exc:
        raise ValidationError(
            {API_FIELD_NAMES.get(key, key): messages for key, messages in exc.message_dict.items()}
        ) from exc
    return Status(201, _joint_out(joint))


def _joint_out(joint: JointHandling) -> dict:
    members = joint.members.select_related("matter").order_by("matter__received_at", "matter_id")
    return {
        "id": joint.pk,
        "title": joint.title,
        "lead_matter_id": joint.lead_matter_id,
        "lead_org": joint.lead_org,
        "note": joint.note,
        "hot_issue_id": joint.hot_issue_id,
        "created_at": joint.created_at,
        "matters": [
            {"id": m.matter.pk, "number": m.matter.number, "title": m.matter.title, "status": m.matter.status}
            for m in members
        ],
    }
