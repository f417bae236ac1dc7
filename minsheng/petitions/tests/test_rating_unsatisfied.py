"""An unsatisfied rating opens one follow-up item for the supervisor (督办)."""

from minsheng.petitions import services
from minsheng.petitions.models import Rating, Reply
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import supervision_item_close

from .ratings import replied_matter
from .workflow_steps import last_event


def test_it_opens_exactly_one_supervision_item(city, register):
    matter = replied_matter(city, register)

    services.matter_rate(
        actor=city.yunzhong_handler, matter=matter, value="unsatisfied", comment="补偿标准过低"
    )

    item = SupervisionItem.objects.get()
    assert (item.matter, item.kind, item.reply) == (matter, "unsatisfied", Reply.objects.get(matter=matter))
    assert (item.opened_by, item.note, item.closed_on, item.due_on) == (
        city.yunzhong_handler,
        "补偿标准过低",
        None,
        None,
    )
    event = last_event(matter)
    assert event.note == "信访处理意见：不满意，补偿标准过低（转督办员跟进）"
    assert event.data["supervision_item"] == item.pk


def test_it_does_not_open_a_second_item_while_the_first_is_open(city, register):
    matter = replied_matter(city, register)
    services.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="补偿标准过低")

    services.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="仍然不满意")
    services.matter_rate(actor=city.registrar, matter=matter, value="satisfied")
    services.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="又反悔")

    assert SupervisionItem.objects.count() == 1
    assert Rating.objects.filter(matter=matter).count() == 4


def test_it_opens_a_new_item_when_still_unsatisfied_after_the_follow_up(city, register):
    matter = replied_matter(city, register)
    services.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="补偿标准过低")
    first = SupervisionItem.objects.get()
    supervision_item_close(actor=city.supervisor, item=first, note="已回访解释政策")

    services.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="仍不接受")

    items = list(SupervisionItem.objects.order_by("pk"))
    assert len(items) == 2
    assert items[0].closed_on is not None and items[0].close_note == "已回访解释政策"
    assert (items[1].closed_on, items[1].note) == (None, "仍不接受")
