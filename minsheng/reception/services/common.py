"""Checks shared by the reception services: they collect problems by field, like the intake service."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.instructions.services import leader_error

PLACE_MAX = 200
NOTE_MAX = 2000
TEXT_MAX = 5000


class Errors(dict):
    """Messages by field; raise() when there are any."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))

    def merge(self, other: dict, prefix: str = "") -> None:
        for field, messages in other.items():
            for message in messages:
                self.add(f"{prefix}{field}", message)

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def clean_text(errors: Errors, value, *, field: str, max_length: int, required_message: str = "") -> str:
    value = (value or "").strip()
    if required_message and not value:
        errors.add(field, required_message)
    elif len(value) > max_length:
        errors.add(field, _("不能超过 %(max)d 个字") % {"max": max_length})
    return value


def check_leader(errors: Errors, leader, field: str = "leader") -> None:
    problem = leader_error(leader)
    if problem:
        errors.add(field, problem)


def check_in_scope(actor, organisation: Organisation) -> None:
    """The actor works for `organisation` or above it; anything else is not theirs to record."""
    if not organisations_in_scope(user=actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied(_("%(name)s 不在您的管辖范围内") % {"name": organisation.name})


def leader_label(leader) -> str:
    return f"{leader.display_name}（{leader.title}）" if leader.title else leader.display_name
