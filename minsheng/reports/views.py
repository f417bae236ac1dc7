from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from minsheng.accounts.models import Organisation

from . import selectors, services
from .excel import report_workbook
from .figures import FIGURES, PETITIONS, SECTIONS
from .forms import ReportForm
from .pdf import report_pdf
from .periods import PRESETS
from .permissions import can_see_reports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_reports(user) -> None:
    if not can_see_reports(user):
        raise PermissionDenied(_("您的角色无权查看工作报表"))


def _organisation(request) -> Organisation:
    """The organisation asked for, or the user's jurisdiction; 404 for any outside the user's scope."""
    raw = request.GET.get("organisation", "").strip()
    if not raw:
        organisation = selectors.report_default_organisation(user=request.user)
        if organisation is None:
            raise Http404(_("您没有可统计的单位"))
        return organisation
    try:
        return selectors.report_organisation_get(user=request.user, pk=int(raw))
    except (ValueError, Organisation.DoesNotExist) as exc:
        raise Http404(_("找不到该单位，或您无权查看其报表")) from exc


def _report(request):
    """The form as shown, and the report when the input is valid."""
    _require_reports(request.user)
    organisation = _organisation(request)
    today = timezone.localdate()
    organisations = selectors.report_organisations(user=request.user, including=organisation)
    query = request.GET.copy()
    query.setdefault("organisation", str(organisation.pk))
    form = ReportForm(query, organisations=organisations, today=today)
    if not form.is_valid():
        return form, None
    period = form.period
    report = selectors.report_build(user=request.user, organisation=organisation, period=period, today=today)
    # Show the dates a preset stands for, so that adjusting them starts from there.
    shown = ReportForm(
        initial={"start": period.start, "end": period.end, "organisation": organisation.pk},
        organisations=organisations,
        today=today,
    )
    return shown, report


def _query(report) -> str:
    return (
        f"start={report.period.start.isoformat()}&end={report.period.end.isoformat()}"
        f"&organisation={report.organisation.pk}"
    )


@login_required
@require_GET
def period_report(request):
    form, report = _report(request)
    context = {
        "form": form,
        "report": report,
        "presets": PRESETS.items(),
        "organisation_id": request.GET.get("organisation", ""),
    }
    if report is not None:
        context["query"] = _query(report)
        context["units"] = Paginator(report.units, settings.MATTER_LIST_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["definitions"] = [(SECTIONS[s], [f for f in FIGURES if f.section == s]) for s in SECTIONS]
        context["petitions_section"] = PETITIONS
    return render(request, "reports/period.html", context, status=200 if report is not None else 400)


def _download(request, report, content: bytes, content_type: str, extension: str) -> HttpResponse:
    services.report_export_record(actor=request.user, report=report, file_format=extension, request=request)
    response = HttpResponse(content, content_type=content_type)
    period = report.period
    name = f"{report.organisation.name}信访工作报表_{period.start:%Y%m%d}-{period.end:%Y%m%d}.{extension}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    add_never_cache_headers(response)
    return response


@login_required
@require_GET
def period_report_pdf(request):
    form, report = _report(request)
    if report is None:
        return render(request, "reports/period.html", {"form": form, "presets": PRESETS.items()}, status=400)
    return _download(request, report, report_pdf(report), "application/pdf", "pdf")


@login_required
@require_GET
def period_report_excel(request):
    form, report = _report(request)
    if report is None:
        return render(request, "reports/period.html", {"form": form, "presets": PRESETS.items()}, status=400)
    return _download(request, report, report_workbook(report), XLSX, "xlsx")
