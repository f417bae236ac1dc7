"""Joint meetings (信访工作联席会议, Art 7, 13, 24): who met, which matters they discussed, what they
decided, and each decision as a task that its owning unit reports back on."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation


def _user(verbose_name):
    # Records outlive accounts: a departed chair or recorder stays named on the minutes (name fields).
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class JointMeeting(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("例会")
        SPECIAL = "special", _("专题会议")

    held_on = models.DateField(_("会议日期"))
    kind = models.CharField(_("会议类型"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("议题"), max_length=200)
    # The city's meeting is convened by the petition bureau (the office of the joint meeting); a
    # township may hold its own (Art 13 para 3).
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("召集单位"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("地点"), max_length=200, blank=True)
    chair = _user(_("主持人账号"))
    # Always filled: the name and post as the minutes print them, also for a chair without an account.
    chair_name = models.CharField(_("主持人"), max_length=100)
    minutes = models.TextField(_("会议纪要"))
    recorded_by = _user(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("联席会议")
        verbose_name_plural = _("联席会议")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "held_on"], name="meeting_org_held_on")]
        constraints = [
            models.CheckConstraint(condition=~Q(chair_name=""), name="meeting_has_chair_name"),
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}：{self.title}"

    @property
    def label(self) -> str:
        """How notes and notices name the meeting: 2026年6月10日联席会议（专题会议）."""
        day = self.held_on
        return f"{day.year}年{day.month}月{day.day}日联席会议（{self.get_kind_display()}）"


class MeetingAttendee(models.Model):
    meeting = models.ForeignKey(JointMeeting, on_delete=models.CASCADE, related_name="attendees")
    user = _user(_("账号"))
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.CharField(_("单位及职务"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("参会人员")
        verbose_name_plural = _("参会人员")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="meeting_attendee_has_name"),
            models.UniqueConstraint(
                fields=["meeting", "user"], condition=Q(user__isnull=False), name="meeting_attendee_once"
            ),
        ]

    def __str__(self):
        return f"{self.name}（{self.unit}）" if self.unit else self.name


class MeetingMatter(models.Model):
    """A matter the meeting discussed (研究的信访事项)."""

    meeting = models.ForeignKey(JointMeeting, on_delete=models.CASCADE, related_name="discussed")
    matter = models.ForeignKey(
        "petitions.Matter", verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("研究事项")
        verbose_name_plural = _("研究事项")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "matter"], name="meeting_matter_once")]

    def __str__(self):
        return f"{self.meeting_id}:{self.matter_id}"


class MeetingTask(models.Model):
    """One decision of a meeting, as the task it becomes: a unit (optionally a person in it) must act
    by a date and report back; the convening office closes it or returns it for more work.

    A jurisdiction decision (Art 24) names the unit that must handle a disputed matter; applying it
    sends the matter there through the routing service."""

    class Kind(models.TextChoices):
        TASK = "task", _("议定事项")
        JURISDICTION = "jurisdiction", _("确定受理单位")

    class Status(models.TextChoices):
        OPEN = "open", _("待办")
        FED_BACK = "fed_back", _("已反馈")
        CLOSED = "closed", _("已办结")

    meeting = models.ForeignKey(JointMeeting, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(_("序号"))
    kind = models.CharField(_("决定类型"), max_length=20, choices=Kind.choices, default=Kind.TASK)
    decision = models.TextField(_("决定事项"))
    matter = models.ForeignKey(
        "petitions.Matter",
        verbose_name=_("信访事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="+"
    )
    assignee = _user(_("责任人"))
    due_on = models.DateField(_("完成期限"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    closed_by = _user(_("办结人"))
    # A jurisdiction decision once applied to its matter: the routing it made (none when the matter was
    # already with the decided unit).
    applied_on = models.DateField(_("执行日期"), null=True, blank=True)
    applied_by = _user(_("执行人"))
    routing = models.ForeignKey(
        "petitions.Routing",
        verbose_name=_("转送记录"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("会议决定事项")
        verbose_name_plural = _("会议决定事项")
        ordering = ["meeting", "position"]
        indexes = [models.Index(fields=["status", "due_on"], name="meeting_task_open")]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="meeting_task_position_once"),
            models.CheckConstraint(
                condition=~Q(kind="jurisdiction") | Q(matter__isnull=False),
                name="meeting_jurisdiction_has_matter",
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_on__isnull=False)
                | (~Q(status="closed") & Q(closed_on__isnull=True)),
                name="meeting_task_closed_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.meeting_id}-{self.position} {self.organisation_id} {self.due_on:%Y-%m-%d}"

    @property
    def is_jurisdiction(self) -> bool:
        return self.kind == self.Kind.JURISDICTION

    @property
    def is_applied(self) -> bool:
        return self.applied_on is not None


class MeetingTaskEntry(models.Model):
    """The history of a task: the unit's feedback, and the convening office's return or close."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("反馈")
        RETURNED = "returned", _("退回重办")
        CLOSED = "closed", _("办结")
        APPLIED = "applied", _("执行受理决定")

    task = models.ForeignKey(MeetingTask, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("内容"), blank=True)
    on = models.DateField(_("日期"))
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
        verbose_name = _("决定事项办理记录")
        verbose_name_plural = _("决定事项办理记录")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.task_id} {self.kind} {self.on:%Y-%m-%d}"
