"""The public page of answered, closed and published proposals. No login.

Shows the title, number, session, proposer's name and unit, the text and the sent replies. Never the
proposer's phone or address, the co-signers' answers, the internal review or the handling report."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .pdf import reply_title
from .views import PAGE_SIZE


@require_GET
def public_list(request):
    q = request.GET.get("q", "").strip()[:50]
    proposals = selectors.public_proposals()
    if q:
        proposals = proposals.filter(Q(title__icontains=q) | Q(proposer_name__icontains=q))
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "proposals/public_list.html",
        {"page": page, "q": q, "query": f"q={q}" if q else ""},
    )


@require_GET
def public_detail(request, public_id):
    proposal = selectors.public_proposals().filter(public_id=public_id).first()
    if proposal is None:
        raise Http404
    replies = [{"title": reply_title(proposal), "reply": r} for r in proposal.replies.all()]
    return render(request, "proposals/public_detail.html", {"proposal": proposal, "replies": replies})
