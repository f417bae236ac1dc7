"""The period report as an Excel workbook: the figures with their definitions, the units, the text."""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .figures import FIGURES_BY_KEY, SECTIONS
from .selectors import PeriodReport

HEADER_FILL = PatternFill("solid", fgColor="E7EEF8")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")

UNIT_COLUMNS = (
    "matters_received",
    "submissions",
    "petition_visit_batches",
    "petition_person_visits",
    "repeat_submissions",
    "repeat_rate",
    "accept_due",
    "accepted_on_time",
    "accepted_on_time_rate",
    "handle_due",
    "completed_on_time",
    "completed_on_time_rate",
    "rated_matters",
    "satisfied",
    "basically_satisfied",
    "unsatisfied",
    "satisfaction_rate",
)


def report_title(report: PeriodReport) -> str:
    return _("%(organisation)s信访工作报表") % {"organisation": report.organisation.name}


def period_line(report: PeriodReport) -> str:
    return _("统计期间：%(phrase)s（%(start)s 至 %(end)s）") % {
        "phrase": report.period_phrase,
        "start": report.period.start.isoformat(),
        "end": report.period.end.isoformat(),
    }


def _put(sheet, row: int, column: int, value, *, rate: bool = False):
    cell = sheet.cell(row=row, column=column)
    if rate:
        # A percentage cell holds the fraction, so that sums and charts in Excel work on it.
        cell.value = None if value is None else round(value / 100, 4)
        cell.number_format = "0.0%"
    else:
        cell.value = value
    return cell


def _header(sheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP


def _heading(sheet, report: PeriodReport) -> int:
    sheet["A1"] = report_title(report)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = _("统计单位：%(organisation)s（含下级单位）") % {"organisation": report.organisation.name}
    sheet["A3"] = period_line(report)
    sheet["A4"] = _("生成时间：%(at)s") % {
        "at": timezone.localtime(report.generated_at).strftime("%Y-%m-%d %H:%M")
    }
    return 6


def _figures_sheet(sheet, report: PeriodReport) -> None:
    sheet.title = _("主要数据")
    row = _heading(sheet, report)
    _header(sheet, row, [_("类别"), _("指标"), _("数值"), _("单位"), _("口径说明")])
    for figure in report.figures:
        row += 1
        sheet.cell(row=row, column=1, value=str(SECTIONS[figure.spec.section]))
        sheet.cell(row=row, column=2, value=str(figure.spec.label))
        _put(sheet, row, 3, figure.value, rate=figure.is_rate)
        sheet.cell(row=row, column=4, value=str(figure.spec.unit))
        sheet.cell(row=row, column=5, value=str(figure.spec.definition)).alignment = WRAP
    for column, width in zip("ABCDE", (18, 26, 12, 8, 80), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A7"


def unit_name(row) -> str:
    if row.is_own:
        return _("%(organisation)s（本级）") % {"organisation": row.organisation.name}
    return row.organisation.name


def _units_sheet(sheet, report: PeriodReport) -> None:
    sheet.title = _("分单位")
    row = _heading(sheet, report)
    _header(sheet, row, [_("单位"), *(str(FIGURES_BY_KEY[key].label) for key in UNIT_COLUMNS)])
    for unit in report.units:
        row += 1
        sheet.cell(row=row, column=1, value=unit_name(unit))
        for column, key in enumerate(UNIT_COLUMNS, start=2):
            _put(sheet, row, column, unit.values[key], rate=key.endswith("_rate"))
    row += 1
    sheet.cell(row=row, column=1, value=_("合计")).font = BOLD
    for column, key in enumerate(UNIT_COLUMNS, start=2):
        _put(sheet, row, column, report.values[key], rate=key.endswith("_rate")).font = BOLD
    sheet.column_dimensions["A"].width = 30
    for column in range(2, len(UNIT_COLUMNS) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    sheet.freeze_panes = "B7"


def _narrative_sheet(sheet, report: PeriodReport) -> None:
    sheet.title = _("情况综述")
    row = _heading(sheet, report)
    for paragraph in report.narrative:
        sheet.cell(row=row, column=1, value=paragraph).alignment = WRAP
        sheet.row_dimensions[row].height = 15 * (1 + len(paragraph) // 60)
        row += 1
    sheet.column_dimensions["A"].width = 120


def report_workbook(report: PeriodReport) -> bytes:
    """Always in Chinese: the file goes into the bureau's records like the PDF."""
    workbook = Workbook()
    with translation.override("zh-hans"):
        _figures_sheet(workbook.active, report)
        _units_sheet(workbook.create_sheet(), report)
        _narrative_sheet(workbook.create_sheet(), report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
