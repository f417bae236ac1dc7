"""Lawyers at the visitor service centre (律师参与信访): duty roster, assignments to matters with the
conflict-of-interest declaration, legal opinions, mediation records and free legal consultations.

Data and database constraints only; every change goes through minsheng.legal.services.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.lib import crypto
from minsheng.lib.masking import mask_phone
from minsheng.petitions.models import Matter, Routing, user_field


class DutySession(models.TextChoices):
    MORNING = "morning", _("上午")
    AFTERNOON = "afternoon", _("下午")
    FULL_DAY = "full_day", _("全天")


# Morning before afternoon before the whole day, wherever shifts of one day are listed.
SESSION_ORDER = {DutySession.MORNING: 0, DutySession.AFTERNOON: 1, DutySession.FULL_DAY: 2}


def _lawyer_field(verbose_name, related_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class DutyShift(models.Model):
    """One lawyer on duty at the centre for one session of one day (值班安排)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("值班单位"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("日期"))
    session = models.CharField(_("时段"), max_length=10, choices=DutySession.choices)
    lawyer = _lawyer_field(_("值班律师"), "duty_shifts")
    place = models.CharField(_("地点"), max_length=100)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = user_field(_("安排人"))
    created_at = models.DateTimeField(_("安排时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("律师值班")
        verbose_name_plural = _("律师值班")
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lawyer", "day", "session"], name="legal_shift_unique_per_session"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "day"], name="legal_shift_org_day")]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.get_session_display()} {self.lawyer_id}"


class LawyerAssignment(models.Model):
    """A lawyer brought into a matter by the bureau. The lawyer declares on conflicts of interest
    before seeing the matter's details; a declared conflict ends the assignment."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待声明")
        ACTIVE = "active", _("参与中")
        CONFLICT = "conflict", _("利益冲突，已回避")
        ENDED = "ended", _("已结束")

    OPEN = (Status.PENDING, Status.ACTIVE)

    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="lawyer_assignments"
    )
    lawyer = _lawyer_field(_("律师"), "legal_assignments")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("指派单位"), on_delete=models.PROTECT, related_name="+"
    )
    request = models.TextField(_("指派事由"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    assigned_by = user_field(_("指派人"))
    assigned_at = models.DateTimeField(_("指派时间"))
    declared_at = models.DateTimeField(_("声明时间"), null=True, blank=True)
    # The confirmation the lawyer agreed to, or the relation that makes a conflict.
    declaration = models.TextField(_("利益冲突声明"), blank=True)
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    ended_by = user_field(_("结束人"))
    end_reason = models.TextField(_("结束原因"), blank=True)

    class Meta:
        verbose_name = _("律师指派")
        verbose_name_plural = _("律师指派")
        ordering = ["-assigned_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "lawyer"],
                condition=Q(status__in=["pending", "active"]),
                name="legal_assignment_one_open_per_lawyer",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["active", "conflict"]) | Q(declared_at__isnull=False),
                name="legal_assignment_declared",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "active"], ended_at__isnull=True)
                | Q(status__in=["conflict", "ended"], ended_at__isnull=False),
                name="legal_assignment_ended_consistent",
            ),
        ]
        indexes = [models.Index(fields=["lawyer", "status"], name="legal_assignment_lawyer")]

    def __str__(self):
        return f"{self.matter_id} {self.lawyer_id} {self.status}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class LegalEvent(models.TextChoices):
    """The kinds of timeline event (petitions.MatterEvent.kind) this app writes on a matter."""

    LAWYER_ASSIGNED = "lawyer_assigned", _("指派律师")
    LAWYER_DECLARED = "lawyer_declared", _("律师声明无利益冲突")
    LAWYER_CONFLICT = "lawyer_conflict", _("律师利益冲突回避")
    LAWYER_ENDED = "lawyer_ended", _("律师参与结束")
    LEGAL_OPINION = "legal_opinion", _("法律意见")
    LEGAL_MEDIATION = "legal_mediation", _("律师调解")
    LEGAL_CONSULTATION = "legal_consultation", _("法律咨询")


# Art 31: where a claim lawfully goes. (一)–(五) are the petitions app's own routes; (六) — handled as
# a petition, with investigation and a written reply — has no routing there, since it is the default.
ART31_ROUTES = (
    Routing.Route.LITIGATION,
    Routing.Route.ARBITRATION,
    Routing.Route.PARTY_APPEAL,
    Routing.Route.ADMINISTRATIVE,
    Routing.Route.DUTY,
)
PETITION_ROUTE = "petition"
ROUTE_CHOICES = [
    *((route.value, route.label) for route in ART31_ROUTES),
    (PETITION_ROUTE, _("按信访程序调查核实，出具信访处理意见书（第三十一条第六项）")),
]


class LegalOpinion(models.Model):
    """法律意见: the facts as the lawyer understands them, the analysis, the route recommended under
    Art 31 and its legal basis. Shown to whoever drafts the matter's reply."""

    assignment = models.ForeignKey(
        LawyerAssignment, verbose_name=_("律师指派"), on_delete=models.PROTECT, related_name="opinions"
    )
    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="legal_opinions"
    )
    lawyer = _lawyer_field(_("律师"), "legal_opinions")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("指派单位"), on_delete=models.PROTECT, related_name="+"
    )
    facts = models.TextField(_("律师了解的事实"))
    analysis = models.TextField(_("法律分析"))
    route = models.CharField(_("建议处理途径"), max_length=20, choices=ROUTE_CHOICES)
    basis = models.TextField(_("法律依据"))
    given_on = models.DateField(_("出具日期"))
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("法律意见")
        verbose_name_plural = _("法律意见")
        ordering = ["-given_on", "-pk"]
        indexes = [
            models.Index(fields=["matter", "given_on"], name="legal_opinion_matter"),
            models.Index(fields=["organisation", "given_on"], name="legal_opinion_org_day"),
        ]

    def __str__(self):
        return f"{self.matter_id} {self.given_on:%Y-%m-%d}"


class Mediation(models.Model):
    """调解记录 (Art 33): held with the consent of both sides; an agreement is put in writing."""

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("达成调解协议")
        FAILED = "failed", _("调解未成")

    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="legal_mediations"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("组织单位"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("调解日期"))
    place = models.CharField(_("调解地点"), max_length=200)
    parties = models.TextField(_("当事人"))
    lawyers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("参与律师"), related_name="legal_mediations"
    )
    outcome = models.CharField(_("调解结果"), max_length=10, choices=Outcome.choices)
    result = models.TextField(_("协议内容或未达成的原因"))
    recorded_by = user_field(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("调解记录")
        verbose_name_plural = _("调解记录")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["matter", "held_on"], name="legal_mediation_matter"),
            models.Index(fields=["organisation", "held_on"], name="legal_mediation_org_day"),
        ]

    def __str__(self):
        return f"{self.matter_id} {self.held_on:%Y-%m-%d} {self.outcome}"


class ConsultationTopic(models.TextChoices):
    MARRIAGE = "marriage", _("婚姻家庭与继承")
    LABOUR = "labour", _("劳动争议与工资")
    LAND = "land", _("土地承包与征地补偿")
    HOUSING = "housing", _("房屋拆迁与物业")
    CONTRACT = "contract", _("合同与债务")
    TORT = "tort", _("人身损害与侵权赔偿")
    SOCIAL_SECURITY = "social_security", _("社会保障与救助")
    ADMINISTRATIVE = "administrative", _("行政争议")
    PROCEDURE = "procedure", _("信访与诉讼程序")
    OTHER = "other", _("其他")


class Consultation(models.Model):
    """One free legal consultation (免费法律咨询). The person may stay anonymous; a phone number, when
    given, is encrypted at rest like a petitioner's and shown masked."""

    consulted_on = models.DateField(_("咨询日期"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("咨询地点"), on_delete=models.PROTECT, related_name="+"
    )
    lawyer = _lawyer_field(_("解答律师"), "legal_consultations")
    person_name = models.CharField(_("咨询人"), max_length=50, blank=True)
    phone_encrypted = models.TextField(blank=True, default="")
    topic = models.CharField(_("咨询类别"), max_length=20, choices=ConsultationTopic.choices)
    question = models.TextField(_("咨询问题"))
    advice = models.TextField(_("解答意见"))
    matter = models.ForeignKey(
        Matter,
        verbose_name=_("关联信访事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_consultations",
    )
    recorded_by = user_field(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("法律咨询")
        verbose_name_plural = _("法律咨询")
        ordering = ["-consulted_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "consulted_on"], name="legal_consult_org_day"),
            models.Index(fields=["lawyer", "consulted_on"], name="legal_consult_lawyer_day"),
            models.Index(fields=["consulted_on", "topic"], name="legal_consult_day_topic"),
        ]

    def __str__(self):
        return f"{self.consulted_on:%Y-%m-%d} {self.get_topic_display()}"

    @property
    def is_anonymous(self) -> bool:
        return not self.person_name

    @property
    def has_phone(self) -> bool:
        return bool(self.phone_encrypted)

    # Decrypted for masking only; the full number goes through services.consultation_phone_reveal.
    @property
    def phone_masked(self) -> str:
        return mask_phone(crypto.decrypt(self.phone_encrypted))
