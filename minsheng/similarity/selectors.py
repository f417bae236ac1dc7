"""Finding the existing matters a submission is most likely about, among those the user may see.

Two sources of candidates, both read from indexed tables: every matter of the same petitioners, and the
matters sharing the most weight of distinctive bigrams in the inverted index. Each candidate is then
scored on its full text and on what else is known (see scoring.py).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Prefetch, prefetch_related_objects

from minsheng.accounts.models import User
from minsheng.petitions.models import Matter, Reply, Submission, SubmissionPetitioner
from minsheng.petitions.selectors import matters_visible_to

from . import text
from .index import matter_text, quantize
from .models import MatterTerm
from .scoring import Evidence, days_between, score

# How many postings of one term are read, how many matters the index returns, and how many of those
# are scored on their stored vectors.
POSTINGS_PER_TERM = 150
POOL = 200
RESCORE = 20
# Below this a candidate is not worth a registrar's attention, unless it is the same person's.
SHOW_THRESHOLD = 0.2


@dataclass(frozen=True)
class MatterProbe:
    """What is known of a submission before it is saved."""

    title: str
    content: str
    demands: str = ""
    place: str = ""
    petitioner_ids: tuple[int, ...] = ()
    concerned_org_id: int | None = None
    received_at: dt.datetime | None = None
    exclude_matter_ids: tuple[int, ...] = ()
    # Only matters received before this time (the evaluation replays messages in time order).
    received_before: dt.datetime | None = None


@dataclass
class Candidate:
    matter: Matter
    score: float
    reasons: list[str]
    text_similarity: float
    same_petitioner: bool
    shared_places: list[str] = field(default_factory=list)
    last_reply: Reply | None = None


def matter_candidates(
    *,
    user: User,
    probe: MatterProbe,
    limit: int = 10,
    only_closed: bool = False,
    threshold: float | None = None,
) -> list[Candidate]:
    body = matter_text(probe.title, probe.content, probe.demands)
    query_vector = text.vector(body)
    from_index, own = _candidate_ids(
        query_vector, petitioner_ids=probe.petitioner_ids, received_before=probe.received_before
    )
    excluded = set(probe.exclude_matter_ids)
    ids = own - excluded
    for pk in from_index:
        if len(ids) >= RESCORE + len(own):
            break
        if pk not in excluded:
            ids.add(pk)
    if not ids:
        return []
    visible = matters_visible_to(user=user).filter(pk__in=ids)
    if probe.received_before is not None:
        visible = visible.filter(received_at__lt=probe.received_before)
    if only_closed:
        visible = visible.filter(status__in=CLOSED_STATUSES)
    # The candidates as whole matters with what the page shows of them, and their stored vectors: one
    # query, since the few shown are among them.
    rows = list(
        visible.select_related("handling_org", "receiving_org").annotate(
            signature_places=F("similarity_signature__places"),
            signature_vector=F("similarity_signature__vector"),
        )
    )
    query_places = text.places(f"{probe.place}\n{body}")
    query_title = text.vector(probe.title)
    floor = SHOW_THRESHOLD if threshold is None else threshold
    scored = []
    for matter in rows:
        text_similarity = text.cosine(query_vector, text.unpack(matter.signature_vector or ""))
        # `own` holds every matter with a submission by one of the probe's petitioners.
        same_person = matter.pk in own
        result = score(
            Evidence(
                text_similarity=text_similarity,
                title_similarity=text.cosine(query_title, text.vector(matter.title)),
                same_petitioner=same_person,
                query_places=query_places,
                candidate_places=set((matter.signature_places or "").split()),
                same_unit=bool(probe.concerned_org_id and probe.concerned_org_id == matter.concerned_org_id),
                days_apart=days_between(probe.received_at, matter.received_at),
            )
        )
        if result.value >= floor or same_person:
            scored.append((result, text_similarity, same_person, matter))
    scored.sort(key=lambda item: (-item[0].value, -item[3].pk))
    scored = scored[:limit]
    _with_latest_replies([matter for *_, matter in scored])
    return [
        Candidate(
            matter=matter,
            score=round(result.value, 3),
            reasons=result.reasons,
            text_similarity=round(text_similarity, 3),
            same_petitioner=same_person,
            shared_places=result.shared_places,
            last_reply=matter.latest_replies[0] if matter.latest_replies else None,
        )
        for result, text_similarity, same_person, matter in scored
    ]


CLOSED_STATUSES = (
    Matter.Status.CLOSED,
    Matter.Status.FINAL,
)
# The statuses a matter has once answered in writing (a reply, review or recheck opinion; imported
# matters with their official reply are closed).
ANSWERED_STATUSES = frozenset(
    {
        Matter.Status.REPLIED,
        Matter.Status.REVIEW_REQUESTED,
        Matter.Status.REVIEWED,
        Matter.Status.RECHECK_REQUESTED,
        Matter.Status.FINAL,
        Matter.Status.CLOSED,
    }
)


def similar_closed_matters(*, user: User, matter: Matter, limit: int = 5) -> list[Candidate]:
    """Closed matters most like this one, with their replies: worked examples for the handler."""
    probe = MatterProbe(
        title=matter.title,
        content=matter.content,
        demands=matter.demands,
        place=matter.place,
        concerned_org_id=matter.concerned_org_id,
        exclude_matter_ids=(matter.pk,),
    )
    return matter_candidates(user=user, probe=probe, limit=limit, only_closed=True, threshold=0.15)


def _candidate_ids(
    query_vector: dict[str, float], *, petitioner_ids, received_before: dt.datetime | None
) -> tuple[list[int], set[int]]:
    """The matters sharing the most weight of the query's distinctive bigrams, best first, and every
    matter of the same petitioners — in one round trip, which is what a check on PostgreSQL waits for.

    Each term's postings are read heaviest first and at most POSTINGS_PER_TERM of them, so the work is
    bounded whatever the number of matters: a term in a hundred thousand matters contributes the
    matters it matters most to, and the matters sharing several terms with the query still add up."""
    parts: list[str] = []
    params: list = []
    terms = text.top_terms(query_vector, text.QUERY_TERMS)
    if terms:
        index_sql, index_params = _index_sql(terms, received_before=received_before)
        parts.append(f"SELECT matter_id, 0 AS own, score FROM ({index_sql}) AS ranked")
        params += index_params
    if petitioner_ids:
        links, submissions = SubmissionPetitioner._meta.db_table, Submission._meta.db_table
        placeholders = ", ".join(["%s"] * len(petitioner_ids))
        parts.append(
            f"SELECT s.matter_id, 1 AS own, 0 AS score FROM {links} x JOIN {submissions} s "
            f"ON s.id = x.submission_id WHERE x.petitioner_id IN ({placeholders})"
        )
        params += list(petitioner_ids)
    if not parts:
        return [], set()
    sql = " UNION ALL ".join(parts) + " ORDER BY own, score DESC, matter_id DESC"
    ranked: list[int] = []
    own: set[int] = set()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for matter_id, is_own, _score in cursor.fetchall():
            if is_own:
                own.add(matter_id)
            else:
                ranked.append(matter_id)
    return ranked, own


def _index_sql(terms: list[tuple[str, float]], *, received_before: dt.datetime | None) -> tuple[str, list]:
    table = MatterTerm._meta.db_table
    # The overlap is summed and ranked by the database: it returns POOL rows instead of every posting.
    # Weights are integers, so the sums, and the order (heaviest, then newest id), are exact.
    if received_before is None:
        part = (
            f"SELECT matter_id, weight * %s AS share FROM {table} WHERE term = %s "
            "ORDER BY weight DESC LIMIT %s"
        )
    else:
        part = (
            f"SELECT t.matter_id, t.weight * %s AS share FROM {table} t JOIN {Matter._meta.db_table} m "
            "ON m.id = t.matter_id AND m.received_at < %s WHERE t.term = %s ORDER BY t.weight DESC LIMIT %s"
        )
    postings = " UNION ALL ".join(f"SELECT * FROM ({part}) AS p{i}" for i in range(len(terms)))
    sql = (
        f"SELECT matter_id, SUM(share) AS score FROM ({postings}) AS postings GROUP BY matter_id "
        "ORDER BY score DESC, matter_id DESC LIMIT %s"
    )
    params: list = []
    for gram, weight in terms:
        params.append(quantize(weight))
        if received_before is not None:
            params.append(received_before)
        params += [text.term_id(gram), POSTINGS_PER_TERM]
    params.append(POOL)
    return sql, params


def _with_latest_replies(matters: list[Matter]) -> None:
    """Sets `latest_replies` (newest first) on each matter. Only a matter past its reply can have one:
    most candidates at intake are still open, and the replies' query is skipped when none is."""
    answered = [matter for matter in matters if matter.status in ANSWERED_STATUSES]
    replies = Reply.objects.select_related("organisation").order_by("-replied_at", "-pk")
    prefetch_related_objects(answered, Prefetch("replies", queryset=replies, to_attr="latest_replies"))
    for matter in matters:
        if matter.status not in ANSWERED_STATUSES:
            matter.latest_replies = []
