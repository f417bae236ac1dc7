"""This app's figures for the period report (minsheng.reports)."""

import datetime as dt

from minsheng.accounts.models import Organisation

from .selectors import meetings_held


def period_figures(*, organisation: Organisation, start: dt.date, end: dt.date) -> dict[str, int]:
    """joint_meetings: meetings of either kind (例会 and 专题会议) held on days start..end, convened by
    `organisation` or a unit below it — for the city root, the bureau's and every township's."""
    return {"joint_meetings": meetings_held(organisation=organisation, start=start, end=end).count()}
