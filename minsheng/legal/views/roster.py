import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.calendars.selectors import work_calendar
from minsheng.lib.forms import apply_errors

from .. import selectors, services
from ..forms import DutyShiftForm, MonthForm, RosterPlanForm
from ..models import DutyShift
from ..permissions import can_plan_roster, is_lawyer
from ._common import require_seeing


def _month_of(request) -> tuple[int, int]:
    form = MonthForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["month"]:
        return form.cleaned_data["month"]
    today = timezone.localdate()
    return today.year, today.month


def _shifted(year: int, month: int, by: int) -> str:
    index = year * 12 + (month - 1) + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _roster_url(year: int, month: int) -> str:
    return f"{reverse('legal:roster')}?month={year:04d}-{month:02d}"


def _page(request, year: int, month: int, *, plan_form=None, shift_form=None, status=200):
    user = request.user
    calendar = work_calendar()
    can_plan = can_plan_roster(user)
    lawyers = selectors.lawyers_available()
    next_month = _shifted(year, month, 1)
    if can_plan and plan_form is None:
        plan_form = RosterPlanForm(lawyers=lawyers, initial={"month": next_month})
    if can_plan and shift_form is None:
        shift_form = DutyShiftForm(lawyers=lawyers, initial={"day": timezone.localdate()})
    days = selectors.roster_month(user=user, year=year, month=month, work_calendar=calendar)
    return render(
        request,
        "legal/roster.html",
        {
            "year": year,
            "month": month,
            "month_value": f"{year:04d}-{month:02d}",
            "previous_month": _shifted(year, month, -1),
            "next_month": next_month,
            "days": days,
            "shift_count": sum(len(d.shifts) for d in days),
            "has_data": calendar.has_data(year),
            "today": timezone.localdate(),
            "is_lawyer": is_lawyer(user),
            "can_plan": can_plan,
            "plan_form": plan_form,
            "shift_form": shift_form,
        },
        status=status,
    )


@login_required
@require_GET
def roster(request):
    """The month's duty roster: every day, holidays marked; lawyers see their own duty days."""
    require_seeing(request.user)
    year, month = _month_of(request)
    return _page(request, year, month)


@login_required
@require_POST
def roster_plan(request):
    require_seeing(request.user)
    form = RosterPlanForm(request.POST, lawyers=selectors.lawyers_available())
    year, month = _month_of(request)
    if not form.is_valid():
        return _page(request, year, month, plan_form=form, status=422)
    year, month = form.cleaned_data["month"]
    try:
        plan = services.duty_roster_plan(
            actor=request.user,
            year=year,
            month=month,
            lawyers=form.ordered_lawyers(),
            session=form.cleaned_data["session"],
            place=form.cleaned_data["place"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return _page(request, year, month, plan_form=form, status=422)
    done = _("已安排 %(year)d年%(month)d月 %(created)d 个工作日的值班") % {
        "year": year,
        "month": month,
        "created": len(plan.created),
    }
    if plan.skipped:
        done += _("；%(skipped)d 个工作日已有安排或无律师可排，保持不变") % {"skipped": len(plan.skipped)}
    messages.success(request, done)
    if plan.warning:
        messages.warning(request, plan.warning)
    return redirect(_roster_url(year, month))


@login_required
@require_POST
def shift_add(request):
    require_seeing(request.user)
    form = DutyShiftForm(request.POST, lawyers=selectors.lawyers_available())
    year, month = _month_of(request)
    if form.is_valid():
        data = form.cleaned_data
        try:
            shift = services.duty_shift_create(
                actor=request.user,
                day=data["day"],
                lawyer=data["lawyer"],
                session=data["session"],
                place=data["place"],
                note=data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("已安排 %(name)s 于 %(day)s %(session)s值班")
                % {
                    "name": shift.lawyer.display_name,
                    "day": f"{shift.day:%Y-%m-%d}",
                    "session": shift.get_session_display(),
                },
            )
            return redirect(_roster_url(shift.day.year, shift.day.month))
    day = form.cleaned_data.get("day") if hasattr(form, "cleaned_data") else None
    if isinstance(day, dt.date):
        year, month = day.year, day.month
    return _page(request, year, month, shift_form=form, status=422)


@login_required
@require_POST
def shift_delete(request, pk: int):
    require_seeing(request.user)
    try:
        shift = selectors.duty_shift_get(user=request.user, pk=pk)
    except DutyShift.DoesNotExist as exc:
        raise Http404(_("找不到该值班安排，或您无权查看")) from exc
    try:
        services.duty_shift_delete(actor=request.user, shift=shift)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已取消 %(day)s 的值班") % {"day": f"{shift.day:%Y-%m-%d}"})
    return redirect(_roster_url(shift.day.year, shift.day.month))
