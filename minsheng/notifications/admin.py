from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .catalogue import EVENTS
from .models import MessageTemplate, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: a sending log. Messages are queued and sent only by notifications.services; the
    outbox page (/notifications/outbox/) is where staff read them."""

    list_display = ["created_at", "channel", "event", "recipient", "address", "subject", "status", "attempts"]
    list_filter = ["channel", "status", "event"]
    search_fields = ["subject", "dedupe_key", "recipient__username"]
    # The encrypted columns are not shown: they mean nothing to a reader and the clear values must not be.
    readonly_fields = [f.name for f in Notification._meta.fields if not f.name.endswith("_encrypted")]
    exclude = ["address_encrypted", "body_encrypted"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    """The bureau's wording of petitioners' messages; a saved, active template wins over the default."""

    list_display = ["event", "channel", "subject", "is_active", "updated_at", "updated_by"]
    list_filter = ["channel", "is_active"]
    fields = ["event", "channel", "subject", "body", "is_active", "defaults"]
    readonly_fields = ["defaults"]

    @admin.display(description=_("默认文字与可用占位符"))
    def defaults(self, obj):
        spec = EVENTS.get(obj.event) if obj and obj.pk else None
        specs = [spec] if spec else list(EVENTS.values())
        lines = []
        for s in specs:
            names = " ".join("{" + p + "}" for p in s.placeholders)
            lines.append(f"{s.label}（{s.code}）：{s.text}\n    {_('可用占位符')}：{names}")
        return "\n".join(lines)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
