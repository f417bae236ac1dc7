from .permissions import can_see_supervision, can_see_unit_items


def supervision_permissions(request):
    """Whether the navigation offers "督办": the dashboard for supervisors, leaders and administrators,
    the unit's own list for handlers. The pages check again."""
    user = getattr(request, "user", None)
    return {"can_see_supervision": can_see_supervision(user) or can_see_unit_items(user)}
