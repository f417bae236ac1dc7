"""What the proposal's page shows to whom: the facts, and the action forms the user may use now.

The services check every action again; this only avoids offering a form that would be refused."""

from django.utils import timezone

from minsheng.lib.masking import mask_address, mask_phone

from . import selectors, services
from .forms import (
    AdmitForm,
    AssignForm,
    CoHandlingViewForm,
    ContactForm,
    ConvertForm,
    CosignAnswerForm,
    ExtendForm,
    JoinForm,
    NotAdmitForm,
    ObjectForm,
    RateForm,
    ReplyForm,
    ReviewNoteForm,
    SignForm,
    measures_to_text,
)
from .models import Assignment, Cosigner, Proposal
from .permissions import acts_for_unit, can_record_instruction, is_office

S = Proposal.Status
ANSWERING = (Assignment.Role.LEAD, Assignment.Role.SEPARATE)


def own_assignment(user, proposal: Proposal) -> Assignment | None:
    """The active assignment of the user's unit, when the user answers for that unit."""
    for a in proposal.assignments.all():
        if a.withdrawn_at is None and acts_for_unit(user, a.unit):
            return a
    return None


def _reply_initial(proposal: Proposal, draft) -> dict:
    if draft is not None:
        return {
            "addressee": draft.addressee,
            "acknowledgement": draft.acknowledgement,
            "opening": draft.opening,
            "measures": measures_to_text(draft.measures),
            "closing": draft.closing,
            "unit_name": draft.unit_name,
            "reply_on": draft.reply_on,
            "grade": draft.grade,
            "report": draft.report,
        }
    return {
        "addressee": f"{proposal.proposer_name}委员：",
        "acknowledgement": f"您提出的《{proposal.title}》提案收悉，现回复如下：",
        "reply_on": timezone.localdate(),
    }


def detail_context(request, proposal: Proposal, bound: dict) -> dict:
    user = request.user
    today = timezone.localdate()
    office = is_office(user)
    assignments = list(proposal.assignments.select_related("unit").order_by("withdrawn_at", "role", "pk"))
    mine = own_assignment(user, proposal)
    replies = list(proposal.replies.select_related("unit").order_by("round", "pk"))
    cosigners = list(proposal.cosigners.select_related("member"))
    my_invitation = next(
        (c for c in cosigners if c.member_id == user.pk and c.answer == Cosigner.Answer.PENDING), None
    )
    handling = proposal.status in Proposal.HANDLING_STATUSES
    draft = None
    if mine is not None and mine.role in ANSWERING:
        draft = next((r for r in replies if r.unit_id == mine.unit_id and r.round == proposal.round), None)
    rated_rounds = set(proposal.feedback.values_list("round", flat=True))

    forms = {}

    def offer(key, factory):
        forms[key] = bound.get(key) or factory()

    if my_invitation is not None and proposal.status == S.COSIGNING:
        offer("cosign", CosignAnswerForm)
    if office and proposal.status == S.SUBMITTED:
        offer(
            "admit",
            lambda: AdmitForm(initial={"review_opinion": proposal.review_opinion, "is_key": proposal.is_key}),
        )
        offer("not_admit", lambda: NotAdmitForm(grounds=services.not_admitted_grounds()))
        offer("convert", ConvertForm)
    if can_record_instruction(user) and proposal.status not in (
        S.CLOSED,
        S.NOT_ADMITTED,
        S.CONVERTED,
        S.COSIGNING,
    ):
        offer(
            "review_note",
            lambda: ReviewNoteForm(
                initial={
                    "review_opinion": proposal.review_opinion,
                    "leader_instruction": proposal.leader_instruction,
                    "is_key": proposal.is_key,
                }
            ),
        )
    if office and proposal.status in (S.ADMITTED, S.ASSIGNED):
        offer("assign", AssignForm)
    if office and proposal.status in (S.ADMITTED, S.ASSIGNED) and proposal.joint_handling_id is None:
        offer("join", lambda: JoinForm(initial={"title": proposal.title}))
    if office and handling:
        offer("extend", lambda: ExtendForm(initial={"due_on": proposal.due_on}))
    if mine is not None and proposal.status == S.ASSIGNED and mine.objection_until >= today:
        offer("object", ObjectForm)
    if mine is not None and handling:
        offer("contact", lambda: ContactForm(initial={"contacted_on": today}))
        if mine.role == Assignment.Role.CO:
            offer("cohandling", CoHandlingViewForm)
        elif draft is None or draft.sent_at is None:
            offer("reply", lambda: ReplyForm(initial=_reply_initial(proposal, draft)))
            if draft is not None:
                offer(
                    "sign",
                    lambda: SignForm(initial={"signed_by_name": draft.signed_by_name, "signed_on": today}),
                )
    if (
        proposal.proposer_id == user.pk
        and proposal.status == S.REPLIED
        and proposal.round not in rated_rounds
    ):
        offer("rate", RateForm)

    return {
        "proposal": proposal,
        "office": office,
        "personal": selectors.sees_personal_data(user=user, proposal=proposal),
        # The proposer reads their own contact details; anyone else sees them masked and reveals them
        # with a logged click.
        "own_proposal": proposal.proposer_id == user.pk,
        "masked_phone": mask_phone(proposal.phone),
        "masked_address": mask_address(proposal.address),
        "cosigners": cosigners,
        "assignments": assignments,
        "mine": mine,
        "draft": draft,
        "contacts": proposal.contacts.select_related("unit").all(),
        "views": [v for a in assignments for v in a.views.all()],
        "replies": replies,
        "sent_replies": [r for r in replies if r.sent_at],
        "feedback": list(proposal.feedback.all()),
        "events": proposal.events.select_related("actor", "organisation").all(),
        "attachments": proposal.attachments.all(),
        "forms": forms,
        "can_publish": office and proposal.status == S.CLOSED and proposal.published_at is None,
        "overdue": handling and proposal.due_on is not None and proposal.due_on < today,
        "joint_others": (
            list(proposal.joint_handling.proposals.exclude(pk=proposal.pk).select_related("session"))
            if proposal.joint_handling_id
            else []
        ),
        "today": today,
        "handling_statuses": Proposal.HANDLING_STATUSES,
        "limits": {
            "months": services.limit("PROPOSAL_HANDLING_MONTHS"),
            "max_months": services.limit("PROPOSAL_HANDLING_MAX_MONTHS"),
            "objection_days": services.limit("PROPOSAL_OBJECTION_DAYS"),
            "rehandling_months": services.limit("PROPOSAL_REHANDLING_MONTHS"),
        },
    }
