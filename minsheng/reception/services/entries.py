"""The people a leader receives in a session: each a visit submission with the leader's outcome."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.instructions.services import InstructionDraft, instruction_check, instruction_create
from minsheng.petitions.models import Category, Channel, Matter, Nature, Submission
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services import PetitionerEntry, submission_register
from minsheng.petitions.services.events import matter_event_record

from .. import events
from ..models import Outcome, ReceptionEntry, ReceptionSession
from .common import TEXT_MAX, Errors, check_in_scope, clean_text, leader_label
from .sessions import require_recorder

# When a past session is recorded without times, its visitors are taken to have come at nine.
DEFAULT_HOUR = dt.time(9, 0)


def _locked_session(actor, session: ReceptionSession) -> ReceptionSession:
    require_recorder(actor)
    session = (
        ReceptionSession.objects.select_for_update(of=("self",))
        .select_related("leader", "organisation")
        .get(pk=session.pk)
    )
    check_in_scope(actor, session.organisation)
    return session


def check_outcome(
    errors: Errors, *, actor, leader, held_on, outcome, outcome_note, instruction, matters=()
) -> str:
    """Check an outcome and, for 现场批示, the instruction it gives (errors as "instruction.<field>")."""
    if outcome not in Outcome.values:
        errors.add("outcome", _("请选择接访结果"))
    note = clean_text(errors, outcome_note, field="outcome_note", max_length=TEXT_MAX)
    if outcome == Outcome.INSTRUCTED:
        draft = instruction or InstructionDraft()
        problems = instruction_check(
            actor=actor,
            leader=leader,
            text=draft.text,
            issued_on=held_on,
            due_on=draft.due_on,
            units=draft.units,
            matters=matters,
        )
        # The date is the session's or the appointment's, not typed in: say it in the deadline's terms.
        problems.pop("issued_on", None)
        errors.merge(problems, prefix="instruction.")
    return note


def create_instruction(*, actor, leader, held_on, draft: InstructionDraft, matter: Matter, **source):
    try:
        return instruction_create(
            actor=actor,
            leader=leader,
            text=draft.text,
            issued_on=held_on,
            due_on=draft.due_on,
            units=draft.units,
            matters=[matter],
            **source,
        )
    except ValidationError as exc:
        raise ValidationError({f"instruction.{k}": v for k, v in exc.message_dict.items()}) from exc


def _received_at(
    errors: Errors, session: ReceptionSession, received_at: dt.datetime | None
) -> dt.datetime | None:
    if received_at is None:
        if session.held_on == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(dt.datetime.combine(session.held_on, session.started_at or DEFAULT_HOUR))
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    if timezone.localdate(received_at) != session.held_on:
        errors.add(
            "received_at", _("接待时间应在接访当天（%(day)s）") % {"day": f"{session.held_on:%Y-%m-%d}"}
        )
    return received_at


def _finish(*, actor, session, submission, outcome, note, instruction) -> ReceptionEntry:
    entry = ReceptionEntry.objects.create(
        session=session,
        submission=submission,
        matter=submission.matter,
        outcome=outcome,
        outcome_note=note,
        recorded_by=actor,
    )
    text = _("%(leader)s %(kind)s接待（%(place)s，%(day)s），%(outcome)s") % {
        "leader": leader_label(session.leader),
        "kind": session.get_kind_display(),
        "place": session.place,
        "day": f"{session.held_on:%Y-%m-%d}",
        "outcome": entry.get_outcome_display(),
    }
    matter_event_record(
        matter=submission.matter,
        kind=events.RECEIVED,
        actor=actor,
        note=f"{text}：{note}" if note else text,
        data={"session": session.pk, "submission": submission.pk, "outcome": outcome},
    )
    if outcome == Outcome.INSTRUCTED:
        create_instruction(
            actor=actor,
            leader=session.leader,
            held_on=session.held_on,
            draft=instruction,
            matter=submission.matter,
            session=session,
            reception_entry=entry,
        )
    return entry


@transaction.atomic
def reception_entry_register(
    *,
    actor,
    session: ReceptionSession,
    petitioners: Sequence[PetitionerEntry],
    title: str,
    content: str,
    outcome: str,
    demands: str = "",
    head_count: int = 1,
    outcome_note: str = "",
    received_at: dt.datetime | None = None,
    matter: Matter | None = None,
    category: Category | None = None,
    nature: str = Nature.CLAIM,
    concerned_org: Organisation | None = None,
    place: str = "",
    instruction: InstructionDraft | None = None,
) -> ReceptionEntry:
    """Register people the leader received in `session` and the leader's outcome.

    The visit is registered through the normal intake service (petitions.services.submission_register,
    channel visit, receiving unit the session's organisation, received at `received_at` — by default
    now for today's session, else the session's start or nine o'clock that day), opening a matter or,
    with `matter`, attaching to it. `head_count` people (a batch: 批次; their number: 人次; a group of
    5 or more needs a representative marked among `petitioners`). `outcome` is "answered" (现场答复),
    "solved" (现场解决) or "instructed" (现场批示: `instruction` gives its text, units and deadline, and
    an instruction of the session's leader dated the session's day is created). Writes a
    "leader_reception" event on the matter. Errors by field, the intake's as the intake names them,
    the instruction's as "instruction.<field>"; nothing is saved unless everything is valid."""
    session = _locked_session(actor, session)
    errors = Errors()
    note = check_outcome(
        errors,
        actor=actor,
        leader=session.leader,
        held_on=session.held_on,
        outcome=outcome,
        outcome_note=outcome_note,
        instruction=instruction,
    )
    received_at = _received_at(errors, session, received_at)
    submission = None
    try:
        submission = submission_register(
            actor=actor,
            channel=Channel.VISIT,
            received_at=received_at,
            receiving_org=session.organisation,
            petitioners=petitioners,
            title=title,
            content=content,
            demands=demands,
            head_count=head_count,
            concerned_org=concerned_org,
            place=place,
            category=category,
            nature=nature,
            matter=matter,
        )
    except ValidationError as exc:
        errors.merge(exc.message_dict)
    # Raising here also undoes the registration above: this function is one transaction.
    errors.raise_any()
    return _finish(
        actor=actor,
        session=session,
        submission=submission,
        outcome=outcome,
        note=note,
        instruction=instruction,
    )


@transaction.atomic
def reception_entry_attach(
    *,
    actor,
    session: ReceptionSession,
    matter: Matter | None,
    outcome: str,
    outcome_note: str = "",
    instruction: InstructionDraft | None = None,
) -> ReceptionEntry:
    """Record that the leader received people already registered at the intake desk that day: the
    latest visit submission of `matter` received on the session's day and not yet in a session becomes
    the entry. Outcome and instruction as in reception_entry_register; errors under "matter" when no
    such visit exists or the actor may not see the matter."""
    session = _locked_session(actor, session)
    errors = Errors()
    submission = None
    if matter is None or not matters_visible_to(user=actor).filter(pk=matter.pk).exists():
        errors.add("matter", _("找不到该信访事项，或您无权查看"))
    else:
        start = timezone.make_aware(dt.datetime.combine(session.held_on, dt.time.min))
        submission = (
            Submission.objects.filter(
                matter=matter,
                channel=Channel.VISIT,
                received_at__gte=start,
                received_at__lt=start + dt.timedelta(days=1),
                reception_entry__isnull=True,
            )
            .order_by("-received_at", "-pk")
            .first()
        )
        if submission is None:
            errors.add(
                "matter",
                _("%(number)s 在 %(day)s 没有尚未接待的来访登记；请用“登记来访人”登记本次来访")
                % {"number": matter.number, "day": f"{session.held_on:%Y-%m-%d}"},
            )
    note = check_outcome(
        errors,
        actor=actor,
        leader=session.leader,
        held_on=session.held_on,
        outcome=outcome,
        outcome_note=outcome_note,
        instruction=instruction,
        matters=[matter] if matter is not None and "matter" not in errors else [],
    )
    errors.raise_any()
    return _finish(
        actor=actor,
        session=session,
        submission=submission,
        outcome=outcome,
        note=note,
        instruction=instruction,
    )
