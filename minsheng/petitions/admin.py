from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Category, Matter, MatterEvent
from .services.categories import category_save


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "level", "sort_order", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "parent__name"]
    autocomplete_fields = ["parent"]

    exclude = ["level"]

    def save_model(self, request, obj, form, change):
        category_save(category=obj)


class MatterEventInline(admin.TabularInline):
    model = MatterEvent
    extra = 0
    fields = ["at", "kind", "actor", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    """Read-only: matters change only through the workflow services, which keep the timeline."""

    list_display = ["number", "title", "status", "receiving_org", "received_at"]
    list_filter = ["status", "nature", "first_channel"]
    search_fields = ["number", "title"]
    inlines = [MatterEventInline]
    readonly_fields = [f.name for f in Matter._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


admin.site.empty_value_display = _("（无）")
