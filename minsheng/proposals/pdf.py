"""The proposal form (提案纸) and the reply letter (提案答复函) as PDFs (WeasyPrint).

Both are built from plain data (`ProposalForm`, `ReplyLetter`) so that the templates decide only how a
document looks; `proposal_form_for` and `reply_letter_for` read what the workflow recorded. The font
families are the official documents' settings (minsheng.documents.render.font_stack). Callers check that
the user may see the proposal: the form carries the proposer's phone and address, as the paper form does.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from minsheng.documents.render import chinese_date, font_stack

from .models import Assignment, Cosigner, Proposal, Reply

COMMITTEE_DEFAULT = "中国人民政治协商会议怀仁市委员会"


def committee_name() -> str:
    return getattr(settings, "PROPOSAL_COMMITTEE_NAME", COMMITTEE_DEFAULT)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a typed text: one per non-empty line."""
    return [line.strip() for line in re.split(r"\r?\n", text or "") if line.strip()]


@dataclass(frozen=True)
class ProposalForm:
    heading_number: str  # 第 67 号 (empty before admission)
    committee: str
    session: str
    title: str
    proposer: str
    unit_and_post: str
    phone: str
    address: str
    co_signers: str
    desired_units: str
    reason: list[str]
    suggestions: list[str]
    review_opinion: list[str] = field(default_factory=list)
    instruction: list[str] = field(default_factory=list)
    handling_report: list[str] = field(default_factory=list)
    handling_unit: str = ""
    signed_by: str = ""
    signed_on: str = ""


@dataclass(frozen=True)
class ReplyLetter:
    title: str
    addressee: str
    acknowledgement: str
    paragraphs: list[tuple[str, str]]  # (bold heading, text)
    closing: str
    unit: str
    date: str
    footer: str = ""


def reply_title(proposal: Proposal) -> str:
    return f"关于{committee_name()}（{proposal.session.name}）第 {proposal.number or '—'} 号提案的回复"


def _lead_reply(proposal: Proposal) -> Reply | None:
    """The lead unit's latest reply (the one the form's 办理情况报告 reports), else any latest reply."""
    replies = list(proposal.replies.select_related("unit").order_by("-round", "-pk"))
    lead_units = {
        a.unit_id
        for a in proposal.assignments.all()
        if a.role == Assignment.Role.LEAD and a.withdrawn_at is None
    }
    for reply in replies:
        if reply.unit_id in lead_units:
            return reply
    return replies[0] if replies else None


def proposal_form_for(proposal: Proposal) -> ProposalForm:
    cosigners = [
        c.member.display_name
        for c in proposal.cosigners.select_related("member").all()
        if c.answer == Cosigner.Answer.CONFIRMED
    ]
    reply = _lead_reply(proposal)
    lead = next(
        (
            a.unit.name
            for a in proposal.assignments.select_related("unit").all()
            if a.role == Assignment.Role.LEAD and a.withdrawn_at is None
        ),
        "",
    )
    return ProposalForm(
        heading_number=proposal.number_label,
        committee=committee_name(),
        session=proposal.session.name,
        title=proposal.title,
        proposer=proposal.proposer_name,
        unit_and_post=proposal.proposer_unit_post,
        phone=proposal.phone,
        address=proposal.address,
        co_signers="、".join(cosigners),
        desired_units=proposal.desired_departments,
        reason=paragraphs(proposal.reason),
        suggestions=paragraphs(proposal.suggestions),
        review_opinion=paragraphs(proposal.review_opinion),
        instruction=paragraphs(proposal.leader_instruction),
        handling_report=paragraphs(reply.report) if reply else [],
        handling_unit=(reply.unit_name if reply else lead),
        signed_by=reply.signed_by_name if reply else "",
        signed_on=chinese_date(reply.signed_on) if reply and reply.signed_on else "",
    )


def _measure_paragraphs(reply: Reply) -> list[tuple[str, str]]:
    """(heading, text) per paragraph: the opening's paragraphs have no heading; a measure's heading is
    printed in bold before its text, as in the bureau's reply to proposal 67."""
    out = [("", p) for p in paragraphs(reply.opening)]
    for measure in reply.measures or []:
        if isinstance(measure, dict):
            heading, body = (measure.get("heading") or "").strip(), (measure.get("body") or "").strip()
        else:
            heading, body = "", str(measure).strip()
        if heading or body:
            out.append((heading, body))
    return out


def reply_letter_for(reply: Reply) -> ReplyLetter:
    proposal = reply.proposal
    return ReplyLetter(
        title=reply_title(proposal),
        addressee=reply.addressee.rstrip("：:"),
        acknowledgement=reply.acknowledgement,
        paragraphs=_measure_paragraphs(reply),
        closing=reply.closing,
        unit=reply.unit_name,
        date=chinese_date(reply.reply_on),
    )


def _fonts() -> dict:
    return {
        "body_font": font_stack(settings.DOCUMENT_BODY_FONT),
        "title_font": font_stack(settings.DOCUMENT_TITLE_FONT),
    }


def proposal_form_html(doc: ProposalForm) -> str:
    with translation.override("zh-hans"):
        return render_to_string("proposals/pdf/proposal_form.html", {"doc": doc, **_fonts()})


def reply_letter_html(letter: ReplyLetter) -> str:
    with translation.override("zh-hans"):
        return render_to_string("proposals/pdf/reply_letter.html", {"letter": letter, **_fonts()})


def pdf_bytes(html: str) -> bytes:
    # Imported here so that pages which never print do not pay for loading WeasyPrint and its fonts.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Everything is inline; refusing every URL means no text a member typed can make the server fetch.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()


def proposal_form_pdf(proposal: Proposal) -> bytes:
    return pdf_bytes(proposal_form_html(proposal_form_for(proposal)))


def reply_letter_pdf(reply: Reply) -> bytes:
    return pdf_bytes(reply_letter_html(reply_letter_for(reply)))
