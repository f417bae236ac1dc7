"""What the track page shows a petitioner about their own matter, in words a citizen understands."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.petitions.models import Matter, MatterEvent, Notice

from . import services

S = Matter.Status

# Every status, as a sentence to the person who filed the matter (tests check none is missing).
STATUS_SENTENCES = {
    S.REGISTERED: _("您的信访事项已经登记，信访局正在确定由哪个单位办理。"),
    S.TRANSFERRED: _("您的信访事项已转送有权处理的单位，该单位会告诉您是否受理。"),
    S.ASSIGNED: _("您的信访事项已交办给有关单位，信访局会督促办理并要求报告结果。"),
    S.DIVERTED: _(
        "您反映的问题应当通过诉讼、仲裁、行政复议等法定途径解决，已告知您应走的途径，请查看下面的告知书。"
    ),
    S.ACCEPTED: _("您的信访事项已经受理，承办单位正在调查处理，会在期限内给您书面答复。"),
    S.REJECTED: _("您的信访事项不予受理，原因写在下面的告知书里。"),
    S.REPLIED: _("承办单位已经作出书面答复。如果不服，可以在期限内请求复查。"),
    S.REVIEW_REQUESTED: _("您已请求复查，上一级机关正在复查。"),
    S.REVIEWED: _("复查意见已经作出。如果不服，可以在期限内请求复核。"),
    S.RECHECK_REQUESTED: _("您已请求复核，复核机关正在复核。"),
    S.FINAL: _("复核意见已经作出，这件事依法办理终结。"),
    S.CLOSED: _("这件事已经办结。"),
}

# The deadlines a petitioner is told about, in the order they come up.
DEADLINE_LABELS = (
    ("route_due_on", _("信访局转送、交办的期限")),
    ("accept_due_on", _("告知您是否受理的期限")),
    ("handle_due_on", _("办理答复的期限")),
    ("review_request_due_on", _("您可以请求复查的最后一天")),
    ("review_due_on", _("作出复查意见的期限")),
    ("recheck_request_due_on", _("您可以请求复核的最后一天")),
    ("recheck_due_on", _("作出复核意见的期限")),
)

# Steps shown as progress: the kind and the date only; staff notes stay inside.
PROGRESS_KINDS = (
    MatterEvent.Kind.REGISTERED,
    MatterEvent.Kind.TRANSFERRED,
    MatterEvent.Kind.ASSIGNED,
    MatterEvent.Kind.DIVERTED,
    MatterEvent.Kind.ACCEPTED,
    MatterEvent.Kind.REJECTED,
    MatterEvent.Kind.EXTENDED,
    MatterEvent.Kind.REPLIED,
    MatterEvent.Kind.REVIEW_REQUESTED,
    MatterEvent.Kind.REVIEWED,
    MatterEvent.Kind.RECHECK_REQUESTED,
    MatterEvent.Kind.FINAL,
    MatterEvent.Kind.CLOSED,
    MatterEvent.Kind.RATED,
)

WINDOW_ARTICLES = {"review": "第三十五条", "recheck": "第三十六条"}


# Documents addressed to the petitioner. Transfer and assignment forms and supervision notices go from
# one office to another and may carry internal instructions, so the portal does not show them.
INTERNAL_NOTICE_KINDS = ("transfer_form", "assignment_form", "supervision_notice")


def notices_for(access):
    return (
        Notice.objects.filter(matter_id=access.matter_id)
        .exclude(kind__in=INTERNAL_NOTICE_KINDS)
        .select_related("matter", "issuer")
        .order_by("issued_on", "pk")
    )


def notice_for(access, pk: int) -> Notice:
    return notices_for(access).get(pk=pk)


def track_context(access) -> dict:
    matter = (
        Matter.objects.select_related("receiving_org", "handling_org")
        .prefetch_related("replies__organisation")
        .get(pk=access.matter_id)
    )
    today = timezone.localdate()
    reply = services.latest_reply(matter)
    current = matter.ratings.filter(is_current=True, reply=reply).first() if reply else None
    stage = services.request_stage(matter)
    window_field = {"review": "review_request_due_on", "recheck": "recheck_request_due_on"}.get(stage)
    window_end = getattr(matter, window_field) if window_field else None
    # After the reply, the window to ask for the next step: open, or closed and why.
    request_open = stage is not None and (window_end is None or today <= window_end)
    return {
        "matter": matter,
        "status_sentence": STATUS_SENTENCES[S(matter.status)],
        "unit": matter.handling_org or matter.receiving_org,
        "deadlines": [
            (label, getattr(matter, field)) for field, label in DEADLINE_LABELS if getattr(matter, field)
        ],
        "notices": list(notices_for(access)),
        "replies": list(matter.replies.select_related("organisation").order_by("replied_at", "pk")),
        "progress": list(matter.events.filter(kind__in=PROGRESS_KINDS).order_by("at", "pk")),
        "reply": reply,
        "rating": current,
        "can_rate": services.can_rate(matter, today=today),
        "rating_window_end": services.rating_window_end(matter, reply),
        "request_stage": stage,
        "request_open": request_open,
        "request_window_end": window_end,
        "request_article": WINDOW_ARTICLES.get(stage, ""),
        "reconsiderations": list(matter.reconsiderations.order_by("requested_on", "pk")),
    }
