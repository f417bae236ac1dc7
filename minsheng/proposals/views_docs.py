"""The proposal form and reply letter as PDFs, and the statistics page with its Excel export."""

import dataclasses

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors, services
from .excel import overview_rows, statistics_workbook, unit_headers
from .forms import StatisticsForm
from .pdf import pdf_bytes, proposal_form_for, proposal_form_html, reply_letter_pdf
from .permissions import is_office
from .stats import can_see_statistics, current_session, session_statistics, statistics_export_record
from .views import proposal_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    # Proposals carry personal data (phone, address): keep them out of shared and browser caches.
    add_never_cache_headers(response)
    return response


def form_pdf_response(request, proposal) -> HttpResponse:
    """The proposal form; shared by the page and the API, which found the proposal visible."""
    doc = proposal_form_for(proposal)
    if selectors.sees_personal_data(user=request.user, proposal=proposal):
        # The form is the paper one, with the phone and address: printing it is a logged look.
        contact = services.proposal_contact_reveal(actor=request.user, proposal=proposal, request=request)
        doc = dataclasses.replace(doc, **contact)
    else:
        # A co-signer or a leader gets the form without the proposer's phone and address.
        doc = dataclasses.replace(doc, phone="", address="")
    name = f"提案{proposal.number_label or proposal.pk}_{proposal.title[:30]}.pdf"
    return _download(pdf_bytes(proposal_form_html(doc)), "application/pdf", name, inline=True)


def reply_pdf_response(request, proposal, reply_id: int) -> HttpResponse:
    reply = proposal.replies.filter(pk=reply_id).first()
    # A draft is for its own unit and the office until it is sent.
    own_unit = reply is not None and reply.unit_id == request.user.organisation_id
    if reply is not None and reply.sent_at is None and not (own_unit or is_office(request.user)):
        reply = None
    if reply is None:
        raise Http404(_("找不到该答复"))
    name = f"提案{proposal.number_label or proposal.pk}答复_{reply.unit_name}.pdf"
    return _download(reply_letter_pdf(reply), "application/pdf", name, inline=True)


def attachment_response(request, proposal, attachment_id: int) -> FileResponse:
    attachment = proposal.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(_("找不到该附件"))
    response = FileResponse(
        services.proposal_attachment_open(actor=request.user, attachment=attachment, request=request),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # The declared type was checked against the content at upload; never let a browser guess another.
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


@login_required
@require_GET
def form_pdf(request, pk: int):
    return form_pdf_response(request, proposal_or_404(request, pk))


@login_required
@require_GET
def reply_pdf(request, pk: int, reply_id: int):
    return reply_pdf_response(request, proposal_or_404(request, pk), reply_id)


@login_required
@require_GET
def attachment_download(request, pk: int, attachment_id: int):
    return attachment_response(request, proposal_or_404(request, pk), attachment_id)


def _statistics(request):
    if not can_see_statistics(request.user):
        raise PermissionDenied(_("只有提案委、领导或管理员可以查看提案统计"))
    form = StatisticsForm(request.GET or None)
    session = None
    if form.is_bound and form.is_valid():
        session = form.cleaned_data["session"]
    session = session or current_session()
    if session is not None and not form.is_bound:
        form = StatisticsForm(initial={"session": session.pk})
    stats = session_statistics(user=request.user, session=session) if session else None
    return form, stats


@login_required
@require_GET
def statistics(request):
    form, stats = _statistics(request)
    context = {"form": form, "stats": stats}
    if stats is not None:
        rates = {_("按期答复率"), _("满意率（满意及基本满意）")}
        context["overview"] = [
            (label, f"{value}%" if label in rates and value is not None else value)
            for label, value in overview_rows(stats)
        ]
        context["unit_headers"] = unit_headers()
    return render(request, "proposals/statistics.html", context)


@login_required
@require_GET
def statistics_excel(request):
    _form, stats = _statistics(request)
    if stats is None:
        raise Http404(_("尚未设置会议届次"))
    statistics_export_record(actor=request.user, stats=stats, file_format="xlsx", request=request)
    name = f"{stats.session.name}提案办理统计.xlsx"
    return _download(statistics_workbook(stats), XLSX, name, inline=False)
