from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Append-only record of logins, exports and views of personal data (网络安全法 Art 21).

    State changes of matters are written to their own timeline (petitions.MatterEvent); this log is
    for what happens around the data rather than to it. Nothing in the code updates or deletes rows.
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("登录")
        LOGOUT = "logout", _("退出")
        LOGIN_FAILED = "login_failed", _("登录失败")
        PERSONAL_DATA_VIEW = "personal_data_view", _("查看个人信息")
        ATTACHMENT_DOWNLOAD = "attachment_download", _("下载附件")
        EXPORT = "export", _("导出")
        API_TOKEN_CREATE = "api_token_create", _("创建 API 令牌")
        API_TOKEN_REVOKE = "api_token_revoke", _("吊销 API 令牌")
        KEY_ROTATION = "key_rotation", _("密钥轮换")
        IMPORT = "import", _("导入")
        MESSAGE_RESEND = "message_resend", _("重新发送消息")

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("操作人标识"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=30, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("对象类型"), max_length=50, blank=True)
    object_id = models.CharField(_("对象编号"), max_length=50, blank=True)
    detail = models.JSONField(_("详情"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()}"
