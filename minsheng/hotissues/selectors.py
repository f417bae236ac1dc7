"""Reads of hot issues and joint handlings, each group cut down to the matters the reader may see.

A stored group describes every matter of the period; a reader sees of it only the members in their
scope (matters_visible_to), received in the period they ask for and concerning the organisation they
filter on. Size, petitioners, trend, places and label are computed from those members alone, so a
township sees the hot issues of its own matters, counted on its own matters.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from minsheng.accounts.models import Organisation, User
from minsheng.petitions.models import Channel, Matter, Submission, SubmissionPetitioner
from minsheng.petitions.selectors import MatterFilters, matter_list, matters_visible_to
from minsheng.similarity import text

from .models import HotIssue, HotIssueAnalysis, HotIssueMember, JointHandling, JointHandlingMember

# A group is shown when the reader sees at least this many of its matters in the period.
MIN_VISIBLE = 2
# Past this many weeks the trend is drawn per month, so that a bar stays wide enough to read.
MAX_WEEKS = 60


@dataclass(frozen=True)
class HotIssueFilters:
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    organisation: Organisation | None = None


def analysis_latest() -> HotIssueAnalysis | None:
    return HotIssueAnalysis.objects.order_by("-computed_at", "-pk").first()


def analysis_for(*, filters: HotIssueFilters) -> HotIssueAnalysis | None:
    """The analysis to read: the newest when no period is asked for; otherwise the one of exactly
    that period, or else the narrowest that covers it."""
    if filters.received_from is None and filters.received_to is None:
        return analysis_latest()
    analyses = HotIssueAnalysis.objects.all()
    if filters.received_from is not None:
        analyses = analyses.filter(start__lte=filters.received_from)
    if filters.received_to is not None:
        analyses = analyses.filter(end__gte=filters.received_to)
    covering = list(analyses.order_by("-computed_at", "-pk")[:200])
    if not covering:
        return None
    return min(covering, key=lambda a: ((a.end - a.start).days, -a.computed_at.timestamp()))


def period_of(analysis: HotIssueAnalysis, filters: HotIssueFilters) -> tuple[dt.date, dt.date]:
    return (filters.received_from or analysis.start, filters.received_to or analysis.end)


def matters_in_view(*, user: User, analysis: HotIssueAnalysis, filters: HotIssueFilters) -> QuerySet[Matter]:
    """Matters the user may see, received in the period asked for, under the organisation chosen."""
    start, end = period_of(analysis, filters)
    return matter_list(
        user=user,
        filters=MatterFilters(organisation=filters.organisation, received_from=start, received_to=end),
    ).order_by()


def hot_issue_sizes(
    *, user: User, analysis: HotIssueAnalysis, filters: HotIssueFilters
) -> list[tuple[int, int]]:
    """(issue id, matters the user sees in it), largest first, for the groups worth showing."""
    visible = matters_in_view(user=user, analysis=analysis, filters=filters).values("pk")
    rows = (
        HotIssueMember.objects.filter(issue__analysis=analysis, matter__in=visible)
        .values("issue")
        .annotate(n=Count("pk"))
        .filter(n__gte=MIN_VISIBLE)
        .values_list("issue", "n")
    )
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def hot_issue_get(*, user: User, pk: int, filters: HotIssueFilters) -> HotIssue:
    """Raise HotIssue.DoesNotExist unless the user sees enough of its matters in the period."""
    issue = HotIssue.objects.select_related("analysis").get(pk=pk)
    visible = matters_in_view(user=user, analysis=issue.analysis, filters=filters).values("pk")
    if issue.members.filter(matter__in=visible).count() < MIN_VISIBLE:
        raise HotIssue.DoesNotExist
    return issue


@dataclass
class Bar:
    start: dt.date
    count: int
    x: float = 0
    height: float = 0


@dataclass
class HotIssueView:
    """A group as one reader sees it."""

    issue: HotIssue
    matters: list[Matter]
    label: str
    places: list[str]
    terms: list[str]
    petitioners: int
    submissions: int
    visit_people: int
    bars: list[Bar]
    bar_unit: str  # "week" or "month"
    statuses: list[tuple[str, str, int]]  # (status, label, count)
    units: list[tuple[str, int]]
    first_received_at: dt.datetime | None
    last_received_at: dt.datetime | None
    joint: dict[int, JointHandling] = field(default_factory=dict)  # matter id → its joint handling

    @property
    def size(self) -> int:
        return len(self.matters)

    @property
    def joined(self) -> int:
        return len(self.joint)

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


CHART_HEIGHT = 32
CHART_BAR = 8
CHART_GAP = 2


def hot_issue_views(
    *, user: User, issues: list[HotIssue], analysis: HotIssueAnalysis, filters: HotIssueFilters
) -> list[HotIssueView]:
    """Everything a page shows of each group, read for all the groups of the page at once."""
    start, end = period_of(analysis, filters)
    visible = matters_in_view(user=user, analysis=analysis, filters=filters)
    members = (
        HotIssueMember.objects.filter(issue__in=issues, matter__in=visible.values("pk"))
        .select_related("matter__handling_org", "matter__concerned_org", "matter__similarity_signature")
        .order_by("-centrality", "-matter__received_at", "matter_id")
    )
    by_issue: dict[int, list[HotIssueMember]] = {}
    for member in members:
        by_issue.setdefault(member.issue_id, []).append(member)
    matter_ids = [m.matter_id for group in by_issue.values() for m in group]
    people = _petitioners(matter_ids)
    submissions = _submission_counts(matter_ids)
    joints = {
        jm.matter_id: jm.joint
        for jm in JointHandlingMember.objects.filter(matter_id__in=matter_ids).select_related("joint")
    }
    views = []
    for issue in issues:
        group = by_issue.get(issue.pk, [])
        matters = [m.matter for m in group]
        ids = [m.pk for m in matters]
        views.append(
            HotIssueView(
                issue=issue,
                matters=matters,
                label=matters[0].title if matters else issue.label,
                places=_shown(issue.place_list, matters),
                terms=_shown(issue.term_list, matters),
                petitioners=len(set().union(*(people.get(pk, set()) for pk in ids))) if ids else 0,
                submissions=sum(submissions.get(pk, (0, 0))[0] for pk in ids),
                visit_people=sum(submissions.get(pk, (0, 0))[1] for pk in ids),
                bars=trend([m.received_at for m in matters], start, end),
                bar_unit="week" if _weeks(start, end) <= MAX_WEEKS else "month",
                statuses=_statuses(matters),
                units=_units(matters),
                first_received_at=min((m.received_at for m in matters), default=None),
                last_received_at=max((m.received_at for m in matters), default=None),
                joint={pk: joints[pk] for pk in ids if pk in joints},
            )
        )
    return views


def _petitioners(matter_ids: list[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    rows = SubmissionPetitioner.objects.filter(submission__matter_id__in=matter_ids).values_list(
        "submission__matter_id", "petitioner_id"
    )
    for matter_id, petitioner_id in rows:
        out.setdefault(matter_id, set()).add(petitioner_id)
    return out


def _submission_counts(matter_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per matter: submissions, and person-visits (人次: the head counts of its visits)."""
    rows = (
        Submission.objects.filter(matter_id__in=matter_ids)
        .values("matter_id")
        .annotate(n=Count("pk"), people=Sum("head_count", filter=Q(channel=Channel.VISIT)))
        .values_list("matter_id", "n", "people")
    )
    return {matter_id: (n, people or 0) for matter_id, n, people in rows}


def _shown(words: list[str], matters: list[Matter]) -> list[str]:
    """Only what the reader's own matters say: a group's words may come from matters they cannot see."""
    texts = [text.normalize(f"{m.title}\n{m.content[: text.TEXT_LIMIT * 2]}") for m in matters]
    return [word.upper() for word in words if any(word in t for t in texts)]


def _weeks(start: dt.date, end: dt.date) -> int:
    return (end - start).days // 7 + 1


def trend(received: list[dt.datetime], start: dt.date, end: dt.date) -> list[Bar]:
    """Counts per week from the first day of the period (per month for long periods), as chart bars."""
    days = [timezone.localtime(at).date() for at in received]
    if _weeks(start, end) <= MAX_WEEKS:
        bars = [Bar(start=start + dt.timedelta(weeks=i), count=0) for i in range(_weeks(start, end))]
        for day in days:
            if start <= day <= end:
                bars[(day - start).days // 7].count += 1
    else:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        bars = [Bar(start=_add_months(start.replace(day=1), i), count=0) for i in range(months)]
        for day in days:
            if start <= day <= end:
                bars[(day.year - start.year) * 12 + day.month - start.month].count += 1
    peak = max((bar.count for bar in bars), default=0) or 1
    for i, bar in enumerate(bars):
        bar.x = i * (CHART_BAR + CHART_GAP)
        # A week with matters gets at least a visible sliver; an empty week a baseline only.
        bar.height = round(max(2.0, CHART_HEIGHT * bar.count / peak), 1) if bar.count else 0
    return bars


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


def _statuses(matters: list[Matter]) -> list[tuple[str, str, int]]:
    counts = Counter(m.status for m in matters)
    return [(status, str(Matter.Status(status).label), n) for status, n in counts.most_common()]


def _units(matters: list[Matter]) -> list[tuple[str, int]]:
    """The handling units, and the units or areas concerned, with how many matters each."""
    counts: Counter = Counter()
    for matter in matters:
        for org in {matter.handling_org, matter.concerned_org} - {None}:
            counts[org.display_name] += 1
    return counts.most_common(5)


def joint_handling_get(*, user: User, pk: int) -> JointHandling:
    """Raise JointHandling.DoesNotExist unless the user sees at least one of its matters."""
    joint = JointHandling.objects.select_related("lead_matter", "lead_org", "created_by", "hot_issue").get(
        pk=pk
    )
    if not joint.members.filter(matter__in=matters_visible_to(user=user).values("pk")).exists():
        raise JointHandling.DoesNotExist
    return joint


def joint_handling_members(*, user: User, joint: JointHandling) -> tuple[list[Matter], int]:
    """The member matters the user may see, lead first, and how many others there are."""
    visible = matters_visible_to(user=user).filter(joint_membership__joint=joint)
    matters = list(visible.select_related("handling_org", "receiving_org").order_by("received_at", "pk"))
    matters.sort(key=lambda m: m.pk != joint.lead_matter_id)
    hidden = joint.members.count() - len(matters)
    return matters, hidden


def joint_handling_of(*, matter: Matter) -> JointHandling | None:
    member = (
        JointHandlingMember.objects.filter(matter=matter)
        .select_related("joint__lead_matter", "joint__lead_org")
        .first()
    )
    return member.joint if member else None
