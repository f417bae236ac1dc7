from django import template

from ..permissions import can_see_instructions

register = template.Library()


@register.filter
def sees_instructions(user) -> bool:
    """Whether the navigation offers 领导批示 and 批示办理; the pages scope what they show."""
    return can_see_instructions(user)
