"""This app's figures for the period report (minsheng.reports).

`instructions` counts the instructions dated start..end (批示日期) whose jurisdiction — the
organisation of the instructing leader's leading body's parent, i.e. the city for the city's four
leading bodies (Instruction.organisation) — is `organisation` or below it. So the city root counts
every instruction of the city's leaders ("作出重要信访批示 34 件次"); a township's report counts the
instructions of its own leaders, not those it received from the city (those are its tasks)."""

import datetime as dt

from minsheng.accounts.models import Organisation

from .models import Instruction


def period_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    count = Instruction.objects.filter(
        issued_on__gte=start, issued_on__lte=end, organisation__path__startswith=organisation.path
    ).count()
    return {"instructions": count}
