from django import template

from ..permissions import can_see_outreach

register = template.Library()


@register.filter
def sees_outreach(user) -> bool:
    """For the navigation: `{% load outreach %}{% if user|sees_outreach %}…`."""
    return can_see_outreach(user)
