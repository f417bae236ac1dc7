from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import selectors
from ..models import LawyerAssignment
from ..permissions import can_assign_lawyers, can_plan_roster, can_record_consultations, is_lawyer
from ._common import require_seeing


@login_required
@require_GET
def index(request):
    """律师参与信访: a lawyer's duty days and assignments; for staff, who is on duty and what is open."""
    user = request.user
    require_seeing(user)
    today = timezone.localdate()
    assignments = selectors.assignment_list(user=user)
    open_assignments = assignments.filter(status__in=LawyerAssignment.OPEN)
    month_start = today.replace(day=1)
    context = {
        "today": today,
        "is_lawyer": is_lawyer(user),
        "on_duty_today": selectors.duty_shifts_visible_to(user=user).filter(day=today),
        "upcoming": selectors.duty_shifts_upcoming(user=user, today=today)[:31],
        "pending": open_assignments.filter(status=LawyerAssignment.Status.PENDING)[:20],
        "pending_count": open_assignments.filter(status=LawyerAssignment.Status.PENDING).count(),
        "active": open_assignments.filter(status=LawyerAssignment.Status.ACTIVE)[:20],
        "active_count": open_assignments.filter(status=LawyerAssignment.Status.ACTIVE).count(),
        "consultations_today": selectors.consultations_visible_to(user=user)
        .filter(consulted_on=today)
        .count(),
        "consultations_month": selectors.consultations_visible_to(user=user)
        .filter(consulted_on__range=(month_start, today))
        .count(),
        "can_plan": can_plan_roster(user),
        "can_assign": can_assign_lawyers(user),
        "can_record": can_record_consultations(user),
    }
    return render(request, "legal/index.html", context)
