from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Organisation, User
from .services import organisation_save


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["indented_name", "kind", "region_code", "number_prefix", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "region_code"]
    autocomplete_fields = ["parent"]
    fields = [
        "name",
        "short_name",
        "kind",
        "parent",
        "region_code",
        "number_prefix",
        "sort_order",
        "is_active",
    ]

    @admin.display(description=_("名称"), ordering="path")
    def indented_name(self, obj):
        depth = max(obj.path.count("/") - 2, 0)
        return "\u3000" * depth + obj.name

    def save_model(self, request, obj, form, change):
        organisation_save(organisation=obj)

    def has_delete_permission(self, request, obj=None):
        # Organisations are referenced by matters for years; deactivate instead of deleting.
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "organisation", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "organisation__kind"]
    search_fields = ["username", "full_name", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("身份"), {"fields": ("full_name", "organisation", "role", "title", "phone", "email")}),
        (_("权限"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("时间"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2", "full_name", "organisation", "role")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "user", "created_at", "last_used_at"]
    list_filter = ["revoked_at"]

    def has_add_permission(self, request):
        return False  # created on the API token page, where the plaintext is shown once
