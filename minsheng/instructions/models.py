"""Leaders' written instructions (批示), each tracked as one task per unit that must act.

The instruction's status is kept in step with its tasks by the services (open while a unit still has
work, fed back when every unit has answered, closed when the bureau has closed every task), so lists
and reports filter on a column; whether it is overdue is derived from the deadline when read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter
from minsheng.petitions.models.core import user_field


class Instruction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("办理中")
        FED_BACK = "fed_back", _("已全部反馈")
        CLOSED = "closed", _("已办结")

    number = models.CharField(_("编号"), max_length=40, unique=True)
    text = models.TextField(_("批示内容"))
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批示领导"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("批示日期"))
    # The jurisdiction the instruction was given in: for a member of the city's leading bodies, the
    # city. Reports count an instruction for this organisation and every organisation above it.
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("所属辖区"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("办理期限"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    matters = models.ManyToManyField(
        Matter, verbose_name=_("涉及信访事项"), blank=True, related_name="instructions"
    )
    # Where it was given, if at a reception: the session and the person received, or an appointment.
    session = models.ForeignKey(
        "reception.ReceptionSession",
        verbose_name=_("接访记录"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructions",
    )
    reception_entry = models.OneToOneField(
        "reception.ReceptionEntry",
        verbose_name=_("接待情况"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instruction",
    )
    appointment = models.OneToOneField(
        "reception.Appointment",
        verbose_name=_("领导约访"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instruction",
    )
    recorded_by = user_field(_("录入人"))
    recorded_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("领导批示")
        verbose_name_plural = _("领导批示")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("issued_on")), name="instruction_due_after_issue"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_on__isnull=False), name="instruction_closed_has_date"
            ),
        ]
        indexes = [
            models.Index(fields=["issued_on", "organisation"], name="instruction_issued"),
            models.Index(fields=["status", "due_on"], name="instruction_status_due"),
            models.Index(fields=["leader", "status"], name="instruction_leader"),
        ]

    def __str__(self):
        return self.number


class InstructionTask(models.Model):
    """What one unit must do about an instruction: its feedback, and the bureau's decision on it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待办")
        FED_BACK = "fed_back", _("已反馈")
        CLOSED = "closed", _("已办结")

    instruction = models.ForeignKey(
        Instruction, verbose_name=_("领导批示"), on_delete=models.CASCADE, related_name="tasks"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="instruction_tasks"
    )
    due_on = models.DateField(_("办理期限"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    feedback = models.TextField(_("办理情况反馈"), blank=True)
    fed_back_on = models.DateField(_("反馈日期"), null=True, blank=True)
    fed_back_by = user_field(_("反馈人"))
    returned_count = models.PositiveSmallIntegerField(_("退回次数"), default=0)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    closed_by = user_field(_("办结人"))

    class Meta:
        verbose_name = _("批示办理任务")
        verbose_name_plural = _("批示办理任务")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["instruction", "organisation"], name="instruction_task_one_per_unit"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | (~Q(feedback="") & Q(fed_back_on__isnull=False)),
                name="instruction_task_feedback_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_on__isnull=False),
                name="instruction_task_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="instruction_task_unit"),
            models.Index(fields=["status", "due_on"], name="instruction_task_due"),
        ]

    def __str__(self):
        return f"{self.instruction_id} → {self.organisation_id}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class InstructionTaskStep(models.Model):
    """The history of a task: each feedback, return for more work and closing, with its text."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("反馈办理情况")
        RETURNED = "returned", _("退回重办")
        CLOSED = "closed", _("办结")

    task = models.ForeignKey(InstructionTask, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("内容"), blank=True)
    on = models.DateField(_("日期"))
    actor = user_field(_("经办人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("批示办理记录")
        verbose_name_plural = _("批示办理记录")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.task_id} {self.kind}"
