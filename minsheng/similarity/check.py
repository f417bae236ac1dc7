"""The intake check: before a submission is saved, the matters it is most likely about.

Reads only. The people on the submission are recognised the way a registrar would: by a person already
picked, by ID number or phone (through their keyed hashes, never decrypting anything), or by the same
name at the same address. Unknown people are simply not known yet; the text, place and unit still count.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from minsheng.accounts.models import Organisation, User
from minsheng.lib import crypto, idnumber, phone
from minsheng.petitions import matching as person_matching
from minsheng.petitions.models import Petitioner, Submission
from minsheng.petitions.services.intake_rules import submission_rule_for

from .selectors import Candidate, MatterProbe, matter_candidates

# A same-person candidate this close is taken to be the same matter when a rule of the Regulation is at
# stake (a finished matter raised again, a matter skipped up a level): see submission_rule_match.
RULE_MATCH_THRESHOLD = 0.55


@dataclass(frozen=True)
class PersonHint:
    """A petitioner as typed at intake (any of these may be empty)."""

    petitioner_id: int | None = None
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""


@dataclass
class CheckedCandidate:
    candidate: Candidate
    # What attaching would record: "repeat" (the same petitioner again) or "joint" (someone else).
    action: str
    # The rule of the Regulation attaching would run into ("" when none), and its label.
    rule: str
    rule_label: str


@dataclass
class CheckResult:
    petitioner_ids: tuple[int, ...]
    candidates: list[CheckedCandidate]


def petitioners_recognised(hints: Sequence[PersonHint]) -> tuple[int, ...]:
    ids: set[int] = set()
    conditions = Q()
    for hint in hints:
        if hint.petitioner_id:
            ids.add(hint.petitioner_id)
        if idnumber.is_valid(hint.id_number or ""):
            conditions |= Q(id_number_hash=crypto.lookup_hash(idnumber.normalize(hint.id_number)))
        name_key = person_matching.normalize_name(hint.name)
        number = phone.normalize(hint.phone or "")
        if number:
            # The same rule as registration: a phone with the same name, or a phone alone while the
            # name is not typed yet.
            by_phone = Q(phone_hash=crypto.lookup_hash(number))
            conditions |= by_phone & Q(name_key=name_key) if name_key else by_phone
        address_key = person_matching.normalize_address(hint.address or "")
        if name_key and address_key:
            conditions |= Q(name_key=name_key, address_key=address_key)
    if conditions:
        ids.update(Petitioner.objects.filter(conditions).values_list("pk", flat=True)[:50])
    return tuple(sorted(ids))


def submission_check(
    *,
    user: User,
    title: str,
    content: str,
    demands: str = "",
    place: str = "",
    people: Sequence[PersonHint] = (),
    concerned_org: Organisation | None = None,
    receiving_org: Organisation | None = None,
    received_at: dt.datetime | None = None,
    limit: int = 5,
) -> CheckResult:
    """The existing matters this submission is most likely about, best first, with the reasons."""
    petitioner_ids = petitioners_recognised(people)
    probe = MatterProbe(
        title=title or "",
        content=content or "",
        demands=demands or "",
        place=place or "",
        petitioner_ids=petitioner_ids,
        concerned_org_id=concerned_org.pk if concerned_org else None,
        received_at=received_at or timezone.now(),
    )
    if not (probe.title.strip() or probe.content.strip() or petitioner_ids):
        return CheckResult(petitioner_ids=petitioner_ids, candidates=[])
    receiving_org = receiving_org or user.organisation
    today = timezone.localdate()
    checked = []
    for candidate in matter_candidates(user=user, probe=probe, limit=limit):
        rule = (
            submission_rule_for(matter=candidate.matter, receiving_org=receiving_org, today=today)
            if candidate.same_petitioner and receiving_org is not None
            else ""
        )
        checked.append(
            CheckedCandidate(
                candidate=candidate,
                action="repeat" if candidate.same_petitioner else "joint",
                rule=rule,
                rule_label=str(Submission.Rule(rule).label) if rule else "",
            )
        )
    return CheckResult(petitioner_ids=petitioner_ids, candidates=checked)


def submission_rule_match(
    *, user: User, title: str, content: str, demands: str, petitioner_ids: Sequence[int], receiving_org
) -> CheckedCandidate | None:
    """The matter a submission is the same as, when a rule of the Regulation applies to it.

    The Regulation's rules on level-skipping (Art 19) and finished matters (Art 36) are about the same
    person raising the same matter again; registering it as a new matter would hide both. So a
    registration that did not pick a matter is checked against that person's matters first.
    """
    if not petitioner_ids:
        return None
    found = submission_check(
        user=user,
        title=title,
        content=content,
        demands=demands,
        people=[PersonHint(petitioner_id=pk) for pk in petitioner_ids],
        receiving_org=receiving_org,
        limit=5,
    )
    for checked in found.candidates:
        if (
            checked.rule
            and checked.candidate.same_petitioner
            and checked.candidate.score >= RULE_MATCH_THRESHOLD
        ):
            return checked
    return None
