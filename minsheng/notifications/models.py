from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one address on one channel. In-app messages are only this row; SMS and e-mail
    are handed to the channel's backend after the transaction that queued them commits.

    `dedupe_key` names what the message is about (a reminder of one deadline to one person on one
    channel), so queueing it again finds this row instead of sending twice."""

    class Channel(models.TextChoices):
        IN_APP = "in_app", _("站内消息")
        SMS = "sms", _("短信")
        EMAIL = "email", _("电子邮件")

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("发送失败")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("接收人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    # The phone number or e-mail address at the time of queueing; empty for in-app messages.
    address = models.CharField(_("地址"), max_length=254, blank=True)
    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"))
    matter = models.ForeignKey(
        "petitions.Matter",
        verbose_name=_("信访事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dedupe_key = models.CharField(_("去重键"), max_length=200, unique=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "channel", "-created_at"], name="notification_inbox"),
            models.Index(fields=["status", "channel"], name="notification_status"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.address or self.recipient_id}: {self.subject}"
