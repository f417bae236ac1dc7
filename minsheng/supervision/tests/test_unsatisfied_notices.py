"""An unsatisfied rating is followed up like an overdue matter: addressed to the unit that answered,
a notice, its feedback accepted, the item closed."""

import datetime as dt

from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, set_today, take
from minsheng.supervision import services
from minsheng.supervision.models import SupervisionItem

from .notices import notice_pdf_text

D = dt.date


def test_it_follows_an_unsatisfied_rating_up_with_the_unit_that_answered(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 20))
    matter = take(
        city,
        open_matter(register, title="对补偿标准不满"),
        to=Matter.Status.REPLIED,
        unit=city.housing,
        handler=city.housing_handler,
    )
    petitions.matter_rate(actor=city.registrar, matter=matter, value="unsatisfied", comment="补偿标准过低")
    item = SupervisionItem.objects.get(kind="unsatisfied")
    assert (item.organisation, item.category, item.due_on) == (city.housing, "unsatisfied", None)

    notice = services.supervision_notice_issue(
        actor=city.supervisor,
        item=item,
        level="supervision",
        feedback_due_on=D(2026, 8, 1),
        on=D(2026, 7, 20),
    )
    set_today(monkeypatch, D(2026, 7, 31))
    services.supervision_feedback_submit(
        actor=city.housing_handler, notice=notice, text="已重新核算并向信访人解释政策", on=D(2026, 7, 30)
    )
    services.supervision_feedback_accept(actor=city.supervisor, notice=notice, on=D(2026, 7, 31))
    services.supervision_item_close(
        actor=city.supervisor, item=item, note="信访人表示理解", on=D(2026, 7, 31)
    )

    item.refresh_from_db()
    notice.refresh_from_db()
    assert (item.level, item.closed_on, notice.status) == ("supervision", D(2026, 7, 31), "accepted")
    assert list(item.events.values_list("kind", flat=True)) == ["notice", "feedback", "accepted", "closed"]
    text = notice_pdf_text(notice)
    assert "怀仁市住房和城乡建设局：" in text
    assert "信访人对信访处理意见不满意：补偿标准过低" in text
    assert "2026年8月1日" in text
