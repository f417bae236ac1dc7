"""The period report as an A4 PDF (WeasyPrint), with the CJK font of the official documents embedded.

A report is a table-heavy document, not a notice, so it has its own template; the font families are the
same settings as for the notices (minsheng.documents.render.font_stack)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from minsheng.documents.render import chinese_date, font_stack

from .excel import UNIT_COLUMNS, period_line, report_title, unit_name
from .figures import FIGURES_BY_KEY
from .selectors import PeriodReport


def report_html(report: PeriodReport) -> str:
    with translation.override("zh-hans"):
        return _report_html(report)


def _report_html(report: PeriodReport) -> str:
    units = [(unit_name(row), [_cell(row.values[key], key) for key in UNIT_COLUMNS]) for row in report.units]
    return render_to_string(
        "reports/report_pdf.html",
        {
            "report": report,
            "title": report_title(report),
            "period_line": period_line(report),
            "date": chinese_date(report.today),
            "unit_labels": [FIGURES_BY_KEY[key].label for key in UNIT_COLUMNS],
            "units": units,
            "total": [_cell(report.values[key], key) for key in UNIT_COLUMNS],
            "body_font": font_stack(settings.DOCUMENT_BODY_FONT),
            "title_font": font_stack(settings.DOCUMENT_TITLE_FONT),
        },
    )


def _cell(value, key: str) -> str:
    if key.endswith("_rate"):
        return "—" if value is None else f"{value:.1f}%"
    return str(value)


def report_pdf(report: PeriodReport) -> bytes:
    # Imported here so that pages which never print do not pay for loading WeasyPrint and its fonts.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Everything is inline; refusing every URL means no organisation name can make the server fetch.
    return HTML(string=report_html(report), url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
