"""Finding petitioners already registered while a registrar types (issue 4, item 1).

Candidates come from indexed matching keys, never from a scan of everyone; minsheng.petitions.matching
scores them.
"""

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from minsheng.accounts.models import User
from minsheng.lib import crypto, idnumber, phone

from . import matching
from .models import (
    Nature,
    Petitioner,
    SubmissionPetitioner,
)
from .permissions import can_register, sees_all_accusations

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
