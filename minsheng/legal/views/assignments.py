from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.lib.forms import apply_errors
from minsheng.petitions.selectors import matter_submissions, matters_visible_to

from .. import selectors, services
from ..forms import AssignmentFilterForm, AssignmentForm, DeclarationForm, EndForm, MediationForm, OpinionForm
from ..models import LawyerAssignment, LegalOpinion
from ..permissions import can_assign_lawyers, is_lawyer
from ._common import PAGE_SIZE, query_without_page, require_seeing

Status = LawyerAssignment.Status


def _assignment_or_404(request, pk: int) -> LawyerAssignment:
    require_seeing(request.user)
    try:
        return selectors.assignment_get(user=request.user, pk=pk)
    except LawyerAssignment.DoesNotExist as exc:
        raise Http404(_("找不到该指派，或您无权查看")) from exc


def _list_page(request, form=None, status=200):
    user = request.user
    filters = AssignmentFilterForm(request.GET or None)
    chosen = filters.cleaned_data["status"] if filters.is_bound and filters.is_valid() else ""
    assignments = selectors.assignment_list(user=user, status=chosen)
    page = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    can_assign = can_assign_lawyers(user)
    if can_assign and form is None:
        form = AssignmentForm(lawyers=selectors.lawyers_available())
    return render(
        request,
        "legal/assignment_list.html",
        {
            "filters": filters,
            "page": page,
            "query": query_without_page(request),
            "is_lawyer": is_lawyer(user),
            "can_assign": can_assign,
            "form": form,
        },
        status=status,
    )


@login_required
@require_GET
def assignment_list(request):
    require_seeing(request.user)
    return _list_page(request)


def _safe_next(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@login_required
@require_POST
def assignment_create(request):
    """Assign a lawyer by matter number, from the assignments page or from a matter's legal box."""
    require_seeing(request.user)
    back = _safe_next(request)
    form = AssignmentForm(request.POST, lawyers=selectors.lawyers_available())
    if form.is_valid():
        number = form.cleaned_data["number"].strip()
        matter = matters_visible_to(user=request.user).filter(number=number).first()
        if matter is None:
            form.add_error("number", _("找不到事项 %(number)s，或您无权查看") % {"number": number})
        else:
            try:
                assignment = services.lawyer_assignment_create(
                    actor=request.user,
                    matter=matter,
                    lawyer=form.cleaned_data["lawyer"],
                    request=form.cleaned_data["request"],
                )
            except ValidationError as exc:
                apply_errors(form, exc, {"matter": "number"})
            else:
                messages.success(
                    request,
                    _("已指派律师 %(name)s 参与 %(number)s，待其作出利益冲突声明")
                    % {"name": assignment.lawyer.display_name, "number": matter.number},
                )
                return redirect(back or "legal:assignment_detail", *([] if back else [assignment.pk]))
    if back:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(back)
    return _list_page(request, form=form, status=422)


def _detail(request, assignment: LawyerAssignment, *, forms: dict | None = None, status=200):
    user = request.user
    forms = forms or {}
    own = is_lawyer(user) and assignment.lawyer_id == user.pk
    can_assign = can_assign_lawyers(user)
    matter = assignment.matter
    # A lawyer reads the matter only through an active assignment, that is after declaring no
    # conflict; staff reach this page only for matters they may see anyway.
    opened = (own and assignment.status == Status.ACTIVE) or not is_lawyer(user)
    context = {
        "assignment": assignment,
        "matter": matter,
        "own": own,
        "is_lawyer": is_lawyer(user),
        "opened": opened,
        "can_assign": can_assign,
        "statement": services.NO_CONFLICT_STATEMENT,
    }
    if own and assignment.status == Status.PENDING:
        context["parties"] = selectors.lawyer_matter_parties(matter=matter)
        context["declaration_form"] = forms.get("declaration") or DeclarationForm()
    if opened:
        context["opinions"] = selectors.opinions_visible_to(user=user).filter(matter=matter)
        context["mediations"] = selectors.mediations_visible_to(user=user).filter(matter=matter)
        if own:
            context["submissions"] = matter_submissions(matter=matter)
            context["replies"] = matter.replies.select_related("organisation")
    if own and assignment.status == Status.ACTIVE:
        context["opinion_form"] = forms.get("opinion") or OpinionForm(
            initial={"given_on": timezone.localdate()}
        )
    active_lawyers = selectors.lawyers_with_active_assignment(matter=matter)
    if (own and assignment.status == Status.ACTIVE) or (can_assign and active_lawyers.exists()):
        context["mediation_form"] = forms.get("mediation") or MediationForm(
            lawyers=active_lawyers,
            initial={"held_on": timezone.localdate(), "lawyers": [user.pk] if own else []},
        )
    if can_assign and assignment.is_open:
        context["end_form"] = forms.get("end") or EndForm()
    return render(request, "legal/assignment_detail.html", context, status=status)


@login_required
@require_GET
def assignment_detail(request, pk: int):
    return _detail(request, _assignment_or_404(request, pk))


@login_required
@require_POST
def declare(request, pk: int):
    assignment = _assignment_or_404(request, pk)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.conflict_declaration_record(
                actor=request.user,
                assignment=assignment,
                has_conflict=data["has_conflict"],
                confirmed=data["confirmed"],
                relation=data["relation"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if assignment.status == Status.CONFLICT:
                messages.success(request, _("已声明存在利益冲突并回避，信访局将另行指派律师"))
            else:
                messages.success(request, _("已声明无利益冲突，现在可以查看事项并出具法律意见"))
            return redirect("legal:assignment_detail", assignment.pk)
    return _detail(request, assignment, forms={"declaration": form}, status=422)


@login_required
@require_POST
def assignment_end(request, pk: int):
    assignment = _assignment_or_404(request, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.lawyer_assignment_end(
                actor=request.user, assignment=assignment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已结束该律师的参与"))
            return redirect("legal:assignment_detail", assignment.pk)
    return _detail(request, assignment, forms={"end": form}, status=422)


@login_required
@require_POST
def opinion_create(request, pk: int):
    assignment = _assignment_or_404(request, pk)
    form = OpinionForm(request.POST)
    if form.is_valid():
        try:
            opinion = services.legal_opinion_give(
                actor=request.user, assignment=assignment, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("法律意见已出具，并记入事项的办理记录"))
            return redirect("legal:opinion_detail", opinion.pk)
    return _detail(request, assignment, forms={"opinion": form}, status=422)


@login_required
@require_POST
def mediation_create(request, pk: int):
    assignment = _assignment_or_404(request, pk)
    form = MediationForm(
        request.POST, lawyers=selectors.lawyers_with_active_assignment(matter=assignment.matter)
    )
    if form.is_valid():
        try:
            services.mediation_record(actor=request.user, matter=assignment.matter, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("调解记录已保存，并记入事项的办理记录"))
            return redirect("legal:assignment_detail", assignment.pk)
    return _detail(request, assignment, forms={"mediation": form}, status=422)


@login_required
@require_GET
def opinion_detail(request, pk: int):
    require_seeing(request.user)
    try:
        opinion = selectors.opinion_get(user=request.user, pk=pk)
    except LegalOpinion.DoesNotExist as exc:
        raise Http404(_("找不到该法律意见，或您无权查看")) from exc
    return render(
        request,
        "legal/opinion_detail.html",
        {"opinion": opinion, "matter_visible": not is_lawyer(request.user)},
    )
