"""An overdue matter followed up level by level: a reminder, feedback that comes late, escalation to
督办 and to 挂牌督办, feedback accepted, the item closed — each notice a numbered document."""

import pytest

from minsheng.notifications.models import Notification
from minsheng.petitions.models import MatterEvent
from minsheng.supervision import services
from minsheng.supervision.models import SupervisionEvent, SupervisionNotice
from minsheng.supervision.services import deadlines_sweep

from .conftest import TODAY
from .notices import D, notice_pdf_text, swept_item


@pytest.fixture
def item(city, matters):
    """云中镇 must reply to 超期十日 by 5 June; on 15 June the sweep opens its item."""
    return swept_item(matters.overdue_10, TODAY)


def test_it_follows_an_overdue_matter_from_reminder_to_closed(city, matters, people, item):
    handler, supervisor = people.yunzhong_handler, city.supervisor
    assert (item.organisation, item.level, item.feedback_due_on) == (city.yunzhong, "", None)

    reminder = services.supervision_notice_issue(
        actor=supervisor, item=item, level="reminder", feedback_due_on=D(2026, 6, 18), on=TODAY
    )
    item.refresh_from_db()
    assert (reminder.number, reminder.addressee, reminder.status) == (
        "怀信督〔2026〕1号",
        city.yunzhong,
        "awaiting",
    )
    assert (item.level, item.feedback_due_on) == ("reminder", D(2026, 6, 18))

    # Nothing by the 18th: the next day's sweep reminds the unit, once however often it runs.
    deadlines_sweep(today=D(2026, 6, 19))
    deadlines_sweep(today=D(2026, 6, 19))
    late = Notification.objects.filter(
        dedupe_key__startswith=f"supervision_notice:{reminder.pk}:feedback_overdue"
    )
    assert sorted((n.recipient.username, n.channel) for n in late) == [
        ("yz_chengban", "in_app"),
        ("yz_chengban", "sms"),
        ("yz_duban", "email"),
        ("yz_duban", "in_app"),
    ]

    feedback = services.supervision_feedback_submit(
        actor=handler, notice=reminder, text="已约见信访人，补偿款正在核算", on=D(2026, 6, 20)
    )
    assert feedback.days_late == 2
    reminder.refresh_from_db()
    item.refresh_from_db()
    assert (reminder.status, item.feedback_due_on) == ("fed_back", None)

    supervision = services.supervision_item_escalate(
        actor=supervisor, item=item, feedback_due_on=D(2026, 6, 29), on=D(2026, 6, 22)
    )
    listed = services.supervision_item_escalate(
        actor=supervisor,
        item=item,
        feedback_due_on=D(2026, 7, 10),
        requirement="请镇主要负责同志约见信访人，当面答复。",
        on=D(2026, 6, 30),
    )
    reminder.refresh_from_db()
    supervision.refresh_from_db()
    assert (reminder.status, supervision.status, listed.status) == ("escalated", "escalated", "awaiting")
    assert [supervision.level, listed.level] == ["supervision", "listed"]
    assert listed.number == "怀信督〔2026〕3号"

    services.supervision_feedback_submit(
        actor=handler, notice=listed, text="补偿款已全部发放到户", on=D(2026, 7, 8)
    )
    services.supervision_feedback_accept(actor=supervisor, notice=listed, note="属实", on=D(2026, 7, 9))
    services.supervision_item_close(
        actor=supervisor, item=item, note="问题已解决，信访人息访", on=D(2026, 7, 10)
    )

    item.refresh_from_db()
    listed.refresh_from_db()
    assert (item.level, item.closed_on, item.close_note) == (
        "listed",
        D(2026, 7, 10),
        "问题已解决，信访人息访",
    )
    assert (listed.status, listed.accepted_by) == ("accepted", supervisor)
    assert list(item.events.values_list("kind", flat=True)) == [
        "notice",
        "feedback",
        "escalated",
        "escalated",
        "feedback",
        "accepted",
        "closed",
    ]
    history = list(item.events.values_list("note", flat=True))
    assert "逾期 2 日" in history[1]
    assert history[2].startswith("怀信督〔2026〕2号（督办），主送云中镇，请于 2026-06-29 前书面反馈")
    timeline = MatterEvent.objects.filter(matter=matters.overdue_10, kind="supervision").order_by("pk")
    assert timeline.count() == 7
    assert timeline.first().note.startswith("发出督办通知书：怀信督〔2026〕1号（提醒）")
    assert timeline.last().note == "督办办结：问题已解决，信访人息访"


def test_its_notices_are_documents_naming_the_unit_the_matter_and_the_date(city, matters, item):
    reminder = services.supervision_notice_issue(
        actor=city.supervisor, item=item, level="reminder", feedback_due_on=D(2026, 6, 18), on=TODAY
    )
    listed = services.supervision_notice_issue(
        actor=city.supervisor, item=item, level="listed", feedback_due_on=D(2026, 7, 1), on=D(2026, 6, 16)
    )

    first, last = notice_pdf_text(reminder), notice_pdf_text(listed)

    for text in (first, last):
        assert "督办通知书" in text
        assert "云中镇：" in text
        assert matters.overdue_10.number in text
        assert "怀仁市信访局" in text
    assert "怀信督〔2026〕1号" in first and "2026年6月18日前将办理情况书面反馈" in first
    assert "办理期限为2026年6月5日，至今已超期10日" in first
    assert "现对该事项予以提醒" in first and "2026年6月15日" in first
    assert "挂牌督办" in last and "2026年7月1日" in last and "2026年6月16日" in last


def test_it_tells_the_units_handlers_of_each_notice(city, people, item):
    notice = services.supervision_notice_issue(
        actor=city.supervisor, item=item, level="reminder", feedback_due_on=D(2026, 6, 18), on=TODAY
    )

    sent = Notification.objects.filter(dedupe_key__startswith=f"supervision_notice:{notice.pk}:")
    assert {(n.recipient.username, n.channel) for n in sent} == {
        ("yz_chengban", "in_app"),
        ("yz_chengban", "sms"),
        ("yz_duban", "in_app"),
        ("yz_duban", "email"),
    }
    sms = sent.get(channel="sms")
    assert "怀信督〔2026〕1号" in sms.body and "2026-06-18" in sms.body
    assert "超期十日" not in sms.body  # the title stays inside the system


def test_it_keeps_the_history_of_follow_up_notes(city, item):
    services.supervision_follow_up(actor=city.supervisor, item=item, note="电话督促镇信访办，答复本周内办结")

    assert item.events.get().kind == SupervisionEvent.Kind.FOLLOW_UP
    assert SupervisionNotice.objects.count() == 0
