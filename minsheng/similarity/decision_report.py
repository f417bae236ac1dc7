"""How the intake check does in use, read from what registrars chose (MatchDecision). Reads only.

The labelled evaluation (bench/match_eval.py) measures the matcher on messages we labelled; the
decisions measure it on the city's own submissions, judged by the registrars who knew the people:

- an attached submission (repeat or joint) whose matter was the check's first candidate is a hit at 1,
  one among the first five a hit at 5, and one not shown at all is a miss (the registrar found the
  matter another way — by search, or in the person's list);
- a new matter opened although the first candidate scored high is worth a second look: either the
  check raised a false alarm or the registrar missed a repeat (and with it Art 19 or Art 36).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from .check import RULE_MATCH_THRESHOLD
from .models import MatchDecision

TOP = 5


@dataclass
class Tally:
    decisions: int = 0
    attached: int = 0
    new: int = 0
    first: int = 0
    top5: int = 0
    not_shown: int = 0
    new_despite_strong: int = 0

    def add(self, decision: dict, strong: float) -> None:
        self.decisions += 1
        if decision["choice"] == MatchDecision.Choice.NEW:
            self.new += 1
            self.new_despite_strong += _top_score(decision) >= strong
            return
        self.attached += 1
        rank = decision["chosen_rank"]
        self.first += rank == 1
        self.top5 += rank is not None and rank <= TOP
        self.not_shown += rank is None

    def as_dict(self) -> dict:
        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None

        return {
            "decisions": self.decisions,
            "attached": self.attached,
            "new": self.new,
            "precision@1": share(self.first, self.attached),
            f"recall@{TOP}": share(self.top5, self.attached),
            "attached_not_shown": self.not_shown,
            "new_despite_strong_candidate": self.new_despite_strong,
        }


@dataclass
class DecisionReport:
    since: dt.date | None
    until: dt.date | None
    strong: float
    total: Tally = field(default_factory=Tally)
    by_month: dict[str, Tally] = field(default_factory=dict)
    # For review, newest first: (submission id, matter number) of the attached matters the check did not
    # show, and of the new matters opened despite a strong first candidate.
    misses: list[tuple[int, str]] = field(default_factory=list)
    doubtful_new: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "strong_score": self.strong,
            **self.total.as_dict(),
            "by_month": {month: tally.as_dict() for month, tally in sorted(self.by_month.items())},
        }


def match_decisions_between(*, since: dt.date | None = None, until: dt.date | None = None) -> QuerySet:
    """Decisions taken on the days from `since` to `until` (both included; local dates)."""
    decisions = MatchDecision.objects.all()
    zone = timezone.get_current_timezone()
    if since:
        decisions = decisions.filter(decided_at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=zone))
    if until:
        end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        decisions = decisions.filter(decided_at__lt=end)
    return decisions


def match_decisions_report(
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    strong: float = RULE_MATCH_THRESHOLD,
    listed: int = 20,
) -> DecisionReport:
    report = DecisionReport(since=since, until=until, strong=strong)
    rows = (
        match_decisions_between(since=since, until=until)
        .order_by("-decided_at", "-pk")
        .values(
            "submission_id", "submission__matter__number", "choice", "chosen_rank", "candidates", "decided_at"
        )
    )
    for row in rows.iterator(chunk_size=2000):
        month = timezone.localtime(row["decided_at"]).strftime("%Y-%m")
        report.total.add(row, strong)
        report.by_month.setdefault(month, Tally()).add(row, strong)
        if row["choice"] != MatchDecision.Choice.NEW and row["chosen_rank"] is None:
            listing = report.misses
        elif row["choice"] == MatchDecision.Choice.NEW and _top_score(row) >= strong:
            listing = report.doubtful_new
        else:
            continue
        if len(listing) < listed:
            listing.append((row["submission_id"], row["submission__matter__number"]))
    return report


def _top_score(decision: dict) -> float:
    return max((item.get("score", 0) for item in decision["candidates"] or []), default=0.0)
