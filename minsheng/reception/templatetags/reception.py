from django import template

from ..permissions import can_see_reception, is_leader

register = template.Library()


@register.filter
def sees_reception(user) -> bool:
    """Whether the navigation offers 领导接访; the pages check again."""
    return can_see_reception(user)


@register.filter
def is_reception_leader(user) -> bool:
    """Whether the navigation offers 我的接访."""
    return is_leader(user)
