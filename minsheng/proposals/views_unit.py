"""The handling units' pages and actions: assigned proposals, objection, contacts with the proposer,
co-handling views, the reply letter with its handling report, the leader's sign-off and sending."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .forms import CoHandlingViewForm, ContactForm, ObjectForm, ReplyForm, SignForm
from .models import Proposal
from .permissions import can_see_proposals_overview
from .views import _page, form_step, proposal_or_404, render_detail
from .views_context import own_assignment


@login_required
@require_GET
def unit_list(request):
    """Proposals assigned to the user's unit (and, for leaders, everything they may see)."""
    if not can_see_proposals_overview(request.user):
        raise PermissionDenied(_("您的角色无权查看政协提案"))
    show = request.GET.get("show", "open")
    queryset = selectors.proposals_visible_to(user=request.user).select_related("session")
    if show == "open":
        queryset = queryset.filter(status__in=Proposal.HANDLING_STATUSES)
    return render(
        request,
        "proposals/unit_list.html",
        {
            "page": _page(request, queryset.order_by("due_on", "-pk")),
            "show": show,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def object_(request, pk: int):
    proposal = proposal_or_404(request, pk)
    assignment = own_assignment(request.user, proposal)
    if assignment is None:
        raise PermissionDenied(_("只有承办单位本单位的承办人可以提出异议"))
    return form_step(
        request,
        proposal,
        "object",
        ObjectForm(request.POST),
        lambda d: services.assignment_object(actor=request.user, assignment=assignment, reason=d["reason"]),
        _("已提出异议，提案委将重新交办"),
    )


@login_required
@require_POST
def contact(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "contact",
        ContactForm(request.POST),
        lambda d: services.proposal_contact_record(
            actor=request.user,
            proposal=proposal,
            contacted_on=d["contacted_on"],
            way=d["way"],
            content=d["content"],
        ),
        _("已记录与提案人的沟通"),
    )


@login_required
@require_POST
def cohandling(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "cohandling",
        CoHandlingViewForm(request.POST),
        lambda d: services.cohandling_view_send(actor=request.user, proposal=proposal, content=d["content"]),
        _("会办意见已送主办单位"),
    )


@login_required
@require_POST
def reply(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "reply",
        ReplyForm(request.POST),
        lambda d: services.proposal_reply_draft(
            actor=request.user,
            proposal=proposal,
            measures=d["measures"],
            grade=d["grade"],
            report=d["report"],
            opening=d["opening"],
            closing=d["closing"],
            addressee=d["addressee"],
            acknowledgement=d["acknowledgement"],
            unit_name=d["unit_name"],
            reply_on=d["reply_on"],
        ),
        _("答复已保存，请领导签字后发出"),
    )


@login_required
@require_POST
def sign(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "sign",
        SignForm(request.POST),
        lambda d: services.proposal_reply_sign(
            actor=request.user,
            proposal=proposal,
            signed_by_name=d["signed_by_name"],
            signed_on=d["signed_on"],
        ),
        _("已记录领导签字"),
    )


@login_required
@require_POST
def send(request, pk: int):
    proposal = proposal_or_404(request, pk)
    try:
        services.proposal_reply_send(actor=request.user, proposal=proposal)
    except ValidationError as exc:
        return render_detail(request, proposal, status=422, extra={"send_errors": exc.messages})
    messages.success(request, _("答复已发出"))
    return redirect("proposals:detail", proposal.pk)
