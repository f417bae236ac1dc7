"""Records of the statutory steps a matter takes after registration (《信访工作条例》 Art 22–36)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation

from .core import Matter, user_field


def _actor_field():
    return user_field(_("经办人"))


class Routing(models.Model):
    """How the petition bureau (or a unit that received a matter directly) sent it on (Art 22, 23, 31)."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("转送")
        ASSIGN = "assign", _("交办")
        DIVERT = "divert", _("依法分类导入")

    class Route(models.TextChoices):
        POLITICAL_LEGAL = "political_legal", _("转政法机关（涉法涉诉）")
        DISCIPLINE = "discipline", _("转纪检监察机关（检举控告）")
        LITIGATION = "litigation", _("诉讼、复议、检察或公安法律程序（第三十一条第一项）")
        ARBITRATION = "arbitration", _("仲裁（第三十一条第二项）")
        PARTY_APPEAL = "party_appeal", _("党员申诉、申请复审（第三十一条第三项）")
        ADMINISTRATIVE = "administrative", _("行政复议、裁决、确认、许可、处罚等行政程序（第三十一条第四项）")
        DUTY = "duty", _("申请查处违法行为、履行保护职责（第三十一条第五项）")

    # Routes that hand the matter to another organisation in the tree, and the kind it must be.
    ROUTE_ORG_KINDS = {
        Route.POLITICAL_LEGAL: Organisation.Kind.POLITICAL_LEGAL,
        Route.DISCIPLINE: Organisation.Kind.DISCIPLINE,
    }

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="routings")
    kind = models.CharField(_("方式"), max_length=10, choices=Kind.choices)
    route = models.CharField(_("导入途径"), max_length=20, choices=Route.choices, blank=True)
    from_org = models.ForeignKey(
        Organisation, verbose_name=_("送出单位"), on_delete=models.PROTECT, related_name="+"
    )
    to_org = models.ForeignKey(
        Organisation,
        verbose_name=_("接收单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    guidance = models.TextField(_("告知信访人的去向"), blank=True)
    note = models.TextField(_("说明"), blank=True)
    routed_on = models.DateField(_("转出日期"))
    report_due_on = models.DateField(_("反馈期限"), null=True, blank=True)
    objected_on = models.DateField(_("异议日期"), null=True, blank=True)
    objection_reason = models.TextField(_("异议理由"), blank=True)
    actor = _actor_field()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("转送交办记录")
        verbose_name_plural = _("转送交办记录")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.matter_id} {self.get_kind_display()} → {self.to_org_id or self.route}"


class HandlingNote(models.Model):
    """Investigation notes and mediation or settlement records while a matter is handled (Art 31(六), 33)."""

    class Kind(models.TextChoices):
        INVESTIGATION = "investigation", _("调查核实")
        MEDIATION = "mediation", _("调解")
        SETTLEMENT = "settlement", _("和解")

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="handling_notes")
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("内容"))
    agreement_reached = models.BooleanField(
        _("达成协议"), default=False, help_text=_("调解或和解达成一致的，应当制作协议书（第三十三条）")
    )
    actor = _actor_field()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.matter_id} {self.get_kind_display()}"


class Extension(models.Model):
    """The one extension a matter may have (Art 34): at most 30 days, approved by the unit's head."""

    matter = models.OneToOneField(Matter, on_delete=models.CASCADE, related_name="extension")
    days = models.PositiveSmallIntegerField(_("延长天数"))
    reason = models.TextField(_("延期理由"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批准人"), on_delete=models.PROTECT, related_name="+"
    )
    previous_due_on = models.DateField(_("原期限"))
    new_due_on = models.DateField(_("新期限"))
    actor = _actor_field()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("延期")
        verbose_name_plural = _("延期")

    def __str__(self):
        return f"{self.matter_id} +{self.days}"


class Reconsideration(models.Model):
    """A request for review (复查, Art 35) or recheck (复核, Art 36) and its progress at the upper level."""

    class Stage(models.TextChoices):
        REVIEW = "review", _("复查")
        RECHECK = "recheck", _("复核")

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="reconsiderations")
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("复查/复核机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The upper level may lie outside this system's tree (a recheck at the prefecture, say).
    organisation_name = models.CharField(_("复查/复核机关名称"), max_length=100)
    requested_on = models.DateField(_("收到申请日期"))
    reason = models.TextField(_("申请理由"), blank=True)
    due_on = models.DateField(_("意见期限"))
    hearing_days = models.PositiveSmallIntegerField(_("听证用时（日）"), default=0)
    decided_on = models.DateField(_("作出意见日期"), null=True, blank=True)
    actor = _actor_field()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("复查复核")
        verbose_name_plural = _("复查复核")
        constraints = [
            models.UniqueConstraint(fields=["matter", "stage"], name="reconsideration_once_per_stage"),
        ]

    def __str__(self):
        return f"{self.matter_id} {self.get_stage_display()}"


class Notice(models.Model):
    """A written notice or form issued on a matter, kept as data and rendered to PDF on demand."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("文书类型"), max_length=40)
    title = models.CharField(_("标题"), max_length=100)
    number = models.CharField(_("文号"), max_length=50)
    addressee = models.CharField(_("主送"), max_length=200)
    paragraphs = models.JSONField(_("正文"), default=list)
    fields = models.JSONField(_("要素"), default=list)
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("发文单位"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("成文日期"))
    actor = _actor_field()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.title} {self.number}"
