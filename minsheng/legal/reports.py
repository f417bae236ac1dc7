"""This app's figures for the period report (minsheng.reports)."""

import datetime as dt

from minsheng.accounts.models import Organisation

from .selectors import figures_for


def period_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    """Consultations, legal opinions and mediations dated start..end (inclusive) at `organisation` or
    below: a consultation where it took place (the centre by default), an opinion or a mediation at the
    organisation that brought the lawyer in (the bureau)."""
    return figures_for(organisation=organisation, start=start, end=end)
