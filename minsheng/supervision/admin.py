from django.contrib import admin

from .models import SupervisionItem


@admin.register(SupervisionItem)
class SupervisionItemAdmin(admin.ModelAdmin):
    """Read-only: items are opened by the sweep and by ratings, and closed on the supervision page,
    through supervision.services."""

    list_display = ["matter", "kind", "deadline_kind", "due_on", "opened_on", "closed_on"]
    list_filter = ["kind", "deadline_kind"]
    search_fields = ["matter__number", "matter__title"]
    list_select_related = ["matter"]
    readonly_fields = [f.name for f in SupervisionItem._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
