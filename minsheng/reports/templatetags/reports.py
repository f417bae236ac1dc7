"""{% load reports %}{% if user|sees_reports %}: the navigation shows 工作报表 only to those allowed."""

from django import template

from ..permissions import can_see_reports

register = template.Library()


@register.filter
def sees_reports(user) -> bool:
    return can_see_reports(user)
