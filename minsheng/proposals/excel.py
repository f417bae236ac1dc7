"""A session's proposal statistics as an Excel workbook: the overview, and one row per unit."""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .models import Proposal
from .stats import SessionStatistics

HEADER_FILL = PatternFill("solid", fgColor="E7EEF8")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def overview_rows(stats: SessionStatistics) -> list[tuple[str, object]]:
    """(label, value) pairs shared by the page and the workbook; rates are percentages or None."""
    rows = [
        (_("收到提案"), stats.received),
        (_("立案"), stats.admitted),
        (_("不予立案"), stats.not_admitted),
        (_("转意见建议"), stats.converted),
        (_("待审查"), stats.pending_review),
        (_("重点提案"), stats.key),
        (_("已答复"), stats.replied),
        (_("按期答复"), stats.replied_on_time),
        (_("按期答复率"), stats.on_time_rate),
    ]
    rows += [(str(grade.label), stats.grades.get(grade.value, 0)) for grade in Proposal.Grade]
    rows += [(str(rating.label), stats.ratings.get(rating.value, 0)) for rating in Proposal.Rating]
    rows += [
        (_("满意率（满意及基本满意）"), stats.satisfaction_rate),
        (_("已办结"), stats.closed),
        (_("已公开"), stats.published),
    ]
    return rows


def unit_headers() -> list[str]:
    return [
        _("承办单位"),
        _("主办"),
        _("会办"),
        _("分办"),
        _("合计"),
        _("已答复"),
        _("按期答复"),
        _("按期答复率"),
        _("逾期未答复"),
    ]


def _rate_cell(cell, value) -> None:
    # A percentage cell holds the fraction, so that sums and charts in Excel work on it.
    cell.value = None if value is None else round(value / 100, 4)
    cell.number_format = "0.0%"


def _header(sheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP


def statistics_workbook(stats: SessionStatistics) -> bytes:
    # The workbook is a Chinese document whatever language the user reads the application in.
    with translation.override("zh-hans"):
        return _workbook(stats)


def _workbook(stats: SessionStatistics) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("总体情况")
    sheet["A1"] = _("%(session)s提案办理统计") % {"session": stats.session.name}
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = _("生成时间：%(at)s") % {
        "at": timezone.localtime(stats.generated_at).strftime("%Y-%m-%d %H:%M")
    }
    _header(sheet, 4, [_("项目"), _("数量")])
    rates = {_("按期答复率"), _("满意率（满意及基本满意）")}
    for offset, (label, value) in enumerate(overview_rows(stats)):
        row = 5 + offset
        sheet.cell(row=row, column=1, value=label)
        cell = sheet.cell(row=row, column=2)
        if label in rates:
            _rate_cell(cell, value)
        else:
            cell.value = value
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 12

    units = book.create_sheet(_("承办单位"))
    _header(units, 1, unit_headers())
    for index, unit in enumerate(stats.units, start=2):
        values = [unit.unit, unit.lead, unit.co, unit.separate, unit.total, unit.replies, unit.on_time]
        for column, value in enumerate(values, start=1):
            units.cell(row=index, column=column, value=value)
        _rate_cell(units.cell(row=index, column=8), unit.on_time_rate)
        units.cell(row=index, column=9, value=unit.overdue_open)
    units.column_dimensions["A"].width = 30
    for column in range(2, 10):
        units.column_dimensions[get_column_letter(column)].width = 11
    units.freeze_panes = "B2"

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
