"""This app's figures for the period report (minsheng.reports).

Sessions count where they were held: `ReceptionSession.organisation` is the petition bureau for the
visitor service centre and the township (or village) for a field visit, so a township's report counts
the leaders' field visits to it. All figures are for that organisation `organisation` or below it,
dated start..end (both included):

- reception_sessions: sessions at the centre (坐班接访), by the day held;
- field_visits: field visits held (下访);
- appointments: appointments held (约访), by the local day they took place, by the organisation
  where they were held;
- visit_batches: people received in those sessions, counted by visit submission (批次);
- person_visits: the sum of those submissions' head counts (人次).
"""

import datetime as dt

from django.db.models import Count, Q, Sum
from django.utils import timezone

from minsheng.accounts.models import Organisation

from .models import Appointment, Kind, ReceptionEntry, ReceptionSession


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def period_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    in_subtree = Q(organisation__path__startswith=organisation.path)
    sessions = ReceptionSession.objects.filter(in_subtree, held_on__gte=start, held_on__lte=end)
    by_kind = sessions.aggregate(
        centre=Count("pk", filter=Q(kind=Kind.CENTRE)),
        field=Count("pk", filter=Q(kind=Kind.FIELD_VISIT)),
    )
    received = ReceptionEntry.objects.filter(session__in=sessions.values("pk")).aggregate(
        batches=Count("pk"), people=Sum("submission__head_count")
    )
    appointments = Appointment.objects.filter(
        in_subtree,
        status=Appointment.Status.HELD,
        held_at__gte=_midnight(start),
        held_at__lt=_midnight(end + dt.timedelta(days=1)),
    ).count()
    return {
        "reception_sessions": by_kind["centre"],
        "field_visits": by_kind["field"],
        "appointments": appointments,
        "visit_batches": received["batches"],
        "person_visits": received["people"] or 0,
    }
