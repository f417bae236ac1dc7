"""Rules of the Regulation that apply when a submission arrives about a matter already known.

Art 19 para 3: a matter accepted and still being handled in time at one level is not accepted again
when raised above it (越级). Art 36: after the recheck opinion, the same facts and reasons are not
accepted again. In both cases the submission is kept on the matter, so the history stays whole, and
the petitioner is told in writing why and where the matter stands.
"""

import datetime as dt

from minsheng.accounts.models import Organisation

from ..models import Matter, Submission
from .notices import cn_date, notice_issue

IN_HAND = (Matter.Status.ACCEPTED,)


def is_above(upper: Organisation, lower: Organisation) -> bool:
    """Whether `upper` is a level above `lower`: the bureau and leading bodies are above every unit of
    their city, and any unit is above the units of its own subtree."""
    return upper.pk != lower.pk and lower.path.startswith(upper.scope_path)


def submission_rule_for(*, matter: Matter, receiving_org: Organisation, today: dt.date) -> str:
    if matter.status == Matter.Status.FINAL:
        return Submission.Rule.FINAL_REPEAT
    in_time = matter.handle_due_on is not None and today <= matter.handle_due_on
    if (
        matter.status in IN_HAND
        and in_time
        and matter.handling_org_id
        and is_above(receiving_org, matter.handling_org)
    ):
        return Submission.Rule.LEVEL_SKIPPING
    return ""


def rule_notice_issue(*, matter: Matter, submission: Submission, actor) -> None:
    received = cn_date(submission.received_at.astimezone().date())
    if submission.rule == Submission.Rule.FINAL_REPEAT:
        paragraphs = [
            f"你于{received}再次提出的“{submission.title}”信访事项，与你此前提出的“{matter.title}”"
            f"（编号{matter.number}）属同一事实和理由。",
            f"该事项已于{cn_date(matter.closed_on) if matter.closed_on else '此前'}作出复核意见，"
            "依照《信访工作条例》第三十六条第三款的规定，各级党委和政府信访部门和其他机关、单位不再受理。",
            "特此告知。",
        ]
        kind = "final_rejection_notice"
    else:
        paragraphs = [
            f"你于{received}向我单位提出的“{submission.title}”信访事项，已由{matter.handling_org.name}"
            f"于{cn_date(matter.accepted_on)}受理（编号{matter.number}），目前在办理期限内。",
            f"依照《信访工作条例》第十九条第三款的规定，我单位不再重复受理。{matter.handling_org.name}将在"
            f"{cn_date(matter.handle_due_on)}前办结并书面答复你，请耐心等候；如对答复不服，可依法请求复查。",
            "特此告知。",
        ]
        kind = "level_skipping_notice"
    notice_issue(
        matter=matter,
        kind=kind,
        actor=actor,
        issuer=submission.receiving_org,
        issued_on=submission.received_at.astimezone().date(),
        paragraphs=paragraphs,
    )
