"""Appointments (约访): the list, inviting, and the appointment page with its next steps."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matter_get_by_number, matters_visible_to

from .. import selectors, services
from ..forms import AppointmentForm, AppointmentRecordForm, AppointmentScheduleForm, ReasonForm, apply_errors
from ..models import Appointment, Outcome
from ..permissions import can_record_reception
from .common import draft_from, get_or_404, query_without_page, require_seeing

STATUS_FILTERS = [("open", gettext_lazy("未完成")), *Appointment.Status.choices]


@login_required
@require_GET
def appointment_list(request):
    require_seeing(request.user)
    status = request.GET.get("status", "open")
    if status not in dict(STATUS_FILTERS) and status != "all":
        status = "open"
    appointments = selectors.appointment_list(user=request.user, status="" if status == "all" else status)
    page = Paginator(appointments, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/appointment_list.html",
        {
            "page": page,
            "status": status,
            "statuses": STATUS_FILTERS,
            "query": query_without_page(request),
            "can_record": can_record_reception(request.user),
        },
    )


@login_required
def appointment_create(request):
    require_seeing(request.user)
    leaders = selectors.leaders_available(user=request.user)
    initial = {}
    matter_id = request.GET.get("matter", "")
    if matter_id.isdigit():
        matter = matters_visible_to(user=request.user).filter(pk=int(matter_id)).first()
        if matter is not None:
            initial["matter_number"] = matter.number
    form = AppointmentForm(
        request.POST if request.method == "POST" else None, leaders=leaders, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            matter = matter_get_by_number(user=request.user, number=data["matter_number"])
        except Matter.DoesNotExist:
            form.add_error("matter_number", _("找不到该信访事项，或您无权查看"))
        else:
            try:
                appointment = services.appointment_invite(
                    actor=request.user,
                    matter=matter,
                    leader=data["leader"],
                    proposed_at=data["proposed_at"],
                    place=data["place"],
                    invited_by=data["invited_by"],
                    note=data["note"],
                )
            except ValidationError as exc:
                apply_errors(form, exc, {"matter": "matter_number"})
            else:
                messages.success(request, _("已登记约访"))
                return redirect("reception:appointment_detail", appointment.pk)
    return render(
        request,
        "reception/appointment_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def _appointment_or_404(request, pk: int) -> Appointment:
    return get_or_404(
        selectors.appointment_get, Appointment, _("找不到该约访，或您无权查看"), user=request.user, pk=pk
    )


def _detail(request, appointment, forms=None, status=200):
    forms = forms or {}
    can_record = can_record_reception(request.user) and appointment.is_open
    if can_record:
        forms.setdefault(
            "schedule",
            AppointmentScheduleForm(
                initial={"proposed_at": appointment.proposed_at, "place": appointment.place}
            ),
        )
        # A meeting is recorded after it took place: the agreed time, or now if that is still ahead.
        held_at = min(appointment.proposed_at, timezone.now()).replace(second=0, microsecond=0)
        forms.setdefault("record", AppointmentRecordForm(initial={"held_at": timezone.localtime(held_at)}))
        forms.setdefault("cancel", ReasonForm())
    return render(
        request,
        "reception/appointment_detail.html",
        {
            "appointment": appointment,
            "can_record": can_record,
            "forms": forms,
            "instructed": Outcome.INSTRUCTED,
            "instruction": getattr(appointment, "instruction", None),
        },
        status=status,
    )


@login_required
@require_GET
def appointment_detail(request, pk: int):
    require_seeing(request.user)
    return _detail(request, _appointment_or_404(request, pk))


@login_required
@require_POST
def appointment_step(request, pk: int, step: str):
    require_seeing(request.user)
    appointment = _appointment_or_404(request, pk)
    form_classes = {
        "schedule": AppointmentScheduleForm,
        "record": AppointmentRecordForm,
        "cancel": ReasonForm,
    }
    if step not in form_classes:
        raise Http404
    form = form_classes[step](request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if step == "schedule":
                services.appointment_schedule(actor=request.user, appointment=appointment, **data)
            elif step == "record":
                services.appointment_record(
                    actor=request.user,
                    appointment=appointment,
                    held=data["held"],
                    held_at=data["held_at"],
                    outcome=data["outcome"],
                    notes=data["notes"],
                    reason=data["reason"],
                    instruction=draft_from(data) if data["outcome"] == Outcome.INSTRUCTED else None,
                )
            else:
                services.appointment_cancel(
                    actor=request.user, appointment=appointment, reason=data["reason"]
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存"))
            return redirect("reception:appointment_detail", appointment.pk)
    return _detail(request, appointment, forms={step: form}, status=422)
