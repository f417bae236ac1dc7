from .permissions import can_register


def petition_permissions(request):
    """What the navigation may offer; the views check again."""
    user = getattr(request, "user", None)
    return {"can_register": bool(user and can_register(user))}
