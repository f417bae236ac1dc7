"""Case ownership (包案) pages, 我的接访 for leaders, and the public schedule."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matter_get

from .. import selectors, services
from ..forms import OwnershipAssignForm, OwnershipReleaseForm, apply_errors
from ..models import CaseOwnership
from ..permissions import can_assign_ownership, is_leader
from .common import get_or_404, query_without_page, require_seeing


@login_required
@require_GET
def ownership_list(request):
    require_seeing(request.user)
    active_only = request.GET.get("all") != "1"
    ownerships = selectors.ownership_list(user=request.user, active_only=active_only)
    page = Paginator(ownerships, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/ownership_list.html",
        {"page": page, "active_only": active_only, "query": query_without_page(request)},
    )


@login_required
def ownership_assign(request, matter_pk: int):
    """The box on the matter page posts here; with errors, the form is shown here with them."""
    require_seeing(request.user)
    if not can_assign_ownership(request.user):
        raise PermissionDenied(_("只有督办员或管理员可以指定包案领导"))
    try:
        matter = matter_get(user=request.user, pk=matter_pk)
    except Matter.DoesNotExist as exc:
        raise Http404(_("找不到该信访事项，或您无权查看")) from exc
    form = OwnershipAssignForm(
        request.POST if request.method == "POST" else None,
        leaders=selectors.leaders_available(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_ownership_assign(actor=request.user, matter=matter, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已指定包案领导"))
            return redirect("petitions:matter_detail", matter.pk)
    return render(
        request,
        "reception/ownership_form.html",
        {"form": form, "matter": matter, "releasing": False},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def ownership_release(request, pk: int):
    require_seeing(request.user)
    ownership = get_or_404(
        selectors.ownership_get, CaseOwnership, _("找不到该包案记录，或您无权查看"), user=request.user, pk=pk
    )
    form = OwnershipReleaseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_ownership_release(
                actor=request.user, ownership=ownership, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已解除包案"))
            return redirect("petitions:matter_detail", ownership.matter_id)
    return render(
        request,
        "reception/ownership_form.html",
        {"form": form, "matter": ownership.matter, "ownership": ownership, "releasing": True},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def mine(request):
    """我的接访: for a leader, what is coming and what they answer for."""
    if not is_leader(request.user):
        raise PermissionDenied(_("“我的接访”供领导使用"))
    return render(
        request,
        "reception/mine.html",
        {"mine": selectors.my_reception(user=request.user), "today": timezone.localdate()},
    )


@require_GET
def schedule(request):
    """The published schedule (领导接访安排): no login, nothing personal beyond name and post."""
    days = selectors.public_schedule()
    return render(request, "reception/schedule.html", {"days": days, "weeks": selectors.PUBLIC_WEEKS})
