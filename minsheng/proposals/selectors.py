"""Reads of proposals, always scoped to what the user may see.

The office sees every proposal; a member their own and those they were asked to co-sign; a unit's
handlers those assigned to their unit (or forwarded to it as an opinion); leaders every proposal that
left the co-signing stage. The proposer's phone and address are for the office and the units still
assigned (`sees_personal_data`), never for the public page.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, CharField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from minsheng.accounts.models import Role, User
from minsheng.similarity import text as similarity_text

from .models import Assignment, CoHandlingView, Cosigner, Proposal, ProposalEvent, ProposalSession, Reply
from .permissions import is_member, is_office
from .services.one_matter import OneMatterCheck, one_matter_check  # noqa: F401  (a pure read for pages)

Status = Proposal.Status


def proposals_visible_to(*, user: User) -> QuerySet[Proposal]:
    proposals = Proposal.objects.select_related("session", "proposer")
    if not (user and user.is_authenticated and user.is_active):
        return proposals.none()
    if is_office(user):
        return proposals
    if is_member(user):
        cosigned = Cosigner.objects.filter(member=user).values("proposal")
        return proposals.filter(Q(proposer=user) | Q(pk__in=cosigned))
    if user.role == Role.LEADER:
        return proposals.exclude(status=Status.COSIGNING)
    if user.role == Role.HANDLER and user.organisation_id:
        assigned = Assignment.objects.filter(unit_id=user.organisation_id).values("proposal")
        return proposals.filter(Q(pk__in=assigned) | Q(converted_to_id=user.organisation_id))
    return proposals.none()


def proposal_get(*, user: User, pk: int) -> Proposal:
    """One visible proposal, or Proposal.DoesNotExist (pages and the API turn it into 404)."""
    return proposals_visible_to(user=user).get(pk=pk)


def sees_personal_data(*, user: User, proposal: Proposal) -> bool:
    """The proposer's phone and address: the proposer, the office, and units currently assigned."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_office(user) or proposal.proposer_id == user.pk:
        return True
    return (
        user.role == Role.HANDLER
        and proposal.assignments.filter(unit_id=user.organisation_id, withdrawn_at__isnull=True).exists()
    )


def with_deadline_state(proposals: QuerySet[Proposal], *, today: dt.date | None = None) -> QuerySet[Proposal]:
    """Annotate `deadline_state` (overdue / due_soon / on_time / "") for proposals being handled."""
    today = today or timezone.localdate()
    soon = today + dt.timedelta(days=settings.DEADLINE_DUE_SOON_DAYS)
    handling = Q(status__in=Proposal.HANDLING_STATUSES, due_on__isnull=False)
    return proposals.annotate(
        deadline_state=Case(
            When(handling & Q(due_on__lt=today), then=Value("overdue")),
            When(handling & Q(due_on__lte=soon), then=Value("due_soon")),
            When(handling, then=Value("on_time")),
            default=Value(""),
            output_field=CharField(),
        )
    )


@dataclass(frozen=True)
class ProposalFilters:
    session: ProposalSession | None = None
    status: str = ""
    deadline_state: str = ""
    key_only: bool = False
    text: str = ""


def proposal_list(*, user: User, filters: ProposalFilters | None = None) -> QuerySet[Proposal]:
    filters = filters or ProposalFilters()
    proposals = with_deadline_state(proposals_visible_to(user=user))
    if filters.session is not None:
        proposals = proposals.filter(session=filters.session)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.deadline_state:
        proposals = proposals.filter(deadline_state=filters.deadline_state)
    if filters.key_only:
        proposals = proposals.filter(is_key=True)
    if filters.text.strip():
        words = filters.text.strip()[:50]
        proposals = proposals.filter(Q(title__icontains=words) | Q(proposer_name__icontains=words))
    return proposals.order_by("-submitted_at", "-pk")


def office_inbox(*, user: User) -> QuerySet[Proposal]:
    """What waits for the office: proposals to review and proposals without an answering unit."""
    if not is_office(user):
        return Proposal.objects.none()
    return (
        proposals_visible_to(user=user)
        .filter(status__in=(Status.SUBMITTED, Status.ADMITTED))
        .order_by("submitted_at", "pk")
    )


def unit_assignments(*, user: User, active_only: bool = True) -> QuerySet[Assignment]:
    """The assignments of the user's own unit, newest first, with their proposals."""
    if not (user and user.is_authenticated and user.role == Role.HANDLER and user.organisation_id):
        return Assignment.objects.none()
    assignments = Assignment.objects.filter(unit_id=user.organisation_id).select_related(
        "proposal", "proposal__session", "unit"
    )
    if active_only:
        assignments = assignments.filter(withdrawn_at__isnull=True)
    return assignments.order_by("-assigned_at", "-pk")


def cosign_invitations(*, user: User) -> QuerySet[Cosigner]:
    """A member's co-signing requests still waiting for an answer."""
    if not is_member(user):
        return Cosigner.objects.none()
    return (
        Cosigner.objects.filter(
            member=user, answer=Cosigner.Answer.PENDING, proposal__status=Status.COSIGNING
        )
        .select_related("proposal", "proposal__session", "proposal__proposer")
        .order_by("proposal__cosign_deadline", "pk")
    )


def proposals_to_rate(*, user: User) -> QuerySet[Proposal]:
    if not is_member(user):
        return Proposal.objects.none()
    return Proposal.objects.filter(proposer=user, status=Status.REPLIED).select_related("session")


def proposal_timeline(*, proposal: Proposal) -> QuerySet[ProposalEvent]:
    """The caller has found the proposal visible."""
    return proposal.events.select_related("actor", "organisation").order_by("at", "pk")


def cohandling_views(*, proposal: Proposal) -> QuerySet[CoHandlingView]:
    return CoHandlingView.objects.filter(assignment__proposal=proposal).select_related("assignment__unit")


def sent_replies(*, proposal: Proposal) -> QuerySet[Reply]:
    return proposal.replies.filter(sent_at__isnull=False).select_related("unit").order_by("round", "pk")


def public_proposals() -> QuerySet[Proposal]:
    """Closed and published proposals, for the page without login. Callers show no phone or address."""
    return (
        Proposal.objects.filter(status=Status.CLOSED, published_at__isnull=False)
        .select_related("session")
        .prefetch_related(Prefetch("replies", queryset=Reply.objects.filter(sent_at__isnull=False)))
        .order_by("-published_at", "-pk")
    )


def current_session() -> ProposalSession | None:
    return ProposalSession.objects.filter(is_current=True).first()


@dataclass(frozen=True)
class SimilarProposal:
    proposal: Proposal
    score: float
    replies: list[Reply]


# Below this cosine two texts share too little to be "the same subject" for a member writing one.
SIMILAR_MIN_SCORE = 0.15
SIMILAR_CANDIDATES = 2000


def similar_proposals(
    *, title: str, reason: str = "", user: User | None = None, exclude_pk: int | None = None, limit: int = 5
) -> list[SimilarProposal]:
    """Earlier proposals on the same subject, with their sent replies, most similar first.

    Compared by weighted character bigrams and cosine (the vectors of petition matching). Candidates
    are the admitted proposals the user may see plus every published one; the newest
    SIMILAR_CANDIDATES are scored, enough for many sessions of a city CPPCC."""
    query = similarity_text.vector(f"{title}\n{title}\n{reason}")
    if not query:
        return []
    admitted = Q(number__isnull=False)
    published = Q(published_at__isnull=False)
    candidates = Proposal.objects.filter(published)
    if user is not None:
        visible = proposals_visible_to(user=user).filter(admitted).values("pk")
        candidates = Proposal.objects.filter(published | Q(pk__in=visible))
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    rows = list(candidates.select_related("session").order_by("-submitted_at", "-pk")[:SIMILAR_CANDIDATES])
    scored = []
    for proposal in rows:
        vector = similarity_text.vector(f"{proposal.title}\n{proposal.title}\n{proposal.reason}")
        score = similarity_text.cosine(query, vector)
        if score >= SIMILAR_MIN_SCORE:
            scored.append((score, proposal))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].pk))
    top = scored[:limit]
    replies: dict[int, list[Reply]] = {}
    for reply in Reply.objects.filter(proposal__in=[p for _s, p in top], sent_at__isnull=False).order_by(
        "round", "pk"
    ):
        replies.setdefault(reply.proposal_id, []).append(reply)
    return [SimilarProposal(proposal=p, score=round(s, 3), replies=replies.get(p.pk, [])) for s, p in top]
