from .selectors import notifications_unread_count


def unread_notifications(request):
    """The unread count beside "消息" in the navigation; one indexed count per page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": notifications_unread_count(user=user)}
