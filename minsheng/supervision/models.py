"""Supervision (督办, Art 40): what the petition bureau follows up — overdue matters, unsatisfied
ratings, overdue instruction and meeting tasks — and the notices it issues about them, level by level
(提醒 → 督办 → 挂牌督办), each requiring the responsible unit's written feedback by a date."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation

# What each kind of current deadline (Matter.due_kind) is for, as people name it; the last two are the
# deadlines of tasks rather than of a matter's workflow.
DEADLINE_KIND_LABELS = {
    "route": _("转送交办"),
    "accept": _("受理告知"),
    "handle": _("办理"),
    "review": _("复查"),
    "recheck": _("复核"),
    "meeting_task": _("联席会议决定事项"),
    "instruction_task": _("领导批示"),
}


def _user(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Level(models.TextChoices):
    """Notice levels, in the order of escalation."""

    REMINDER = "reminder", _("提醒")
    SUPERVISION = "supervision", _("督办")
    LISTED = "listed", _("挂牌督办")


LEVEL_ORDER = [Level.REMINDER, Level.SUPERVISION, Level.LISTED]


def level_rank(level: str) -> int:
    """0 for no notice yet, then 1, 2, 3 up the ladder."""
    return LEVEL_ORDER.index(level) + 1 if level in LEVEL_ORDER else 0


class SupervisionItem(models.Model):
    """Something the supervisor has to follow up, about exactly one subject: a matter (a deadline has
    passed, or the petitioner is unsatisfied), an overdue instruction task or an overdue meeting task.

    An overdue item is keyed by the deadline it is about, so a daily sweep opens it once, and a
    closed one stays closed; a new deadline (an extension, the next step) is a new item. `organisation`
    is the unit responsible, to which notices are addressed; `level` and `feedback_due_on` follow the
    latest notice, so that lists filter and sort on columns."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("超期")
        UNSATISFIED = "unsatisfied", _("不满意回访")

    class Category(models.TextChoices):
        """What the item is about, as the dashboard counts them."""

        MATTER_OVERDUE = "matter_overdue", _("事项超期")
        UNSATISFIED = "unsatisfied", _("不满意回访")
        INSTRUCTION_OVERDUE = "instruction_overdue", _("批示超期")
        MEETING_TASK_OVERDUE = "meeting_task_overdue", _("会议决定超期")

    matter = models.ForeignKey(
        "petitions.Matter",
        verbose_name=_("信访事项"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervision_items",
    )
    meeting_task = models.ForeignKey(
        "meetings.MeetingTask",
        verbose_name=_("联席会议决定事项"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervision_items",
    )
    instruction_task = models.ForeignKey(
        "instructions.InstructionTask",
        verbose_name=_("批示办理任务"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervision_items",
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    deadline_kind = models.CharField(_("期限类型"), max_length=30, blank=True)
    due_on = models.DateField(_("期限"), null=True, blank=True)
    # The answer an unsatisfied rating was about; empty for overdue items.
    reply = models.ForeignKey(
        "petitions.Reply",
        verbose_name=_("答复"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("责任单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.CharField(_("督办级别"), max_length=20, choices=Level.choices, blank=True)
    # The latest notice's feedback date while it waits for the unit's feedback; empty otherwise.
    feedback_due_on = models.DateField(_("反馈期限"), null=True, blank=True)
    opened_on = models.DateField(_("发起日期"))
    opened_by = _user(_("发起人"))
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    closed_by = _user(_("办结人"))
    note = models.TextField(_("说明"), blank=True)
    close_note = models.TextField(_("办结说明"), blank=True)

    class Meta:
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")
        ordering = ["opened_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "kind", "deadline_kind", "due_on"],
                name="supervision_item_once_per_deadline",
            ),
            models.UniqueConstraint(
                fields=["meeting_task", "due_on"],
                condition=Q(meeting_task__isnull=False),
                name="supervision_item_once_per_meeting_task_deadline",
            ),
            models.UniqueConstraint(
                fields=["instruction_task", "due_on"],
                condition=Q(instruction_task__isnull=False),
                name="supervision_item_once_per_instruction_task_deadline",
            ),
            # An unsatisfied rating recorded again while its item is open adds nothing; recorded after
            # the supervisor closed the item, it is news and opens a new one.
            models.UniqueConstraint(
                fields=["reply"],
                condition=Q(kind="unsatisfied", closed_on__isnull=True),
                name="supervision_item_one_open_per_reply",
            ),
            models.CheckConstraint(
                condition=~Q(kind="overdue") | Q(due_on__isnull=False), name="supervision_overdue_has_due_on"
            ),
            models.CheckConstraint(
                condition=~Q(kind="unsatisfied") | Q(reply__isnull=False, matter__isnull=False),
                name="supervision_unsatisfied_has_reply",
            ),
            models.CheckConstraint(
                condition=Q(matter__isnull=False, meeting_task__isnull=True, instruction_task__isnull=True)
                | Q(matter__isnull=True, meeting_task__isnull=False, instruction_task__isnull=True)
                | Q(matter__isnull=True, meeting_task__isnull=True, instruction_task__isnull=False),
                name="supervision_item_one_subject",
            ),
        ]
        indexes = [
            models.Index(fields=["closed_on", "due_on"], name="supervision_item_open"),
            models.Index(fields=["organisation", "closed_on"], name="supervision_item_unit"),
        ]

    def __str__(self):
        subject = self.matter_id or f"M{self.meeting_task_id or ''}I{self.instruction_task_id or ''}"
        return f"{subject} {self.get_kind_display()} {self.due_on or ''}".strip()

    @property
    def deadline_label(self) -> str:
        return str(DEADLINE_KIND_LABELS.get(self.deadline_kind, self.deadline_kind))

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def category(self) -> str:
        if self.instruction_task_id is not None:
            return self.Category.INSTRUCTION_OVERDUE
        if self.meeting_task_id is not None:
            return self.Category.MEETING_TASK_OVERDUE
        if self.kind == self.Kind.UNSATISFIED:
            return self.Category.UNSATISFIED
        return self.Category.MATTER_OVERDUE

    @property
    def category_label(self) -> str:
        return str(self.Category(self.category).label)

    @property
    def level_rank(self) -> int:
        return level_rank(self.level)


class SupervisionNotice(models.Model):
    """A supervision notice (督办通知书): an official document to the responsible unit, at a level,
    requiring written feedback by a date. Its text is prepared when it is issued and kept as data;
    minsheng.documents renders it. At most one notice of an item waits for feedback or acceptance."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", _("待反馈")
        FED_BACK = "fed_back", _("已反馈")
        ACCEPTED = "accepted", _("反馈已认可")
        ESCALATED = "escalated", _("已升级")
        CLOSED = "closed", _("督办已办结")

    OPEN_STATUSES = (Status.AWAITING, Status.FED_BACK)

    item = models.ForeignKey(SupervisionItem, on_delete=models.CASCADE, related_name="notices")
    level = models.CharField(_("督办级别"), max_length=20, choices=Level.choices)
    number = models.CharField(_("文号"), max_length=40, unique=True)
    addressee = models.ForeignKey(
        Organisation, verbose_name=_("主送单位"), on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("发文单位"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("发出日期"))
    issued_by = _user(_("签发人"))
    feedback_due_on = models.DateField(_("反馈期限"))
    requirement = models.TextField(_("督办要求"), blank=True)
    paragraphs = models.JSONField(_("正文"), default=list)
    fields = models.JSONField(_("要素"), default=list)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.AWAITING)
    accepted_on = models.DateField(_("认可日期"), null=True, blank=True)
    accepted_by = _user(_("认可人"))

    class Meta:
        verbose_name = _("督办通知书")
        verbose_name_plural = _("督办通知书")
        ordering = ["issued_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(status__in=["awaiting", "fed_back"]),
                name="supervision_one_open_notice_per_item",
            ),
            models.CheckConstraint(
                condition=Q(feedback_due_on__gt=models.F("issued_on")),
                name="supervision_notice_feedback_after_issue",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class SupervisionFeedback(models.Model):
    """The responsible unit's written feedback on a notice (Art 40 para 4: 书面反馈)."""

    notice = models.ForeignKey(SupervisionNotice, on_delete=models.CASCADE, related_name="feedbacks")
    text = models.TextField(_("反馈内容"))
    submitted_on = models.DateField(_("反馈日期"))
    submitted_by = _user(_("反馈人"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("反馈单位"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"))

    class Meta:
        verbose_name = _("督办反馈")
        verbose_name_plural = _("督办反馈")
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.notice_id} {self.submitted_on:%Y-%m-%d}"

    @property
    def days_late(self) -> int:
        return max((self.submitted_on - self.notice.feedback_due_on).days, 0)


class SupervisionEvent(models.Model):
    """One line of an item's history: each notice, feedback, acceptance, escalation, follow-up note
    (跟踪问效) and the close, with who and when."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("发出督办通知")
        ESCALATED = "escalated", _("升级督办")
        FEEDBACK = "feedback", _("书面反馈")
        ACCEPTED = "accepted", _("认可反馈")
        FOLLOW_UP = "follow_up", _("跟踪问效")
        CLOSED = "closed", _("办结")

    item = models.ForeignKey(SupervisionItem, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=20, choices=Kind.choices)
    notice = models.ForeignKey(
        SupervisionNotice, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)
    actor = _user(_("操作人"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("督办记录")
        verbose_name_plural = _("督办记录")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"
