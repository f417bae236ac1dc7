"""EmailBackend sends through Django's e-mail framework (here its locmem backend, as SMTP would)."""

from django.core import mail

from minsheng.accounts.models import User
from minsheng.notifications.services import notification_queue


def test_it_sends_the_message_through_django_mail(city, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "email": "minsheng.notifications.backends.EmailBackend",
    }
    settings.NOTIFICATION_EMAIL_FROM = "xinfang@huairen.gov.cn"
    User.objects.filter(pk=city.supervisor.pk).update(email="duban@huairen.gov.cn")

    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = notification_queue(
            dedupe_key="m1",
            recipient=User.objects.get(pk=city.supervisor.pk),
            channel="email",
            subject="超期提醒：\n 三件事项",
            body="以下事项已超期，请督促办理。",
        )

    notification.refresh_from_db()
    assert notification.status == "sent"
    (message,) = mail.outbox
    assert (message.subject, message.body) == ("超期提醒： 三件事项", "以下事项已超期，请督促办理。")
    assert (message.from_email, message.to) == ("xinfang@huairen.gov.cn", ["duban@huairen.gov.cn"])


def test_a_refused_address_leaves_the_message_failed(city, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_BACKENDS = {
        **settings.NOTIFICATION_BACKENDS,
        "email": "minsheng.notifications.backends.EmailBackend",
    }

    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = notification_queue(
            dedupe_key="m2",
            recipient=None,
            channel="email",
            subject="提醒",
            body="正文",
            address="line\nbreak@huairen.gov.cn",
        )

    notification.refresh_from_db()
    assert notification.status == "failed" and notification.last_error.startswith("BadHeaderError")
    assert mail.outbox == []
