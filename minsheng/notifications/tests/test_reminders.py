"""The daily reminders to petitioners (`manage.py notifications_remind`): a review or recheck window
about to close, and a request to rate a reply; each sent once however often the job runs."""

from io import StringIO

from django.core.management import call_command

from minsheng.notifications.petitioners import petitioner_reminders_send
from minsheng.petitions import services
from minsheng.petitions.tests.workflow_steps import D, open_matter, take

from .petitioner_sms import one_text, petitioner_sms

HINT = "详情可凭查询码在网上信访平台查询。"
# Replied (served) on 15 July 2026: review may be requested until 14 August.
REVIEW_WINDOW_END = D(2026, 8, 14)


def test_it_reminds_three_days_before_the_review_window_closes(city, register):
    matter = take(city, open_matter(register), to="replied")

    assert petitioner_reminders_send(today=D(2026, 8, 10)) == 1  # four days left: only the rating reminder
    assert petitioner_sms("review_window_reminder") == []
    assert petitioner_reminders_send(today=D(2026, 8, 11)) == 1

    assert one_text("review_window_reminder") == (
        f"提醒：您的信访事项{matter.number}请求复查的期限至2026年8月14日，还有3天。{HINT}"
    )


def test_it_reminds_of_the_recheck_window(city, register):
    matter = take(city, open_matter(register), to="reviewed")

    petitioner_reminders_send(today=D(2026, 9, 26))

    assert one_text("recheck_window_reminder") == (
        f"提醒：您的信访事项{matter.number}请求复核的期限至2026年9月28日，还有2天。{HINT}"
    )


def test_it_reminds_once_however_often_it_runs(city, register):
    take(city, open_matter(register), to="replied")

    petitioner_reminders_send(today=D(2026, 8, 11))
    again = petitioner_reminders_send(today=D(2026, 8, 11))
    next_day = petitioner_reminders_send(today=D(2026, 8, 12))

    assert (again, next_day) == (0, 0)
    assert len(petitioner_sms("review_window_reminder")) == 1


def test_it_does_not_remind_after_the_window_or_once_review_was_requested(city, register):
    replied = take(city, open_matter(register), to="replied")
    requested = take(city, open_matter(register, title="另一事项：已申请复查"), to="review_requested")
    assert replied.pk != requested.pk

    petitioner_reminders_send(today=REVIEW_WINDOW_END)  # closes today: too late to be useful

    assert petitioner_sms("review_window_reminder") == []
    petitioner_reminders_send(today=D(2026, 8, 12))
    assert [m.matter for m in petitioner_sms("review_window_reminder")] == [replied]


def test_it_asks_to_rate_a_reply_a_week_after_it_was_served(city, register):
    matter = take(city, open_matter(register), to="replied")

    assert petitioner_reminders_send(today=D(2026, 7, 21)) == 0
    assert petitioner_reminders_send(today=D(2026, 7, 22)) == 1

    assert one_text("rating_reminder") == (
        f"您的信访事项{matter.number}已答复，请对办理结果作出评价（满意、基本满意或不满意）。{HINT}"
    )


def test_it_does_not_ask_to_rate_a_rated_matter(city, register):
    matter = take(city, open_matter(register), to="replied")
    services.matter_rate(actor=city.supervisor, matter=matter, value="satisfied")

    petitioner_reminders_send(today=D(2026, 7, 25))

    assert petitioner_sms("rating_reminder") == []


def test_the_command_runs_for_a_given_day(city, register):
    take(city, open_matter(register), to="replied")
    out = StringIO()

    call_command("notifications_remind", "--date", "2026-08-11", stdout=out)
    call_command("notifications_remind", "--date", "2026-08-11", stdout=out)

    assert out.getvalue().splitlines() == ["2026-08-11：新发提醒短信 2 条", "2026-08-11：新发提醒短信 0 条"]
