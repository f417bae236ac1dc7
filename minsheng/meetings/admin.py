from django.contrib import admin

from .models import JointMeeting, MeetingTask


class ReadOnlyAdmin(admin.ModelAdmin):
    """Meetings and their tasks are written through meetings.services, on the meeting pages."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(JointMeeting)
class JointMeetingAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "kind", "title", "organisation", "chair_name"]
    list_filter = ["kind"]
    search_fields = ["title", "minutes"]
    date_hierarchy = "held_on"


@admin.register(MeetingTask)
class MeetingTaskAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "position", "kind", "organisation", "due_on", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["meeting", "organisation"]
