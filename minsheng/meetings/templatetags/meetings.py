from django import template

from ..permissions import SEEING_ROLES

register = template.Library()


@register.filter
def sees_meetings(user) -> bool:
    """Whether the navigation offers “联席会议”; the pages scope what each user sees."""
    return bool(user and user.is_authenticated and user.has_role(*SEEING_ROLES))
