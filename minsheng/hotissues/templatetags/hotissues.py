from django import template

from ..permissions import can_see_hot_issues
from ..selectors import CHART_BAR, CHART_GAP, CHART_HEIGHT, joint_handling_members, joint_handling_of

register = template.Library()


@register.filter
def sees_hot_issues(user) -> bool:
    return can_see_hot_issues(user)


@register.inclusion_tag("hotissues/_joint_box.html", takes_context=True)
def matter_joint_box(context, matter):
    """The "并案办理" box of a matter's page; empty when the matter is not handled jointly.

    `matter` comes from the page's view, which already checked that the user may see it; the other
    members are shown only as far as the user may see them."""
    joint = joint_handling_of(matter=matter)
    if joint is None:
        return {"joint": None}
    others, hidden = joint_handling_members(user=context["request"].user, joint=joint)
    return {
        "joint": joint,
        "matter": matter,
        "others": [m for m in others if m.pk != matter.pk],
        "hidden": hidden,
        "lead_visible": any(m.pk == joint.lead_matter_id for m in others),
    }


@register.inclusion_tag("hotissues/_trend.html")
def trend_chart(view, large=False):
    scale = 2 if large else 1
    bars = [
        {
            "x": bar.x * scale,
            "y": (CHART_HEIGHT - bar.height) * scale,
            "height": bar.height * scale,
            "start": bar.start,
            "count": bar.count,
        }
        for bar in view.bars
    ]
    return {
        "bars": bars,
        "unit": view.bar_unit,
        "peak": view.peak,
        "width": max(1, len(view.bars) * (CHART_BAR + CHART_GAP) - CHART_GAP) * scale,
        "height": CHART_HEIGHT * scale,
        "bar_width": CHART_BAR * scale,
        "large": large,
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
