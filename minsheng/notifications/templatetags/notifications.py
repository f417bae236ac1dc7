from django import template

from minsheng.notifications.privacy import mask_address
from minsheng.notifications.selectors import sees_outbox as _sees_outbox

register = template.Library()


@register.filter
def sees_outbox(user) -> bool:
    """Whether the navigation shows 消息发送记录 (the outbox) to `user`."""
    return _sees_outbox(user)


@register.filter
def masked(address: str) -> str:
    return mask_address(address)
