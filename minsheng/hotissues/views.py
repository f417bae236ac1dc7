from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.lib.forms import apply_errors
from minsheng.petitions.selectors import matters_visible_to

from . import selectors, services
from .forms import (
    HotIssueFilterForm,
    JointHandlingForm,
    MemberAddForm,
    MemberRemoveForm,
    RefreshForm,
    default_period,
)
from .models import HotIssue, JointHandling
from .permissions import can_decide_joint_handling, can_refresh_hot_issues, can_see_hot_issues


def _require_seeing(user) -> None:
    if not can_see_hot_issues(user):
        raise PermissionDenied(_("只有信访局工作人员、督办员、领导或管理员可以查看热点问题"))


def _filters(request) -> tuple[HotIssueFilterForm, selectors.HotIssueFilters]:
    form = HotIssueFilterForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, selectors.HotIssueFilters(
            received_from=data["received_from"],
            received_to=data["received_to"],
            organisation=data["organisation"],
        )
    return form, selectors.HotIssueFilters()


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_GET
def issue_list(request):
    _require_seeing(request.user)
    form, filters = _filters(request)
    analysis = selectors.analysis_for(filters=filters)
    context = {
        "form": form,
        "analysis": analysis,
        "query": _query(request),
        "can_refresh": can_refresh_hot_issues(request.user),
        "refresh_form": RefreshForm(initial=_refresh_initial(filters, analysis)),
    }
    if analysis is not None:
        sizes = selectors.hot_issue_sizes(user=request.user, analysis=analysis, filters=filters)
        page = Paginator(sizes, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
        issues = HotIssue.objects.in_bulk([pk for pk, _n in page.object_list])
        context["page"] = page
        context["views"] = selectors.hot_issue_views(
            user=request.user,
            issues=[issues[pk] for pk, _n in page.object_list],
            analysis=analysis,
            filters=filters,
        )
        context["period"] = selectors.period_of(analysis, filters)
    return render(request, "hotissues/issue_list.html", context)


def _refresh_initial(filters, analysis) -> dict:
    start, end = default_period()
    if filters.received_from or filters.received_to:
        start, end = filters.received_from or start, filters.received_to or end
    elif analysis is not None:
        start, end = analysis.start, analysis.end
    return {"received_from": start, "received_to": end}


@login_required
@require_POST
def refresh(request):
    form = RefreshForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("hotissues:issue_list")
    start, end = form.cleaned_data["received_from"], form.cleaned_data["received_to"]
    try:
        analysis = services.hot_issues_refresh(start=start, end=end, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("hotissues:issue_list")
    messages.success(
        request,
        _("已重新分析 %(start)s 至 %(end)s 收到的 %(matters)d 件事项，发现热点问题 %(issues)d 个")
        % {
            "start": start,
            "end": end,
            "matters": analysis.matter_count,
            "issues": analysis.issue_count,
        },
    )
    query = urlencode({"received_from": start.isoformat(), "received_to": end.isoformat()})
    return redirect(f"{reverse('hotissues:issue_list')}?{query}")


def _issue_or_404(request, pk: int, filters) -> HotIssue:
    try:
        return selectors.hot_issue_get(user=request.user, pk=pk, filters=filters)
    except HotIssue.DoesNotExist as exc:
        raise Http404(_("找不到该热点问题，或您无权查看")) from exc


def _detail(request, issue: HotIssue, filters, joint_form=None, status=200):
    (view,) = selectors.hot_issue_views(
        user=request.user, issues=[issue], analysis=issue.analysis, filters=filters
    )
    matters = sorted(view.matters, key=lambda m: (m.received_at, m.pk))
    can_decide = can_decide_joint_handling(request.user)
    if joint_form is None and can_decide:
        free = [
            m.pk for m in matters if m.pk not in view.joint and m.status not in services.joint.NOT_COMBINABLE
        ]
        joint_form = JointHandlingForm(
            matter_ids=[m.pk for m in matters],
            initial={"matters": free, "lead_matter": free[0] if free else None, "title": view.label},
        )
    checked, lead = set(), None
    if joint_form is not None and joint_form.is_bound:
        checked = {int(v) for v in joint_form.data.getlist("matters") if v.isdigit()}
        lead = (
            int(joint_form.data["lead_matter"]) if joint_form.data.get("lead_matter", "").isdigit() else None
        )
    elif joint_form is not None:
        checked, lead = set(joint_form.initial["matters"]), joint_form.initial["lead_matter"]
    return render(
        request,
        "hotissues/issue_detail.html",
        {
            "checked": checked,
            "lead": lead,
            "issue": issue,
            "view": view,
            "matters": matters,
            "period": selectors.period_of(issue.analysis, filters),
            "query": _query(request),
            "can_decide": can_decide,
            "joint_form": joint_form,
            "not_combinable": services.joint.NOT_COMBINABLE,
        },
        status=status,
    )


@login_required
@require_GET
def issue_detail(request, pk: int):
    _require_seeing(request.user)
    _form, filters = _filters(request)
    return _detail(request, _issue_or_404(request, pk, filters), filters)


@login_required
@require_POST
def joint_create(request, pk: int):
    """Combine (part of) a hot issue for joint handling; the form is on the issue's page."""
    _require_seeing(request.user)
    _form, filters = _filters(request)
    issue = _issue_or_404(request, pk, filters)
    (view,) = selectors.hot_issue_views(
        user=request.user, issues=[issue], analysis=issue.analysis, filters=filters
    )
    form = JointHandlingForm(request.POST, matter_ids=[m.pk for m in view.matters])
    if not form.is_valid():
        return _detail(request, issue, filters, joint_form=form, status=422)
    data = form.cleaned_data
    chosen = {m.pk: m for m in view.matters if m.pk in set(data["matters"])}
    for number in data["extra_numbers"]:
        matter = matters_visible_to(user=request.user).filter(number=number).first()
        if matter is None:
            form.add_error("extra_numbers", _("找不到事项 %(number)s，或您无权查看") % {"number": number})
        else:
            chosen[matter.pk] = matter
    if form.errors:
        return _detail(request, issue, filters, joint_form=form, status=422)
    try:
        joint = services.joint_handling_create(
            actor=request.user,
            matters=list(chosen.values()),
            lead_matter=chosen.get(data["lead_matter"]) if data["lead_matter"] else None,
            lead_org=data["lead_org"],
            title=data["title"],
            note=data["note"],
            hot_issue=issue,
            route_kind=data["route_kind"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return _detail(request, issue, filters, joint_form=form, status=422)
    messages.success(
        request,
        _("已将 %(count)d 件事项并案办理，主办单位：%(org)s。各信访人仍分别答复。")
        % {"count": joint.members.count(), "org": joint.lead_org.name},
    )
    return redirect("hotissues:joint_detail", joint.pk)


def _joint_or_404(request, pk: int) -> JointHandling:
    try:
        return selectors.joint_handling_get(user=request.user, pk=pk)
    except JointHandling.DoesNotExist as exc:
        raise Http404(_("找不到该并案办理，或您无权查看")) from exc


@login_required
@require_GET
def joint_detail(request, pk: int):
    joint = _joint_or_404(request, pk)
    matters, hidden = selectors.joint_handling_members(user=request.user, joint=joint)
    return render(
        request,
        "hotissues/joint_detail.html",
        {
            "joint": joint,
            "matters": matters,
            "hidden": hidden,
            "can_decide": can_decide_joint_handling(request.user),
            "add_form": MemberAddForm(),
        },
    )


@login_required
@require_POST
def member_add(request, pk: int):
    joint = _joint_or_404(request, pk)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        number = form.cleaned_data["number"].strip()
        matter = matters_visible_to(user=request.user).filter(number=number).first()
        if matter is None:
            messages.error(request, _("找不到事项 %(number)s，或您无权查看") % {"number": number})
        else:
            try:
                services.joint_handling_member_add(actor=request.user, joint=joint, matter=matter)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("已将 %(number)s 加入并案办理") % {"number": matter.number})
    else:
        messages.error(request, _("请填写事项编号"))
    return redirect("hotissues:joint_detail", joint.pk)


@login_required
@require_POST
def member_remove(request, pk: int, matter_id: int):
    joint = _joint_or_404(request, pk)
    matter = matters_visible_to(user=request.user).filter(pk=matter_id).first()
    if matter is None:
        raise Http404(_("找不到该事项，或您无权查看"))
    form = MemberRemoveForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.joint_handling_member_remove(actor=request.user, joint=joint, matter=matter, reason=reason)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已将 %(number)s 移出并案办理") % {"number": matter.number})
    return redirect("hotissues:joint_detail", joint.pk)
