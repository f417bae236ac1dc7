from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: a sending log. Messages are queued and sent only by notifications.services."""

    list_display = ["created_at", "channel", "recipient", "address", "subject", "status", "attempts"]
    list_filter = ["channel", "status"]
    search_fields = ["subject", "address", "dedupe_key", "recipient__username"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
