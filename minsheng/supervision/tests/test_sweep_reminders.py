"""The daily sweep reminds the unit responsible for a deadline 3 days before it and once it has passed,
in-app and by SMS and e-mail where the user has a number or an address."""

from minsheng.notifications.models import Notification
from minsheng.notifications.privacy import mask_address

from .conftest import TODAY
from .sweeping import queued, sweep


def test_it_reminds_exactly_the_responsible_people_on_each_channel(
    city, matters, people, django_capture_on_commit_callbacks
):
    report = sweep(django_capture_on_commit_callbacks, TODAY)

    assert queued() == {
        # 云中镇 has to tell the petitioner whether it accepts: its handler and its supervisor.
        ("三日后到期", "yz_chengban", "in_app", "soon"),
        ("三日后到期", "yz_chengban", "sms", "soon"),
        ("三日后到期", "yz_duban", "in_app", "soon"),
        ("三日后到期", "yz_duban", "email", "soon"),
        # The bureau has to route it today: its supervisor, not its registrar.
        ("今日到期", "duban", "in_app", "soon"),
        ("今日到期", "duban", "sms", "soon"),
        ("今日到期", "duban", "email", "soon"),
        # 住建局's handler has neither phone nor e-mail; its retired colleague is inactive.
        ("超期一日", "zj_chengban", "in_app", "overdue"),
        ("超期十日", "yz_chengban", "in_app", "overdue"),
        ("超期十日", "yz_chengban", "sms", "overdue"),
        ("超期十日", "yz_duban", "in_app", "overdue"),
        ("超期十日", "yz_duban", "email", "overdue"),
    }
    assert (report.reminders, report.items_opened) == (12, 2)
    # Four days away, without a deadline, or ended: checked only when within the window.
    assert report.matters == 4
    to_staff = Notification.objects.filter(recipient__isnull=False)
    assert set(to_staff.values_list("status", flat=True)) == {"sent"}


def test_it_sends_sms_and_email_through_the_log_backend(
    city, matters, people, django_capture_on_commit_callbacks, notification_log
):
    sweep(django_capture_on_commit_callbacks, TODAY)

    lines = sorted(r.getMessage() for r in notification_log.records if r.name == "minsheng.notifications")
    sent = {n.pk: n for n in Notification.objects.exclude(channel="in_app").filter(recipient__isnull=False)}
    # The log names the message and a masked address, never the text.
    assert lines == sorted(
        f"{n.channel} #{n.pk} to {mask_address(n.address)}: reminder" for n in sent.values()
    )
    assert sorted((n.channel, n.address) for n in sent.values()) == [
        ("email", "duban@huairen.gov.cn"),
        ("email", "yz_duban@huairen.gov.cn"),
        ("email", "yz_duban@huairen.gov.cn"),
        ("sms", "13900000001"),
        ("sms", "13900000002"),
        ("sms", "13900000002"),
    ]
    assert all(n.attempts == 1 and n.sent_at is not None for n in sent.values())


def test_it_says_what_is_due_and_keeps_titles_out_of_sms_and_email(
    city, matters, people, django_capture_on_commit_callbacks
):
    sweep(django_capture_on_commit_callbacks, TODAY)

    number = matters.soon.number
    in_app = Notification.objects.get(
        matter=matters.soon, recipient=people.yunzhong_handler, channel="in_app"
    )
    sms = Notification.objects.get(matter=matters.soon, channel="sms", recipient__isnull=False)
    assert in_app.subject == f"临期提醒：{number} 受理告知期限 2026-06-18"
    assert (
        in_app.body == f"信访事项 {number}「三日后到期」的受理告知期限为 2026-06-18，还剩 3 日。请及时办理。"
    )
    assert (
        sms.body == f"【民声】信访事项 {number} 的受理告知期限为 2026-06-18，还剩 3 日。请登录系统及时办理。"
    )
    today = Notification.objects.get(matter=matters.today, channel="in_app")
    assert "转送交办期限为 2026-06-15，今日到期" in today.body
    overdue = Notification.objects.get(
        matter=matters.overdue_10, recipient=people.yunzhong_handler, channel="sms"
    )
    assert overdue.subject == f"超期提醒：{matters.overdue_10.number} 办理期限 2026-06-05 已届满"
    assert "已超期 10 日，已列入督办" in overdue.body
    assert "超期十日" not in overdue.body + overdue.subject
    assert in_app.dedupe_key == (
        f"reminder:{matters.soon.pk}:accept:2026-06-18:soon:{people.yunzhong_handler.pk}:in_app"
    )
