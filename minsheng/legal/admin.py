"""Read-mostly admin views: the records are written through the services, not by hand here."""

from django.contrib import admin

from .models import Consultation, DutyShift, LawyerAssignment, LegalOpinion, Mediation


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DutyShift)
class DutyShiftAdmin(ReadOnlyAdmin):
    list_display = ["day", "session", "lawyer", "place", "organisation"]
    list_filter = ["session"]
    date_hierarchy = "day"


@admin.register(LawyerAssignment)
class LawyerAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["matter", "lawyer", "status", "assigned_at", "declared_at"]
    list_filter = ["status"]


@admin.register(LegalOpinion)
class LegalOpinionAdmin(ReadOnlyAdmin):
    list_display = ["matter", "lawyer", "route", "given_on"]
    list_filter = ["route"]


@admin.register(Mediation)
class MediationAdmin(ReadOnlyAdmin):
    list_display = ["matter", "held_on", "place", "outcome"]
    list_filter = ["outcome"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ["consulted_on", "topic", "lawyer", "organisation"]
    list_filter = ["topic"]
    date_hierarchy = "consulted_on"
    # The phone stays out of the admin: it is shown masked on the app's page and revealed with a log.
    exclude = ["phone_encrypted"]
