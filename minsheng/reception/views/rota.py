"""The rota pages: a month of reception days, generating a month, planning and editing single days."""

import calendar as month_calendar
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..forms import DayForm, RotaGenerateForm, apply_errors, parse_month
from ..models import ReceptionDay, ReceptionSession
from ..permissions import can_plan_reception, can_record_reception
from .common import flash_errors, get_or_404, require_seeing


def _month_url(year: int, month: int) -> str:
    return f"{reverse('reception:rota')}?month={year:04d}-{month:02d}"


def _shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _rota_page(request, year: int, month: int, generate_form=None, status=200):
    first = dt.date(year, month, 1)
    last = dt.date(year, month, month_calendar.monthrange(year, month)[1])
    user = request.user
    days = list(selectors.reception_days(user=user, start=first, end=last))
    for day in days:
        day.held = getattr(day, "session", None)
    can_plan = can_plan_reception(user)
    leaders = list(selectors.leaders_available(user=user)) if can_plan else []
    if generate_form is None and can_plan:
        generate_form = RotaGenerateForm(leaders=leaders, initial={"month": f"{year:04d}-{month:02d}"})
    previous, following = _shift(year, month, -1), _shift(year, month, 1)
    return render(
        request,
        "reception/rota.html",
        {
            "year": year,
            "month": month,
            "month_value": f"{year:04d}-{month:02d}",
            "days": days,
            "today": timezone.localdate(),
            "can_plan": can_plan,
            "can_record": can_record_reception(user),
            "generate_form": generate_form,
            "previous_url": _month_url(*previous),
            "next_url": _month_url(*following),
            "today_sessions": list(selectors.today_sessions(user=user)),
        },
        status=status,
    )


@login_required
@require_GET
def rota(request):
    require_seeing(request.user)
    today = timezone.localdate()
    year, month = parse_month(request.GET.get("month", "")) or (today.year, today.month)
    return _rota_page(request, year, month)


@login_required
@require_POST
def rota_generate(request):
    require_seeing(request.user)
    leaders = list(selectors.leaders_available(user=request.user))
    form = RotaGenerateForm(request.POST, leaders=leaders)
    today = timezone.localdate()
    fallback = (today.year, today.month)
    if not form.is_valid():
        return _rota_page(
            request, *(form.cleaned_data.get("month") or fallback), generate_form=form, status=422
        )
    year, month = form.cleaned_data["month"]
    try:
        result = services.reception_rota_generate(
            actor=request.user,
            year=year,
            month=month,
            leaders=form.ordered_leaders(),
            place=form.cleaned_data["place"],
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return _rota_page(request, year, month, generate_form=form, status=422)
    messages.success(
        request,
        _("已为 %(year)d年%(month)d月 安排坐班接访 %(created)d 天；已有安排的 %(kept)d 天未变动。")
        % {"year": year, "month": month, "created": len(result.created), "kept": len(result.already_planned)},
    )
    if result.no_leader_free:
        messages.error(
            request,
            _("以下工作日所选领导都已有其他安排，未排班：%(days)s")
            % {"days": "、".join(f"{d:%m-%d}" for d in result.no_leader_free)},
        )
    if result.warning:
        messages.warning(request, result.warning)
    return redirect(_month_url(year, month))


def _day_form_page(request, form, day=None, status=200):
    return render(request, "reception/day_form.html", {"form": form, "day": day}, status=status)


@login_required
def day_create(request):
    require_seeing(request.user)
    leaders = selectors.leaders_available(user=request.user)
    form = DayForm(request.POST if request.method == "POST" else None, user=request.user, leaders=leaders)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            day = services.reception_day_plan(actor=request.user, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("已安排：%(date)s %(leader)s %(kind)s")
                % {
                    "date": f"{day.date:%Y-%m-%d}",
                    "leader": day.leader.display_name,
                    "kind": day.get_kind_display(),
                },
            )
            return redirect(_month_url(day.date.year, day.date.month))
    return _day_form_page(request, form, status=422 if request.method == "POST" else 200)


@login_required
def day_edit(request, pk: int):
    require_seeing(request.user)
    day = get_or_404(
        selectors.reception_day_get,
        ReceptionDay,
        _("找不到该接访安排，或您无权查看"),
        user=request.user,
        pk=pk,
    )
    leaders = selectors.leaders_available(user=request.user)
    initial = {
        "leader": day.leader_id,
        "place": day.place,
        "starts_at": day.starts_at,
        "ends_at": day.ends_at,
    }
    form = DayForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        leaders=leaders,
        editing=True,
        initial={**initial, "note": day.note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reception_day_update(actor=request.user, day=day, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已修改 %(date)s 的接访安排") % {"date": f"{day.date:%Y-%m-%d}"})
            return redirect(_month_url(day.date.year, day.date.month))
    return _day_form_page(request, form, day=day, status=422 if request.method == "POST" else 200)


@login_required
@require_POST
def day_remove(request, pk: int):
    require_seeing(request.user)
    day = get_or_404(
        selectors.reception_day_get,
        ReceptionDay,
        _("找不到该接访安排，或您无权查看"),
        user=request.user,
        pk=pk,
    )
    try:
        services.reception_day_remove(actor=request.user, day=day)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("已取消 %(date)s 的接访安排") % {"date": f"{day.date:%Y-%m-%d}"})
    return redirect(_month_url(day.date.year, day.date.month))


@login_required
@require_POST
def session_open(request, pk: int):
    """开始接访: the session of a planned day, recorded the first time it is opened."""
    require_seeing(request.user)
    day = get_or_404(
        selectors.reception_day_get,
        ReceptionDay,
        _("找不到该接访安排，或您无权查看"),
        user=request.user,
        pk=pk,
    )
    existing = ReceptionSession.objects.filter(day=day).first()
    if existing is not None:
        return redirect("reception:session_detail", existing.pk)
    try:
        session = services.reception_session_record(actor=request.user, day=day)
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect(_month_url(day.date.year, day.date.month))
    return redirect("reception:session_detail", session.pk)
