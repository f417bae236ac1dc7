"""Small helpers shared by the hot issue tests."""

import datetime as dt

from django.utils import timezone

from minsheng.hotissues.models import HotIssueAnalysis


def period(days: int = 90) -> tuple[dt.date, dt.date]:
    """The last `days` days, today included: the default period of the command."""
    today = timezone.localdate()
    return today - dt.timedelta(days=days - 1), today


def member_sets(analysis: HotIssueAnalysis) -> list[set[int]]:
    return [set(issue.members.values_list("matter_id", flat=True)) for issue in analysis.issues.all()]


def pks(matters) -> set[int]:
    return {m.pk for m in matters}
