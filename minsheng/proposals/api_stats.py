"""GET /api/v1/proposals/statistics?session_id=: the figures of one session, as on the statistics page."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from minsheng.petitions.schemas import ErrorOut

from .models import ProposalSession
from .stats import can_see_statistics, current_session, session_statistics

router = Router(tags=["政协提案"])


class StatisticsQuery(Schema):
    session_id: int | None = Field(None, description="届次；默认为当前届次")


class SessionRef(Schema):
    id: int
    name: str


class UnitStatOut(Schema):
    unit_id: int
    unit: str
    lead: int = Field(..., description="主办件数")
    co: int = Field(..., description="会办件数")
    separate: int = Field(..., description="分办件数")
    total: int
    replies: int = Field(..., description="已发出的答复（含重新办理后的再次答复）")
    on_time: int = Field(..., description="在办理期限内发出的答复")
    on_time_rate: float | None = Field(..., description="百分数（一位小数），无答复时为 null")
    overdue_open: int = Field(..., description="已过办理期限仍未答复的件数")


class StatisticsOut(Schema):
    session: SessionRef
    generated_at: dt.datetime
    received: int = Field(..., description="收到的提案（联名确认中的不计）")
    admitted: int = Field(..., description="立案件数（含此后已交办、答复、办结的）")
    not_admitted: int
    converted: int = Field(..., description="转意见建议")
    key: int = Field(..., description="重点提案")
    pending_review: int
    replied: int
    replied_on_time: int
    on_time_rate: float | None
    closed: int
    published: int
    grades: dict[str, int] = Field(..., description="答复类别 A / B / C 的件数")
    ratings: dict[str, int] = Field(..., description="satisfied / basically_satisfied / unsatisfied 的件数")
    satisfaction_rate: float | None = Field(..., description="满意及基本满意占已评价的百分数")
    units: list[UnitStatOut]


@router.get(
    "/proposals/statistics",
    response={200: StatisticsOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="提案办理统计（按届次）",
)
def proposal_statistics(request, query: Query[StatisticsQuery]):
    """收到、立案、各承办单位、按期答复、答复类别和满意度。403：角色无权查看；404：届次不存在。"""
    if not can_see_statistics(request.user):
        raise PermissionDenied(_("只有提案委、领导或管理员可以查看提案统计"))
    if query.session_id is None:
        session = current_session()
    else:
        session = ProposalSession.objects.filter(pk=query.session_id).first()
    if session is None:
        raise Http404(_("找不到该届次"))
    return session_statistics(user=request.user, session=session).as_dict()
