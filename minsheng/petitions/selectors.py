"""Reads of petitions, always scoped to what the user may see (属地管理、分级负责)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from minsheng.accounts.models import Organisation, User
from minsheng.accounts.selectors import organisations_in_scope
from minsheng.calendars.deadlines import DUE_SOON, ON_TIME, OVERDUE
from minsheng.lib import crypto, idnumber, phone

from . import matching
from .models import (
    Attachment,
    Category,
    Matter,
    MatterEvent,
    Nature,
    Notice,
    Petitioner,
    Submission,
    SubmissionPetitioner,
)
from .permissions import can_register, sees_all_accusations


def matters_visible_to(*, user: User) -> QuerySet[Matter]:
    """Matters received by, handled by or concerning an organisation in the user's scope."""
    matters = Matter.objects.all()
    if not user.is_authenticated:
        return matters.none()
    if not _sees_whole_tree(user):
        # A literal list of ids (tens of organisations) lets the database use the per-organisation
        # indexes for each branch of the OR; a subquery would force a scan of every matter.
        scope = list(organisations_in_scope(user=user).values_list("pk", flat=True))
        matters = matters.filter(
            Q(receiving_org__in=scope) | Q(handling_org__in=scope) | Q(concerned_org__in=scope)
        )
    if not sees_all_accusations(user):
        matters = matters.exclude(nature=Nature.ACCUSATION)
    return matters


def _sees_whole_tree(user: User) -> bool:
    if user.is_superuser:
        return True
    if user.organisation_id is None:
        return False
    scope_path = user.organisation.scope_path
    # The bureau of a city whose tree is the only one in this installation sees every matter.
    return (
        scope_path.count("/") == 2
        and not Organisation.objects.filter(parent__isnull=True).exclude(path=scope_path).exists()
    )


@dataclass(frozen=True)
class MatterFilters:
    status: str = ""
    organisation: Organisation | None = None
    category: Category | None = None
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""
    deadline_state: str = ""
    sort: str = "-received_at"


MATTER_SORTS = {
    "-received_at": ("-received_at", "-pk"),
    "received_at": ("received_at", "pk"),
    "number": ("number_prefix", "number_year", "number_seq"),
    "-number": ("-number_prefix", "-number_year", "-number_seq"),
    "due_on": ("due_on", "-received_at"),
    "status": ("status", "-received_at"),
}


def matter_list(*, user: User, filters: MatterFilters) -> QuerySet[Matter]:
    matters = matters_visible_to(user=user)
    if filters.status:
        matters = matters.filter(status=filters.status)
    if filters.organisation is not None:
        subtree = list(
            Organisation.objects.filter(path__startswith=filters.organisation.path).values_list(
                "pk", flat=True
            )
        )
        matters = matters.filter(
            Q(receiving_org__in=subtree) | Q(handling_org__in=subtree) | Q(concerned_org__in=subtree)
        )
    if filters.category is not None:
        matters = matters.filter(category__in=category_subtree_ids(filters.category))
    if filters.channel:
        matters = matters.filter(
            pk__in=Submission.objects.filter(channel=filters.channel).values("matter_id")
        )
    # Bounds as local midnights, so the indexed column is compared directly rather than through a
    # per-row date conversion.
    if filters.received_from:
        matters = matters.filter(received_at__gte=_local_midnight(filters.received_from))
    if filters.received_to:
        matters = matters.filter(received_at__lt=_local_midnight(filters.received_to + dt.timedelta(days=1)))
    text = filters.text.strip()
    if text:
        matters = matters.filter(
            # contains, not icontains: Chinese has no case, and PostgreSQL's UPPER() on every row
            # would triple the cost of the scan. (SQLite's LIKE still ignores ASCII case.)
            Q(number__contains=text)
            | Q(title__contains=text)
            | Q(content__contains=text)
            | Q(demands__contains=text)
        )
    matters = with_deadline_state(matters)
    if filters.deadline_state:
        matters = matters.filter(deadline_state=filters.deadline_state)
    order = MATTER_SORTS.get(filters.sort, MATTER_SORTS["-received_at"])
    return matters.select_related("receiving_org", "handling_org", "concerned_org", "category").order_by(
        *order
    )


def with_deadline_state(matters: QuerySet[Matter]) -> QuerySet[Matter]:
    """On time / due soon / overdue, derived from the current deadline when the list is read."""
    today = timezone.localdate()
    soon = today + dt.timedelta(days=settings.DEADLINE_DUE_SOON_DAYS)
    return matters.annotate(
        deadline_state=Case(
            When(due_on__isnull=True, then=Value("")),
            When(due_on__lt=today, then=Value(OVERDUE)),
            When(due_on__lte=soon, then=Value(DUE_SOON)),
            default=Value(ON_TIME),
            output_field=CharField(),
        )
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def category_subtree_ids(category: Category) -> list[int]:
    ids, frontier = [category.pk], [category.pk]
    while frontier:
        frontier = list(Category.objects.filter(parent__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def matter_get(*, user: User, pk: int) -> Matter:
    """Raise Matter.DoesNotExist for matters that do not exist or that the user may not see."""
    return (
        with_deadline_state(matters_visible_to(user=user))
        .select_related("receiving_org", "handling_org", "concerned_org", "category", "registered_by")
        .get(pk=pk)
    )


def matter_get_by_number(*, user: User, number: str) -> Matter:
    return matters_visible_to(user=user).get(number=number.strip())


def matter_submissions(*, matter: Matter) -> QuerySet[Submission]:
    links = SubmissionPetitioner.objects.select_related("petitioner").order_by("-is_representative", "pk")
    return (
        matter.submissions.select_related("receiving_org", "registered_by", "concerned_org", "category")
        .prefetch_related(Prefetch("submissionpetitioner_set", queryset=links, to_attr="petitioner_links"))
        .order_by("received_at", "pk")
    )


def matter_events(*, matter: Matter) -> QuerySet[MatterEvent]:
    return matter.events.select_related("actor", "organisation").order_by("at", "pk")


def matter_attachments(*, matter: Matter) -> QuerySet[Attachment]:
    return matter.attachments.select_related("uploaded_by").order_by("uploaded_at", "pk")


def matter_petitioners(*, matter: Matter) -> QuerySet[Petitioner]:
    return Petitioner.objects.filter(submissions__matter=matter).distinct().order_by("name", "pk")


def attachment_get(*, user: User, pk: int) -> Attachment:
    return Attachment.objects.select_related("matter").get(
        pk=pk, matter__in=matters_visible_to(user=user).values("pk")
    )


# Typed input longer than this is cut before anything is computed from it: no name or address is
# longer, and a pasted page must not cost more than a name.
SEARCH_INPUT_MAX = 200
# Each indexed key contributes at most this many people; the union (a few hundred at most) is what
# is ranked in Python, whatever the number of petitioners.
CANDIDATES_PER_KEY = 100


def petitioner_search(
    *,
    user: User,
    query: str = "",
    name: str = "",
    address: str = "",
    id_number: str = "",
    phone_number: str = "",
    limit: int = 8,
) -> list[Petitioner]:
    """Candidates while a registrar types, best first, each with `match_score` (0–100) and
    `match_reasons` (labels such as 身份证号一致, 姓名同音, 住址相近).

    `query` is the field being typed, read as an ID number, a phone number or a name by its form
    (as before); `name`, `address`, `id_number` and `phone_number` are the row's other fields, so
    that a name with a matching address ranks above the name alone. ID and phone numbers match only
    whole, through their keyed hashes; names by the keys of petitions.matching.
    """
    if not can_register(user):
        return []
    query, name, address, id_number, phone_number = (
        _clean_input(v) for v in (query, name, address, id_number, phone_number)
    )
    id_hash = phone_hash = None
    typed_name = name
    if query:
        id_candidate, phone_candidate = idnumber.normalize(query), phone.normalize(query)
        if idnumber.is_valid(id_candidate):
            id_hash = crypto.lookup_hash(id_candidate)
        elif phone_candidate.isdigit() and len(phone_candidate) >= 7:
            phone_hash = crypto.lookup_hash(phone_candidate)
        elif not query.isdigit():
            typed_name = query
    if id_hash is None and idnumber.is_valid(idnumber.normalize(id_number)):
        id_hash = crypto.lookup_hash(idnumber.normalize(id_number))
    phone_candidate = phone.normalize(phone_number)
    if phone_hash is None and phone_candidate.isdigit() and len(phone_candidate) >= 7:
        phone_hash = crypto.lookup_hash(phone_candidate)
    if typed_name.isdigit():
        typed_name = ""
    typed = matching.Typed.of(name=typed_name, address=address)
    if id_hash is None and phone_hash is None and not typed.name:
        return []

    pks = _candidate_pks(typed=typed, id_hash=id_hash, phone_hash=phone_hash)
    if not pks:
        return []
    people = Petitioner.objects.filter(pk__in=pks)
    if not sees_all_accusations(user):
        # Registrars match people city-wide to avoid duplicates, but someone known only as an
        # accuser must not surface at a unit that may be the one accused.
        people = people.filter(
            Exists(
                SubmissionPetitioner.objects.filter(petitioner=OuterRef("pk")).exclude(
                    submission__matter__nature=Nature.ACCUSATION
                )
            )
        )
    return _ranked(people, typed=typed, id_hash=id_hash, phone_hash=phone_hash, limit=limit)


def _ranked(
    people: QuerySet[Petitioner],
    *,
    typed: matching.Typed,
    id_hash: str | None,
    phone_hash: str | None,
    limit: int,
) -> list[Petitioner]:
    """Score the candidates from their keys alone; whole rows are loaded only for the few shown.
    Equal scores go to the person with more matters, as the name-prefix list always did."""
    rows = (
        people.annotate(
            matter_count=Count("submissions__matter", distinct=True),
            visit_count=Count("submissions", filter=Q(submissions__channel="visit"), distinct=True),
        )
        .order_by()
        .values_list(
            "pk",
            "name",
            "name_key",
            "name_pinyin",
            "name_sound",
            "address_key",
            "id_number_hash",
            "phone_hash",
            "matter_count",
            "visit_count",
        )
    )
    ranked = []
    for pk, person_name, name_key, pinyin, sound, address_key, id_h, phone_h, matters, visits in rows:
        match = matching.score(
            typed,
            matching.Candidate(
                name_key=name_key,
                name_pinyin=pinyin,
                name_sound=sound,
                address_key=address_key,
                id_number_matches=id_hash is not None and id_h == id_hash,
                phone_matches=phone_hash is not None and phone_h == phone_hash,
                has_other_id_number=id_hash is not None and id_h not in (None, id_hash),
            ),
        )
        if match is not None:
            ranked.append((-match.score, -matters, person_name, pk, match, visits))
    ranked.sort(key=lambda r: r[:4])
    ranked = ranked[:limit]
    loaded = Petitioner.objects.in_bulk([r[3] for r in ranked])
    found = []
    for _, minus_matters, _, pk, match, visits in ranked:
        person = loaded[pk]
        person.match_score, person.match_reasons = match.score, match.labels
        person.matter_count, person.visit_count = -minus_matters, visits
        found.append(person)
    return found


def _clean_input(value: str) -> str:
    # Control characters (NUL among them, which PostgreSQL refuses in a string) never belong here.
    text = (value or "")[:SEARCH_INPUT_MAX]
    return "".join(c for c in text if c >= " " and c != "\x7f").strip()


def _candidate_pks(*, typed: matching.Typed, id_hash: str | None, phone_hash: str | None) -> set[int]:
    """The people worth ranking, each set found through an index and capped.

    Unordered on purpose: an ORDER BY (Petitioner's default is by name) makes PostgreSQL walk a
    whole index when a prefix is common, where without one it stops after the cap."""
    people = Petitioner.objects.order_by()
    sets = []
    if id_hash:
        sets.append(people.filter(id_number_hash=id_hash))
    if phone_hash:
        sets.append(people.filter(phone_hash=phone_hash))
    name = typed.name
    if name:
        sound = " ".join(typed.sound)
        # The name as typed so far, or the whole name (type-ahead and exact).
        sets.append(_starts_with(people, "name_key", name))
        # Same or near sound: 李贵兰 for 李桂兰, 章伟 for 张伟; and while typing, by the sound so far.
        sets.append(people.filter(name_sound=sound))
        if len(typed.sound) >= 2:
            sets.append(_starts_with(people, "name_sound", sound + " "))
        # One wrong character: in the surname, in the middle, or at the end.
        given = matching.given_name(name)
        if len(given) >= 2:
            sets.append(people.filter(name_given=given))
        if len(name) >= 3:
            sets.append(people.filter(name_ends=matching.name_ends(name)))
            sets.append(_starts_with(people, "name_key", name[:-1]))
        # A two-character name with a wrong character is too common to look up by the name alone
        # (every 张X); with an address, people of the same surname or given name living there.
        if len(typed.address) >= 4:
            sets.append(
                _starts_with(people, "address_key", typed.address[:6]).filter(
                    Q(name_key__startswith=matching.surname_of(name)) | Q(name_given=given or name)
                )
            )
    capped = [queryset.values_list("pk", flat=True)[:CANDIDATES_PER_KEY] for queryset in sets]
    if len(capped) > 1 and connection.features.supports_slicing_ordering_in_compound:
        # PostgreSQL: one round trip, (SELECT … LIMIT n) UNION ALL (SELECT … LIMIT n) …
        return set(capped[0].union(*capped[1:], all=True))
    pks: set[int] = set()
    for queryset in capped:  # SQLite allows no LIMIT inside a compound query; its queries cost no trip
        pks.update(queryset)
    return pks


def _starts_with(queryset: QuerySet, field: str, prefix: str) -> QuerySet:
    """field LIKE 'prefix%' that uses the column's index on both databases.

    PostgreSQL uses the pattern_ops index Django adds for db_index columns. SQLite's LIKE ignores
    ASCII case and so never uses an ordinary index; the equivalent range, exact in its binary
    collation, lets it.
    """
    queryset = queryset.filter(**{f"{field}__startswith": prefix})
    upper = ord(prefix[-1]) + 1
    if connection.vendor == "sqlite" and upper <= 0x10FFFF:
        if 0xD800 <= upper <= 0xDFFF:  # surrogates cannot be stored; the next character is U+E000
            upper = 0xE000
        queryset = queryset.filter(**{f"{field}__gte": prefix, f"{field}__lt": prefix[:-1] + chr(upper)})
    return queryset


def petitioner_get(*, user: User, pk: int) -> Petitioner:
    """A person's page and full data belong to those who can see one of their matters — whatever the
    role, so that an accuser is never exposed to the township or unit they accused (Art 30)."""
    if (
        not user.is_superuser
        and not Submission.objects.filter(
            petitioners__pk=pk, matter__in=matters_visible_to(user=user).values("pk")
        ).exists()
    ):
        raise Petitioner.DoesNotExist
    return Petitioner.objects.get(pk=pk)


def petitioner_matters(*, user: User, petitioner: Petitioner) -> QuerySet[Matter]:
    return with_deadline_state(
        matters_visible_to(user=user)
        .filter(submissions__petitioners=petitioner)
        .distinct()
        .select_related("receiving_org", "handling_org")
        .order_by("-received_at")
    )


def categories_active() -> QuerySet[Category]:
    return (
        Category.objects.filter(is_active=True)
        .select_related("parent")
        .order_by("level", "sort_order", "name")
    )


def matter_status_counts(*, user: User) -> dict[str, int]:
    rows = matters_visible_to(user=user).values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def notice_get(*, user: User, pk: int) -> Notice:
    return Notice.objects.select_related("matter", "issuer").get(
        pk=pk, matter__in=matters_visible_to(user=user).values("pk")
    )


def my_tasks(*, user: User) -> QuerySet[Matter]:
    """Matters waiting for the user's organisation to act, most urgent first (overdue, then due soon)."""
    if not user.is_authenticated or user.organisation_id is None:
        return Matter.objects.none()
    org = user.organisation
    S = Matter.Status
    waiting = (
        Q(handling_org=org, status__in=[S.TRANSFERRED, S.ASSIGNED, S.ACCEPTED])
        | Q(receiving_org=org, handling_org__isnull=True, status=S.REGISTERED)
        | Q(reconsiderations__organisation=org, status__in=[S.REVIEW_REQUESTED, S.RECHECK_REQUESTED])
    )
    if org.kind == Organisation.Kind.PETITION_BUREAU:
        # The bureau routes what comes back after an objection, and records opinions for upper-level
        # bodies that have no staff of their own in the system.
        waiting |= Q(status=S.REGISTERED, handling_org__isnull=True, receiving_org__kind=org.kind)
        waiting |= Q(
            status__in=[S.REVIEW_REQUESTED, S.RECHECK_REQUESTED],
            reconsiderations__decided_on__isnull=True,
        ) & (
            Q(reconsiderations__organisation__isnull=True)
            | Q(
                reconsiderations__organisation__kind__in=[
                    Organisation.Kind.CITY,
                    Organisation.Kind.LEADERSHIP,
                ]
            )
        )
    matters = matters_visible_to(user=user).filter(pk__in=Matter.objects.filter(waiting).values("pk"))
    return (
        with_deadline_state(matters)
        .select_related("receiving_org", "handling_org", "concerned_org", "category")
        .order_by(F("due_on").asc(nulls_last=True), "received_at", "pk")
    )
