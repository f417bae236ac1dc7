"""GET /api/v1/reports/period: every figure of a period for an organisation, with labels and the text."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from minsheng.accounts.models import Organisation
from minsheng.petitions.schemas import ErrorOut, OrganisationRef

from . import selectors
from .excel import unit_name
from .periods import PRESETS, period_from_input
from .permissions import can_see_reports

router = Router(tags=["工作报表"])


class PeriodQuery(Schema):
    start: dt.date | None = Field(None, description="起始日期（含），例如 2026-01-01")
    end: dt.date | None = Field(None, description="截止日期（含），例如 2026-06-30；期间不超过 5 年")
    preset: str = Field(
        "",
        description="常用期间，填写后忽略 start/end：" + "、".join(PRESETS),
        max_length=20,
    )
    organisation_id: int | None = Field(None, description="统计单位（含下级单位）；默认为调用者的辖区")


class FigureOut(Schema):
    key: str
    section: str
    label: str
    value: int | float | None = Field(..., description="件数；比率为百分数（一位小数），分母为零时为 null")
    unit: str
    definition: str


class UnitOut(Schema):
    organisation: OrganisationRef
    name: str
    is_own: bool = Field(..., description="true 为所选单位本级，false 为其下一级单位（含其下级）")
    values: dict[str, int | float | None]


class PeriodReportOut(Schema):
    organisation: OrganisationRef
    start: dt.date
    end: dt.date
    period_phrase: str = Field(..., description="报告中的期间称谓，例如“今年上半年”")
    generated_at: dt.datetime
    figures: list[FigureOut]
    values: dict[str, int | float | None] = Field(..., description="同 figures，按 key 索引")
    narrative: list[str] = Field(..., description="情况综述，每段一项")
    units: list[UnitOut]


def _organisation(request, organisation_id: int | None) -> Organisation:
    if organisation_id is None:
        organisation = selectors.report_default_organisation(user=request.user)
        if organisation is None:
            raise Http404
        return organisation
    try:
        return selectors.report_organisation_get(user=request.user, pk=organisation_id)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


@router.get(
    "/reports/period",
    response={200: PeriodReportOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="期间工作报表",
)
def period_report(request, query: Query[PeriodQuery]):
    """联席会议、领导接访、批示、法律服务、宣传和信访事项办理的各项数据，及按数据生成的情况综述。

    422：日期无效、截止早于起始、期间超过 5 年或常用期间未知；404：单位不存在或不在调用者辖区内；
    403：角色无权查看报表。"""
    if not can_see_reports(request.user):
        raise PermissionDenied(_("您的角色无权查看工作报表"))
    organisation = _organisation(request, query.organisation_id)
    today = timezone.localdate()
    period = period_from_input(start=query.start, end=query.end, preset=query.preset, today=today)
    report = selectors.report_build(user=request.user, organisation=organisation, period=period, today=today)
    figures = [
        {
            "key": figure.key,
            "section": figure.spec.section,
            "label": str(figure.spec.label),
            "value": figure.value,
            "unit": str(figure.spec.unit),
            "definition": str(figure.spec.definition),
        }
        for figure in report.figures
    ]
    return {
        "organisation": organisation,
        "start": period.start,
        "end": period.end,
        "period_phrase": report.period_phrase,
        "generated_at": report.generated_at,
        "figures": figures,
        "values": {figure["key"]: figure["value"] for figure in figures},
        "narrative": report.narrative,
        "units": [
            {
                "organisation": row.organisation,
                "name": unit_name(row),
                "is_own": row.is_own,
                "values": row.values,
            }
            for row in report.units
        ],
    }
