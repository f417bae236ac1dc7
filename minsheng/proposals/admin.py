"""Read-mostly admin: proposals change only through the services, so the workflow fields are read-only
here; sessions (届次) are set up in the admin."""

from django.contrib import admin

from .models import Proposal, ProposalEvent, ProposalSession


@admin.register(ProposalSession)
class ProposalSessionAdmin(admin.ModelAdmin):
    list_display = ("name", "opens_on", "closes_on", "is_current", "last_number")
    readonly_fields = ("last_number",)


class EventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    can_delete = False
    fields = ("at", "kind", "actor", "organisation", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("session", "number", "title", "proposer_name", "status", "is_key", "due_on")
    list_filter = ("session", "status", "is_key")
    search_fields = ("title", "proposer_name")
    inlines = [EventInline]
    exclude = ("phone_encrypted", "address_encrypted")

    def get_readonly_fields(self, request, obj=None):
        return [
            f.name for f in self.model._meta.fields if f.name not in ("phone_encrypted", "address_encrypted")
        ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
