from .permissions import can_see_supervision


def supervision_permissions(request):
    """Whether the navigation offers "督办"; the page checks again."""
    return {"can_see_supervision": can_see_supervision(getattr(request, "user", None))}
