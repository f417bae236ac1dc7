"""Recording a rating again replaces the current one; the earlier rows stay as history."""

from minsheng.petitions import services
from minsheng.petitions.models import MatterEvent, Rating

from .ratings import replied_matter
from .workflow_steps import DATES, reply_parts


def test_it_replaces_the_current_rating_and_keeps_the_earlier_one(city, register):
    matter = replied_matter(city, register)
    first = services.matter_rate(actor=city.registrar, matter=matter, value="basically_satisfied")

    second = services.matter_rate(
        actor=city.yunzhong_handler, matter=matter, value="satisfied", comment="补偿款已到账"
    )

    first.refresh_from_db()
    assert first.is_current is False
    assert second.is_current is True
    assert list(Rating.objects.filter(matter=matter, is_current=True)) == [second]
    assert Rating.objects.filter(matter=matter).count() == 2
    events = MatterEvent.objects.filter(matter=matter, kind=MatterEvent.Kind.RATED).order_by("pk")
    assert [e.note for e in events] == [
        "信访处理意见：基本满意",
        "重新评价，信访处理意见：满意，补偿款已到账",
    ]
    assert events.last().data["replaces"] == first.pk


def test_it_keeps_one_current_rating_per_answer(city, register):
    """A rating of the reply stays current when the review opinion is rated: each answer has its own."""
    matter = replied_matter(city, register)
    of_reply = services.matter_rate(actor=city.supervisor, matter=matter, value="unsatisfied", comment="不服")
    services.reconsideration_request(
        actor=city.supervisor, matter=matter, stage="review", requested_on=DATES["review_requested_on"]
    )
    services.reconsideration_decide(
        actor=city.supervisor, matter=matter, stage="review", served_on=DATES["reviewed_on"], **reply_parts()
    )

    of_review = services.matter_rate(actor=city.supervisor, matter=matter, value="satisfied")

    of_reply.refresh_from_db()
    assert of_reply.is_current and of_review.is_current
    assert of_reply.reply_id != of_review.reply_id
