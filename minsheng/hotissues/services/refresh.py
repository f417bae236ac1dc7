"""Computing and storing the hot issues of a period (manage.py refresh_hot_issues, or "重新分析")."""

import datetime as dt
import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.petitions.models import Matter, SubmissionPetitioner

from .. import detection
from ..models import HotIssue, HotIssueAnalysis, HotIssueMember
from ..permissions import can_refresh_hot_issues

# Analyses older than this are removed when a new one is stored.
KEEP_DAYS = 30
MIN_PETITIONERS = 2
# A period longer than this is refused: grouping a decade of matters at once says little about what
# is hot, and would hold the machine for minutes.
MAX_PERIOD_DAYS = 3660


def local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def period_matters(*, start: dt.date, end: dt.date):
    """Every matter received from the start of `start` to the end of `end`, local time."""
    return Matter.objects.filter(
        received_at__gte=local_midnight(start), received_at__lt=local_midnight(end + dt.timedelta(days=1))
    )


def check_period(start, end) -> None:
    if start is None or end is None:
        raise ValidationError({"period": [_("请填写起止日期")]})
    if start > end:
        raise ValidationError({"period": [_("起始日期不能晚于截止日期")]})
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError({"period": [_("分析期间不能超过 %(days)d 天") % {"days": MAX_PERIOD_DAYS}]})


def hot_issues_refresh(*, start: dt.date, end: dt.date, actor=None) -> HotIssueAnalysis:
    """Group the matters received in the period and store the groups, replacing an earlier analysis
    of the same period. `actor` is None when the command runs it.

    Not one transaction from start to end: grouping reads for seconds, and on SQLite a transaction
    holds the write lock from its first statement, which would stop every registrar meanwhile. The
    reading happens first; the writing is one short atomic step."""
    if actor is not None and not can_refresh_hot_issues(actor):
        raise PermissionDenied(_("只有督办员或管理员可以重新分析热点问题"))
    check_period(start, end)
    started = time.monotonic()
    matters = period_matters(start=start, end=end)
    rows = matters.filter(similarity_signature__isnull=False).values_list(
        "pk", "title", "similarity_signature__vector", "similarity_signature__places"
    )
    found = {
        pk: detection.matter_of(pk, title, vector or "", places or "") for pk, title, vector, places in rows
    }
    sql, params = matters.values("pk").query.sql_with_params()
    groups = _with_several_people(detection.group(found, detection.candidate_pairs(sql, list(params))))
    received = dict(
        matters.filter(pk__in=[pk for g in groups for pk in g.members]).values_list("pk", "received_at")
    )
    return _store(
        start=start,
        end=end,
        actor=actor,
        matter_count=len(found),
        groups=groups,
        titles={pk: m.title for pk, m in found.items()},
        received=received,
        seconds=time.monotonic() - started,
    )


def _with_several_people(groups: list[detection.Group]) -> list[detection.Group]:
    """Groups raised by at least MIN_PETITIONERS people: one person writing again is a repeat
    petition (重复信访), not a hot issue. A matter without a known petitioner counts as one person."""
    ids = [pk for group in groups for pk in group.members]
    people: dict[int, set] = {pk: {("matter", pk)} for pk in ids}
    rows = SubmissionPetitioner.objects.filter(submission__matter_id__in=ids).values_list(
        "submission__matter_id", "petitioner_id"
    )
    for matter_id, petitioner_id in rows:
        people[matter_id].discard(("matter", matter_id))
        people[matter_id].add(petitioner_id)
    return [g for g in groups if len(set().union(*(people[pk] for pk in g.members))) >= MIN_PETITIONERS]


@transaction.atomic
def _store(*, start, end, actor, matter_count, groups, titles, received, seconds) -> HotIssueAnalysis:
    HotIssueAnalysis.objects.filter(start=start, end=end).delete()
    # Old analyses of other periods go after a while; an analysis is a snapshot, not a record.
    keep_after = timezone.now() - dt.timedelta(days=KEEP_DAYS)
    HotIssueAnalysis.objects.filter(computed_at__lt=keep_after).delete()
    analysis = HotIssueAnalysis.objects.create(
        start=start,
        end=end,
        computed_at=timezone.now(),
        computed_by=actor if getattr(actor, "pk", None) else None,
        matter_count=matter_count,
        issue_count=len(groups),
        seconds=round(seconds, 3),
    )
    issues = HotIssue.objects.bulk_create(
        [
            HotIssue(
                analysis=analysis,
                label=titles[group.central_member][:200],
                terms=" ".join(group.terms)[:200],
                places=" ".join(group.places)[:200],
                size=len(group.members),
                cohesion=round(group.cohesion, 4),
                first_received_at=min(received[pk] for pk in group.members),
                last_received_at=max(received[pk] for pk in group.members),
            )
            for group in groups
        ]
    )
    HotIssueMember.objects.bulk_create(
        [
            HotIssueMember(issue=issue, matter_id=pk, centrality=round(group.centrality[pk], 4))
            for issue, group in zip(issues, groups, strict=True)
            for pk in group.members
        ],
        batch_size=2000,
    )
    return analysis
