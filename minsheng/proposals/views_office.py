"""The proposal office's pages and actions: the inbox, review, assignment (again after an objection),
extension, publication and the deadlines overview."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .forms import AdmitForm, AssignForm, ConvertForm, ExtendForm, JoinForm, NotAdmitForm, ReviewNoteForm
from .models import Proposal
from .permissions import is_office
from .views import _page, form_step, proposal_or_404

S = Proposal.Status

# The inbox's tabs: what the office has to do, then everything.
INBOX_FILTERS = {
    "review": (gettext_lazy("待审查"), Q(status=S.SUBMITTED)),
    "assign": (gettext_lazy("待交办"), Q(status=S.ADMITTED)),
    "handling": (gettext_lazy("办理中"), Q(status__in=Proposal.HANDLING_STATUSES)),
    "replied": (gettext_lazy("待评价"), Q(status=S.REPLIED)),
    "closed": (gettext_lazy("已办结"), Q(status=S.CLOSED)),
    "cosigning": (gettext_lazy("联名确认中"), Q(status=S.COSIGNING)),
    "all": (gettext_lazy("全部"), Q()),
}


def _require_office(user) -> None:
    if not is_office(user):
        raise PermissionDenied(_("只有提案委可以进行此操作"))


@login_required
@require_GET
def inbox(request):
    _require_office(request.user)
    key = request.GET.get("filter", "review")
    if key not in INBOX_FILTERS:
        key = "review"
    visible = selectors.proposals_visible_to(user=request.user)
    tabs = [(k, str(label), visible.filter(q).count()) for k, (label, q) in INBOX_FILTERS.items()]
    queryset = (
        visible.filter(INBOX_FILTERS[key][1]).select_related("session").order_by("-submitted_at", "-pk")
    )
    # An objection leaves the proposal admitted without its unit: the office sees it first.
    objected = visible.filter(status=S.ADMITTED, assignments__objected_at__isnull=False).distinct()
    return render(
        request,
        "proposals/inbox.html",
        {"tabs": tabs, "current": key, "page": _page(request, queryset), "objected": objected},
    )


@login_required
@require_GET
def deadlines(request):
    _require_office(request.user)
    today = timezone.localdate()
    handling = (
        selectors.proposals_visible_to(user=request.user)
        .filter(status__in=Proposal.HANDLING_STATUSES)
        .select_related("session")
        .prefetch_related("assignments__unit")
        .order_by("due_on", "pk")
    )
    return render(
        request,
        "proposals/deadlines.html",
        {
            "page": _page(request, handling),
            "today": today,
            "overdue": handling.filter(due_on__lt=today).count(),
            "due_soon": handling.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=14)).count(),
        },
    )


@login_required
@require_POST
def admit(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "admit",
        AdmitForm(request.POST),
        lambda d: services.proposal_admit(
            actor=request.user, proposal=proposal, review_opinion=d["review_opinion"], is_key=d["is_key"]
        ),
        _("已立案"),
    )


@login_required
@require_POST
def not_admit(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "not_admit",
        NotAdmitForm(request.POST, grounds=services.not_admitted_grounds()),
        lambda d: services.proposal_not_admit(
            actor=request.user,
            proposal=proposal,
            ground=d["ground"],
            notice=d["notice"],
            review_opinion=d["review_opinion"],
        ),
        _("已决定不予立案，并通知提案人"),
    )


@login_required
@require_POST
def convert(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "convert",
        ConvertForm(request.POST),
        lambda d: services.proposal_convert(
            actor=request.user, proposal=proposal, unit=d["unit"], review_opinion=d["review_opinion"]
        ),
        _("已转为意见建议并转交"),
    )


@login_required
@require_POST
def review_note(request, pk: int):
    proposal = proposal_or_404(request, pk)
    office = is_office(request.user)

    def call(d):
        services.proposal_review_note(
            actor=request.user,
            proposal=proposal,
            review_opinion=d["review_opinion"] if office else None,
            leader_instruction=d["leader_instruction"],
            is_key=d["is_key"] if office else None,
        )

    return form_step(request, proposal, "review_note", ReviewNoteForm(request.POST), call, _("已保存"))


@login_required
@require_POST
def assign(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "assign",
        AssignForm(request.POST),
        lambda d: services.proposal_assign(
            actor=request.user,
            proposal=proposal,
            lead=d["lead"],
            co_units=list(d["co_units"]),
            separate_units=list(d["separate_units"]),
            due_on=d["due_on"],
        ),
        _("已交办"),
    )


@login_required
@require_POST
def extend(request, pk: int):
    proposal = proposal_or_404(request, pk)
    return form_step(
        request,
        proposal,
        "extend",
        ExtendForm(request.POST),
        lambda d: services.proposal_extend(
            actor=request.user, proposal=proposal, due_on=d["due_on"], reason=d["reason"]
        ),
        _("已延长办理期限"),
    )


@login_required
@require_POST
def join(request, pk: int):
    """并案办理: this proposal with others of its session, named by their numbers."""
    proposal = proposal_or_404(request, pk)
    form = JoinForm(request.POST)

    def call(d):
        others = list(
            selectors.proposals_visible_to(user=request.user).filter(
                session=proposal.session, number__in=d["numbers"]
            )
        )
        missing = sorted(set(d["numbers"]) - {p.number for p in others})
        if missing:
            raise ValidationError(
                {"numbers": _("本届次没有提案号 %(numbers)s") % {"numbers": "、".join(map(str, missing))}}
            )
        services.proposals_join(actor=request.user, proposals=[proposal, *others], title=d["title"])

    return form_step(request, proposal, "join", form, call, _("已并案办理，各提案仍分别答复"))


@login_required
@require_POST
def publish(request, pk: int):
    proposal = proposal_or_404(request, pk)
    try:
        services.proposal_publish(actor=request.user, proposal=proposal)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已在公开页面发布"))
    return redirect("proposals:detail", proposal.pk)
