from django import template

from ..permissions import can_see_legal
from ..selectors import legal_box_for

register = template.Library()


@register.filter
def sees_legal(user) -> bool:
    return can_see_legal(user)


@register.inclusion_tag("legal/_legal_box.html", takes_context=True)
def matter_legal_box(context, matter, compact=False):
    """The "法律意见与调解" box of a matter's page, and (compact) beside its reply form.

    `matter` comes from the page's view, which already checked that the user may see it."""
    box = legal_box_for(user=context["request"].user, matter=matter)
    box["compact"] = compact
    box["request"] = context["request"]
    box["csrf_token"] = context.get("csrf_token")
    return box
