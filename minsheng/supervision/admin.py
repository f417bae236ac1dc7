from django.contrib import admin

from .models import SupervisionItem, SupervisionNotice


class ReadOnlyAdmin(admin.ModelAdmin):
    """Items are opened by the sweep and by ratings, and notices issued, answered and closed on the
    supervision pages, through supervision.services."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SupervisionItem)
class SupervisionItemAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "matter",
        "kind",
        "deadline_kind",
        "organisation",
        "level",
        "due_on",
        "opened_on",
        "closed_on",
    ]
    list_filter = ["kind", "deadline_kind", "level"]
    search_fields = ["matter__number", "matter__title"]
    list_select_related = ["matter", "organisation"]


@admin.register(SupervisionNotice)
class SupervisionNoticeAdmin(ReadOnlyAdmin):
    list_display = ["number", "level", "addressee", "issued_on", "feedback_due_on", "status"]
    list_filter = ["level", "status"]
    search_fields = ["number"]
    list_select_related = ["addressee"]
