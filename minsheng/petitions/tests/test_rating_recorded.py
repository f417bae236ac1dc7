"""Staff record the petitioner's satisfaction with the latest written answer (满意度评价, Art 21)."""

import pytest

from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent, Rating, Reply
from minsheng.supervision.models import SupervisionItem

from .ratings import replied_matter
from .workflow_steps import last_event


@pytest.mark.parametrize(
    ("value", "label"),
    [("satisfied", "满意"), ("basically_satisfied", "基本满意"), ("unsatisfied", "不满意")],
)
def test_it_records_each_rating_of_the_reply(city, register, value, label):
    matter = replied_matter(city, register)

    rating = services.matter_rate(
        actor=city.yunzhong_handler, matter=matter, value=value, comment="电话回访时信访人表示"
    )

    reply = Reply.objects.get(matter=matter)
    assert (rating.matter, rating.reply, rating.value, rating.comment) == (
        matter,
        reply,
        value,
        "电话回访时信访人表示",
    )
    assert (rating.source, rating.recorded_by, rating.is_current) == ("staff", city.yunzhong_handler, True)
    assert rating.get_value_display() == label
    event = last_event(matter)
    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        MatterEvent.Kind.RATED,
        city.yunzhong_handler,
        Matter.Status.REPLIED,
        Matter.Status.REPLIED,
    )
    assert event.note.startswith(f"信访处理意见：{label}，电话回访时信访人表示")
    assert event.kind_label == "满意度评价"
    assert event.data["rating"] == rating.pk


@pytest.mark.parametrize("value", ["satisfied", "basically_satisfied"])
def test_it_opens_no_supervision_item_for_a_satisfied_petitioner(city, register, value):
    matter = replied_matter(city, register)

    services.matter_rate(actor=city.registrar, matter=matter, value=value)

    assert not SupervisionItem.objects.exists()


def test_it_rates_the_latest_answer_once_the_review_opinion_is_given(city, register):
    matter = replied_matter(city, register, to=Matter.Status.REVIEWED)

    rating = services.matter_rate(actor=city.supervisor, matter=matter, value="basically_satisfied")

    assert rating.reply == Reply.objects.get(matter=matter, stage=Reply.Stage.REVIEW)
    assert "复查意见：基本满意" in last_event(matter).note


@pytest.mark.parametrize(
    "status",
    [Matter.Status.REVIEW_REQUESTED, Matter.Status.RECHECK_REQUESTED, Matter.Status.FINAL],
)
def test_it_records_a_rating_in_every_state_after_a_reply(city, register, status):
    matter = replied_matter(city, register, to=status)

    services.matter_rate(actor=city.supervisor, matter=matter, value="satisfied")

    assert Rating.objects.filter(matter=matter, is_current=True).count() == 1
    matter.refresh_from_db()
    assert matter.status == status


def test_it_records_a_rating_on_a_closed_matter(city, register):
    matter = replied_matter(city, register)
    services.matter_close(actor=city.supervisor, matter=matter)

    rating = services.matter_rate(actor=city.admin, matter=matter, value="satisfied")

    assert rating.reply.stage == Reply.Stage.HANDLING
    assert last_event(matter).from_status == Matter.Status.CLOSED
