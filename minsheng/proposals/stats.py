"""Figures of one session's proposals: received, admitted, by unit, on-time replies, grades, satisfaction.

One function computes them (`session_statistics`); the page, the Excel workbook and the API show the
same numbers. Counted as follows:
- received: every proposal of the session that reached the office (co-signing still open excluded);
- admitted: proposals given a number (立案), whatever happened after; not admitted / converted by status;
- a reply is on time when it was sent no later than the proposal's handling deadline (its due date,
  extensions included); a re-handled proposal's second answer is measured against its new deadline;
- grades and satisfaction count each proposal once, by its current grade and its latest rating.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record

from .models import Assignment, Proposal, ProposalSession, Reply
from .permissions import is_office

ADMITTED_STATUSES = (
    Proposal.Status.ADMITTED,
    Proposal.Status.ASSIGNED,
    Proposal.Status.REPLIED,
    Proposal.Status.REHANDLING,
    Proposal.Status.CLOSED,
)


def can_see_statistics(user) -> bool:
    """The proposal office, administrators and the city's leaders."""
    from minsheng.accounts.models import Role

    return is_office(user) or bool(user and user.is_authenticated and user.has_role(Role.LEADER))


@dataclass
class UnitRow:
    unit_id: int
    unit: str
    lead: int = 0
    co: int = 0
    separate: int = 0
    replies: int = 0
    on_time: int = 0
    overdue_open: int = 0

    @property
    def total(self) -> int:
        return self.lead + self.co + self.separate

    @property
    def on_time_rate(self) -> float | None:
        return round(self.on_time * 100 / self.replies, 1) if self.replies else None


@dataclass
class SessionStatistics:
    session: ProposalSession
    generated_at: dt.datetime
    received: int = 0
    admitted: int = 0
    not_admitted: int = 0
    converted: int = 0
    key: int = 0
    pending_review: int = 0
    replied: int = 0
    replied_on_time: int = 0
    closed: int = 0
    published: int = 0
    grades: dict = field(default_factory=dict)  # "A" → count
    ratings: dict = field(default_factory=dict)  # "satisfied" → count
    units: list[UnitRow] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        return round(self.replied_on_time * 100 / self.replied, 1) if self.replied else None

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfaction_rate(self) -> float | None:
        """满意 and 基本满意 over every rating."""
        if not self.rated:
            return None
        good = self.ratings.get(Proposal.Rating.SATISFIED, 0) + self.ratings.get(
            Proposal.Rating.BASICALLY_SATISFIED, 0
        )
        return round(good * 100 / self.rated, 1)

    def as_dict(self) -> dict:
        return {
            "session": {"id": self.session.pk, "name": self.session.name},
            "generated_at": self.generated_at.isoformat(),
            "received": self.received,
            "admitted": self.admitted,
            "not_admitted": self.not_admitted,
            "converted": self.converted,
            "key": self.key,
            "pending_review": self.pending_review,
            "replied": self.replied,
            "replied_on_time": self.replied_on_time,
            "on_time_rate": self.on_time_rate,
            "closed": self.closed,
            "published": self.published,
            "grades": {g.value: self.grades.get(g.value, 0) for g in Proposal.Grade},
            "ratings": {r.value: self.ratings.get(r.value, 0) for r in Proposal.Rating},
            "satisfaction_rate": self.satisfaction_rate,
            "units": [
                {
                    "unit_id": row.unit_id,
                    "unit": row.unit,
                    "lead": row.lead,
                    "co": row.co,
                    "separate": row.separate,
                    "total": row.total,
                    "replies": row.replies,
                    "on_time": row.on_time,
                    "on_time_rate": row.on_time_rate,
                    "overdue_open": row.overdue_open,
                }
                for row in self.units
            ],
        }


def current_session() -> ProposalSession | None:
    return ProposalSession.objects.filter(is_current=True).first() or ProposalSession.objects.first()


def session_statistics(*, user, session: ProposalSession) -> SessionStatistics:
    if not can_see_statistics(user):
        raise PermissionDenied(_("只有提案委、领导或管理员可以查看提案统计"))
    today = timezone.localdate()
    proposals = Proposal.objects.filter(session=session).exclude(status=Proposal.Status.COSIGNING)
    S = Proposal.Status
    figures = proposals.aggregate(
        received=Count("pk"),
        admitted=Count("pk", filter=Q(status__in=ADMITTED_STATUSES)),
        not_admitted=Count("pk", filter=Q(status=S.NOT_ADMITTED)),
        converted=Count("pk", filter=Q(status=S.CONVERTED)),
        key=Count("pk", filter=Q(is_key=True)),
        pending_review=Count("pk", filter=Q(status=S.SUBMITTED)),
        closed=Count("pk", filter=Q(status=S.CLOSED)),
        published=Count("pk", filter=Q(published_at__isnull=False)),
    )
    stats = SessionStatistics(session=session, generated_at=timezone.now(), **figures)

    replied = proposals.filter(replied_at__isnull=False)
    stats.replied = replied.count()
    stats.replied_on_time = sum(
        1 for at, due in replied.values_list("replied_at", "due_on") if due and timezone.localdate(at) <= due
    )
    stats.grades = dict(
        proposals.exclude(grade="")
        .order_by()
        .values_list("grade")
        .annotate(n=Count("pk"))
        .values_list("grade", "n")
    )
    stats.ratings = dict(
        proposals.exclude(rating="")
        .order_by()
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    stats.units = _unit_rows(session, today)
    return stats


def _unit_rows(session: ProposalSession, today: dt.date) -> list[UnitRow]:
    rows: dict[int, UnitRow] = {}
    assignments = Assignment.objects.filter(
        proposal__session=session, withdrawn_at__isnull=True
    ).select_related("unit", "proposal")
    role_field = {
        Assignment.Role.LEAD: "lead",
        Assignment.Role.CO: "co",
        Assignment.Role.SEPARATE: "separate",
    }
    for a in assignments:
        row = rows.setdefault(a.unit_id, UnitRow(unit_id=a.unit_id, unit=a.unit.name))
        setattr(row, role_field[a.role], getattr(row, role_field[a.role]) + 1)
        p = a.proposal
        if (
            a.role != Assignment.Role.CO
            and p.status in Proposal.HANDLING_STATUSES
            and p.due_on
            and p.due_on < today
            and not p.replies.filter(unit_id=a.unit_id, round=p.round, sent_at__isnull=False).exists()
        ):
            row.overdue_open += 1
    sent = Reply.objects.filter(proposal__session=session, sent_at__isnull=False).select_related(
        "proposal", "unit"
    )
    for reply in sent:
        row = rows.setdefault(reply.unit_id, UnitRow(unit_id=reply.unit_id, unit=reply.unit.name))
        row.replies += 1
        due = reply.proposal.due_on
        if due and timezone.localdate(reply.sent_at) <= due:
            row.on_time += 1
    return sorted(rows.values(), key=lambda r: (-r.total, r.unit))


@transaction.atomic
def statistics_export_record(*, actor, stats: SessionStatistics, file_format: str, request=None) -> None:
    """Exports go to the audit log (who took which figures out of the system, and when)."""
    audit_record(
        action=AuditEntry.Action.EXPORT,
        actor=actor,
        obj=stats.session,
        detail={"what": "proposal_statistics", "format": file_format},
        request=request,
    )
