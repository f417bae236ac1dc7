"""Messages about instructions. In-app for everyone concerned; SMS and e-mail where the user has a
number or address, naming the instruction by its number only, since an instruction's text can name
petitioners (or, for an accusation, the accused) and must not leave the system."""

from minsheng.accounts.models import Organisation, Role, User
from minsheng.notifications.models import Notification
from minsheng.notifications.services import notification_queue

Channel = Notification.Channel


def unit_handlers(organisation: Organisation) -> list[User]:
    return list(
        User.objects.filter(organisation=organisation, role=Role.HANDLER, is_active=True).order_by("pk")
    )


def bureau_supervisors(organisation: Organisation) -> list[User]:
    """The supervisors of the petition bureau(s) whose jurisdiction covers `organisation`."""
    bureaus = Organisation.objects.filter(
        kind=Organisation.Kind.PETITION_BUREAU, is_active=True
    ).select_related("parent")
    ids = [b.pk for b in bureaus if organisation.path.startswith(b.scope_path)]
    return list(
        User.objects.filter(organisation__in=ids, role=Role.SUPERVISOR, is_active=True).order_by("pk")
    )


def notify(*, users, key: str, subject: str, body: str, outside_body: str, matter=None, outside=True) -> int:
    """Queue one message per user and channel; `key` makes a repeated call send nothing twice."""
    queued = 0
    for user in users:
        channels = [Channel.IN_APP]
        if outside:
            channels += [
                channel
                for channel, address in ((Channel.SMS, user.phone), (Channel.EMAIL, user.email))
                if (address or "").strip()
            ]
        for channel in channels:
            _notification, created = notification_queue(
                dedupe_key=f"{key}:{user.pk}:{channel}"[:200],
                recipient=user,
                channel=channel,
                subject=subject,
                body=body if channel == Channel.IN_APP else outside_body,
                matter=matter,
            )
            queued += created
    return queued
