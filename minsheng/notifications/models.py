from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.lib import crypto

from .catalogue import EVENTS, event_choices, template_errors
from .privacy import scrub


class Notification(models.Model):
    """One message to one address on one channel. In-app messages are only this row; SMS and e-mail
    are handed to the channel's backend after the transaction that queued them commits, and retried by
    `manage.py notifications_retry` when that fails or never happened.

    `dedupe_key` names what the message is about (a reminder of one deadline to one person on one
    channel), so queueing it again finds this row instead of sending twice.

    Messages to people without an account (petitioners) keep their number only encrypted, in
    `address_encrypted`; `address` then holds the masked form. A sensitive message (a portal password)
    keeps its text only encrypted, in `body_encrypted`; `body` then holds the redacted text that
    staff may read."""

    class Channel(models.TextChoices):
        IN_APP = "in_app", _("站内消息")
        SMS = "sms", _("短信")
        EMAIL = "email", _("电子邮件")

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
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
    # The phone number or e-mail address at the time of queueing (masked when it is encrypted below);
    # empty for in-app messages.
    address = models.CharField(_("地址"), max_length=254, blank=True)
    address_encrypted = models.TextField(blank=True, default="", editable=False)
    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    # What the message is about: an event of notifications.catalogue, or empty for staff messages
    # whose kind is the first part of the dedupe key.
    event = models.CharField(_("事件"), max_length=40, blank=True, default="")
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"))
    sensitive = models.BooleanField(_("含敏感信息"), default=False)
    body_encrypted = models.TextField(blank=True, default="", editable=False)
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
    # When `notifications_retry` may next try: after the backoff of a failure, after a grace period for
    # a message still pending, or when the lease of an attempt in progress runs out. NULL: never again
    # by itself (sent, in-app, or out of attempts).
    next_attempt_at = models.DateTimeField(_("下次重试时间"), null=True, blank=True)
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
            models.Index(fields=["status", "next_attempt_at"], name="notification_retry_due"),
            models.Index(fields=["channel", "-created_at"], name="notification_outbox"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.address or self.recipient_id}: {self.subject}"

    @property
    def kind(self) -> str:
        return self.event or self.dedupe_key.split(":", 1)[0]

    @property
    def kind_label(self) -> str:
        # Staff messages are named by their subject; their kind is only a code of the sending app.
        spec = EVENTS.get(self.event)
        return str(spec.label) if spec else str(_("工作通知"))

    @property
    def last_error_shown(self) -> str:
        # A gateway's error may repeat a staff member's address, kept in clear on this row.
        return scrub(self.last_error, address=self.address)

    def clear_address(self) -> str:
        return crypto.decrypt(self.address_encrypted) if self.address_encrypted else self.address


class MessageTemplate(models.Model):
    """The bureau's own wording of one event's message on one channel; wins over the default text of
    notifications.catalogue. Only the placeholders that event knows are accepted."""

    event = models.CharField(_("事件"), max_length=40, choices=event_choices)
    channel = models.CharField(_("渠道"), max_length=10, choices=Notification.Channel.choices)
    subject = models.CharField(_("标题"), max_length=200, blank=True, help_text=_("电子邮件和站内消息的标题"))
    body = models.TextField(_("内容"))
    is_active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("消息模板")
        verbose_name_plural = _("消息模板")
        ordering = ["event", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["event", "channel"], name="message_template_once_per_channel"),
        ]

    def __str__(self):
        return f"{self.event} / {self.get_channel_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._forget()
        return result

    @staticmethod
    def _forget():
        # The services keep the active templates for a few seconds; a change here applies at once.
        from .services import templates_forget

        templates_forget()

    def clean(self):
        spec = EVENTS.get(self.event)
        if spec is None:
            raise ValidationError({"event": [_("未知的消息事件")]})
        errors = {}
        for field in ("subject", "body"):
            messages = template_errors(spec, getattr(self, field) or "", need_required=field == "body")
            if messages:
                errors[field] = messages
        if errors:
            raise ValidationError(errors)
