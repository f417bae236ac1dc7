"""Responses for official documents. The caller routes to these after checking that the user may see the
matter; this module adds no URL patterns and checks no permissions of its own."""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header

from .render import OfficialDocument, render_html, render_pdf


def pdf_response(document: OfficialDocument, *, filename: str, inline: bool = True) -> HttpResponse:
    """The document as a PDF; inline opens it in the browser, otherwise it downloads as `filename`."""
    response = HttpResponse(render_pdf(document), content_type="application/pdf")
    # Handles Chinese file names (RFC 6266 filename*) and quotes in them.
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    # Documents name petitioners and their requests: keep them out of shared and browser caches.
    add_never_cache_headers(response)
    return response


def preview_response(request, document: OfficialDocument) -> HttpResponse:
    """The print preview page, with its 打印 button. `request` is the caller's, for symmetry with views."""
    response = HttpResponse(render_html(document), content_type="text/html; charset=utf-8")
    add_never_cache_headers(response)
    return response
