"""Satisfaction ratings (满意度评价, Art 21), recorded by staff for the petitioner.

A rating is about the latest written answer (the reply, or the review or recheck opinion). Recording
again replaces the current rating of that answer and keeps the earlier one as history; an unsatisfied
rating opens a follow-up item for the supervisor."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import supervision_item_open

from ..models import Matter, MatterEvent, Rating
from .steps import lock_matter, record_step, refuse, require_role, require_status

RATING_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)
# Every state in which a written answer stands. During a review or recheck request the answer being
# challenged is still the latest one, and what the petitioner thinks of it is still worth recording.
RATABLE = (
    Matter.Status.REPLIED,
    Matter.Status.REVIEW_REQUESTED,
    Matter.Status.REVIEWED,
    Matter.Status.RECHECK_REQUESTED,
    Matter.Status.FINAL,
    Matter.Status.CLOSED,
)
COMMENT_MAX = 2000


@transaction.atomic
def matter_rate(
    *, actor, matter: Matter, value: str, comment: str = "", by_petitioner_online: bool = False
) -> Rating:
    """Record the petitioner's rating of the latest answer, as told to a member of staff.

    `by_petitioner_online`: the petitioner rates on the public portal after proving they hold the
    matter's query code (minsheng.portal checks that and the window); there is no staff `actor`."""
    if by_petitioner_online and actor is not None:
        raise PermissionDenied("网上评价只能由信访人本人提交")
    matter = lock_matter(actor=actor, matter=matter)
    if not by_petitioner_online:
        require_role(actor, RATING_ROLES, "记录满意度评价")
    require_status(matter, *RATABLE, step="记录满意度评价")
    if value not in Rating.Value.values:
        refuse("请选择评价：满意、基本满意或不满意", "value")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        refuse(f"意见不能超过 {COMMENT_MAX} 个字", "comment")
    if value == Rating.Value.UNSATISFIED and not comment:
        # The supervisor follows an unsatisfied rating up and needs to know what to follow up.
        refuse(
            "请写下您不满意的理由，以便督办跟进"
            if by_petitioner_online
            else "评价为不满意的，请记录信访人不满意的理由",
            "comment",
        )
    reply = matter.replies.order_by("-replied_at", "-pk").first()
    if reply is None:
        refuse("该事项尚无书面答复，不能评价", "status")
    previous = Rating.objects.select_for_update().filter(reply=reply, is_current=True).first()
    if previous is not None:
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    rating = Rating.objects.create(
        matter=matter,
        reply=reply,
        value=value,
        comment=comment,
        source=Rating.Source.PETITIONER if by_petitioner_online else Rating.Source.STAFF,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    note = f"{reply.get_stage_display()}：{rating.get_value_display()}" + (f"，{comment}" if comment else "")
    if by_petitioner_online:
        note = f"信访人网上评价，{note}"
    data = {"rating": rating.pk, "reply": reply.pk, "replaces": previous.pk if previous else None}
    if rating.is_unsatisfied:
        item, _created = supervision_item_open(
            matter=matter, kind=SupervisionItem.Kind.UNSATISFIED, reply=reply, actor=actor, note=comment
        )
        data["supervision_item"] = item.pk
        note += "（转督办员跟进）"
    record_step(
        matter=matter,
        actor=actor,
        kind=MatterEvent.Kind.RATED,
        from_status=matter.status,
        note=("重新评价，" if previous else "") + note,
        data=data,
    )
    return rating
