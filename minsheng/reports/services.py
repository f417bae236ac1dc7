"""The report's only write: an audit entry for each export (网络安全法 Art 21, DESIGN "Security")."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record

from .permissions import can_see_reports
from .selectors import PeriodReport

EXPORT_FORMATS = ("pdf", "xlsx")


@transaction.atomic
def report_export_record(*, actor, report: PeriodReport, file_format: str, request=None) -> AuditEntry:
    if not can_see_reports(actor):
        raise PermissionDenied(_("您的角色无权导出工作报表"))
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {file_format!r}")
    return audit_record(
        action=AuditEntry.Action.EXPORT,
        actor=actor,
        obj=report.organisation,
        detail={
            "report": "period",
            "format": file_format,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
        },
        request=request,
    )
