"""CPPCC proposals (政协提案): sessions, proposals, co-signers, assignments to units, handling records,
reply letters, feedback and the timeline.

Only data and database invariants live here; every change goes through `services/`. A proposal's
status is the single place the workflow reads; the deadline columns are plain dates so lists can tell
overdue from on time in SQL.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.lib import crypto
from minsheng.lib.masking import mask_phone
from minsheng.petitions.models.core import user_field


class ProposalSession(models.Model):
    """A session of the city CPPCC (届次), e.g. 二届二次会议. Proposal numbers run per session."""

    name = models.CharField(_("届次"), max_length=50, unique=True)
    opens_on = models.DateField(_("开幕日期"))
    closes_on = models.DateField(_("闭幕日期"), null=True, blank=True)
    is_current = models.BooleanField(_("当前届次"), default=False)
    # Last number given at admission; the row is locked while a number is taken.
    last_number = models.PositiveIntegerField(_("已用编号"), default=0)

    class Meta:
        verbose_name = _("会议届次")
        verbose_name_plural = _("会议届次")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="proposal_one_current_session",
            ),
        ]

    def __str__(self):
        return self.name


class JointHandling(models.Model):
    """Proposals on one matter handled together (并案办理); each proposal still gets its own reply."""

    title = models.CharField(_("并案事由"), max_length=200)
    created_by = user_field(_("并案人"))
    created_at = models.DateTimeField(_("并案时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("并案办理")
        verbose_name_plural = _("并案办理")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Proposal(models.Model):
    class Status(models.TextChoices):
        COSIGNING = "cosigning", _("待联名确认")
        SUBMITTED = "submitted", _("待审查")
        ADMITTED = "admitted", _("已立案")
        NOT_ADMITTED = "not_admitted", _("不予立案")
        CONVERTED = "converted", _("转意见建议")
        ASSIGNED = "assigned", _("办理中")
        REPLIED = "replied", _("已答复")
        REHANDLING = "rehandling", _("重新办理")
        CLOSED = "closed", _("已办结")

    class Grade(models.TextChoices):
        A = "A", _("A类（已解决或采纳）")
        B = "B", _("B类（列入计划或部分解决）")
        C = "C", _("C类（留作参考）")

    class Rating(models.TextChoices):
        SATISFIED = "satisfied", _("满意")
        BASICALLY_SATISFIED = "basically_satisfied", _("基本满意")
        UNSATISFIED = "unsatisfied", _("不满意")

    # Statuses in which units are working on it (deadline applies).
    HANDLING_STATUSES = (Status.ASSIGNED, Status.REHANDLING)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(
        ProposalSession, verbose_name=_("届次"), on_delete=models.PROTECT, related_name="proposals"
    )
    number = models.PositiveIntegerField(_("提案号"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)

    # What the proposer wrote (the form of the reference proposal).
    title = models.CharField(_("标题"), max_length=200)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提案人"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    proposer_name = models.CharField(_("提案人姓名"), max_length=50)
    proposer_unit_post = models.CharField(_("单位及职务"), max_length=200, blank=True)
    # Personal data: encrypted at rest, shown only to the proposal office and the assigned units.
    phone_encrypted = models.TextField(blank=True, default="")
    address_encrypted = models.TextField(blank=True, default="")
    desired_departments = models.CharField(_("希望得到办理的部门"), max_length=200, blank=True)
    reason = models.TextField(_("案由"))
    suggestions = models.TextField(_("建议"))
    submitted_by = user_field(_("录入人"))
    submitted_at = models.DateTimeField(_("提交时间"))
    cosign_deadline = models.DateField(_("联名确认截止日期"), null=True, blank=True)
    # The one-matter heuristic's explanation at submission (empty when the text looks like one matter).
    multi_matter_warning = models.TextField(_("一事一议提醒"), blank=True)

    # Review by the proposal office.
    review_opinion = models.TextField(_("初审意见"), blank=True)
    leader_instruction = models.TextField(_("领导批示"), blank=True)
    is_key = models.BooleanField(_("重点提案"), default=False)
    reviewed_by = user_field(_("审查人"))
    reviewed_at = models.DateTimeField(_("审查时间"), null=True, blank=True)
    not_admitted_ground = models.CharField(_("不予立案理由"), max_length=100, blank=True)
    not_admitted_notice = models.TextField(_("不予立案通知"), blank=True)
    converted_to = models.ForeignKey(
        Organisation,
        verbose_name=_("转交单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Assignment and handling.
    assigned_on = models.DateField(_("交办日期"), null=True, blank=True)
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    round = models.PositiveSmallIntegerField(_("办理轮次"), default=1)
    joint_handling = models.ForeignKey(
        JointHandling,
        verbose_name=_("并案办理"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    grade = models.CharField(_("答复类别"), max_length=1, choices=Grade.choices, blank=True)
    rating = models.CharField(_("满意度"), max_length=20, choices=Rating.choices, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("提案")
        verbose_name_plural = _("提案")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="proposal_number_per_session"),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(status="closed"),
                name="proposal_published_only_when_closed",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="proposal_status_due"),
            models.Index(fields=["session", "status"], name="proposal_session_status"),
        ]

    def __str__(self):
        if self.number:
            return _("第 %(number)s 号：%(title)s") % {"number": self.number, "title": self.title}
        return self.title

    @property
    def number_label(self) -> str:
        return _("第 %(number)s 号") % {"number": self.number} if self.number else ""

    @property
    def phone(self) -> str:
        """The full phone number. Callers show it only to the office and assigned units."""
        return crypto.decrypt(self.phone_encrypted)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def address(self) -> str:
        return crypto.decrypt(self.address_encrypted)


class Cosigner(models.Model):
    """A member who co-signs (联名). Each answers before the proposal's cosign deadline."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("待确认")
        CONFIRMED = "confirmed", _("已确认")
        DECLINED = "declined", _("已拒绝")
        DROPPED = "dropped", _("逾期未确认")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="cosigners")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("联名提案人"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("排名"), default=0)
    answer = models.CharField(_("确认情况"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("联名提案人")
        verbose_name_plural = _("联名提案人")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="cosigner_once")]

    def __str__(self):
        return str(self.member)


class Attachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="proposals/%Y/%m/", max_length=200)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    uploaded_by = user_field(_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("提案附件")
        verbose_name_plural = _("提案附件")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class Assignment(models.Model):
    """A unit asked to handle a proposal: lead (主办), co-handling (会办) or separate (分办).

    An objection within the window withdraws the assignment (`withdrawn_at`) and the office assigns
    again; withdrawn rows stay as the record of who was asked."""

    class Role(models.TextChoices):
        LEAD = "lead", _("主办")
        CO = "co", _("会办")
        SEPARATE = "separate", _("分办")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        Organisation,
        verbose_name=_("承办单位"),
        on_delete=models.PROTECT,
        related_name="proposal_assignments",
    )
    role = models.CharField(_("办理方式"), max_length=10, choices=Role.choices)
    assigned_by = user_field(_("交办人"))
    assigned_at = models.DateTimeField(_("交办时间"))
    objection_until = models.DateField(_("异议截止日期"))
    objected_at = models.DateTimeField(_("提出异议时间"), null=True, blank=True)
    objection_reason = models.TextField(_("异议理由"), blank=True)
    objected_by = user_field(_("异议提出人"))
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("交办单位")
        verbose_name_plural = _("交办单位")
        ordering = ["proposal", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "unit"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="proposal_assignment_unit_once",
            ),
            models.UniqueConstraint(
                fields=["proposal"],
                condition=models.Q(withdrawn_at__isnull=True, role="lead"),
                name="proposal_one_lead_unit",
            ),
        ]

    def __str__(self):
        return f"{self.unit} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Contact(models.Model):
    """A contact of a unit with the proposer while handling (办前、办中、办后沟通)."""

    class Way(models.TextChoices):
        VISIT = "visit", _("登门走访")
        MEETING = "meeting", _("座谈面商")
        PHONE = "phone", _("电话沟通")
        LETTER = "letter", _("书面沟通")
        OTHER = "other", _("其他")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="contacts")
    unit = models.ForeignKey(
        Organisation, verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+"
    )
    contacted_on = models.DateField(_("沟通日期"))
    way = models.CharField(_("沟通方式"), max_length=10, choices=Way.choices)
    content = models.TextField(_("沟通内容"))
    recorded_by = user_field(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("沟通记录")
        verbose_name_plural = _("沟通记录")
        ordering = ["contacted_on", "pk"]

    def __str__(self):
        return f"{self.contacted_on:%Y-%m-%d} {self.get_way_display()}"


class CoHandlingView(models.Model):
    """A co-handling unit's view (会办意见) sent to the lead unit for one handling round."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="views")
    round = models.PositiveSmallIntegerField(_("办理轮次"), default=1)
    content = models.TextField(_("会办意见"))
    sent_by = user_field(_("提交人"))
    sent_at = models.DateTimeField(_("提交时间"))

    class Meta:
        verbose_name = _("会办意见")
        verbose_name_plural = _("会办意见")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "round"], name="cohandling_view_once_per_round")
        ]

    def __str__(self):
        return str(self.assignment)


class Reply(models.Model):
    """A reply letter (回复) of the lead unit or of a separate unit, for one handling round, with the
    handling report (办理情况报告) signed off by the unit's leader. Drafted, signed, then sent."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="replies")
    unit = models.ForeignKey(
        Organisation, verbose_name=_("答复单位"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.PositiveSmallIntegerField(_("办理轮次"), default=1)
    addressee = models.CharField(_("称谓"), max_length=50)  # 王旭东委员：
    acknowledgement = models.CharField(_("开头语"), max_length=300)  # 您提出的《…》提案收悉，现回复如下：
    opening = models.TextField(_("正文引言"), blank=True)
    # [{"heading": "一、严格落实领导干部接访制度……。", "body": "……"}, …]
    measures = models.JSONField(_("办理措施"), default=list)
    closing = models.TextField(_("结束语"), blank=True)
    unit_name = models.CharField(_("落款单位"), max_length=100)
    reply_on = models.DateField(_("答复日期"))
    grade = models.CharField(_("答复类别"), max_length=1, choices=Proposal.Grade.choices)
    report = models.TextField(_("办理情况报告"))
    signed_by_name = models.CharField(_("承办单位领导签字"), max_length=50, blank=True)
    signed_on = models.DateField(_("签字日期"), null=True, blank=True)
    drafted_by = user_field(_("拟稿人"))
    drafted_at = models.DateTimeField(_("拟稿时间"))
    sent_at = models.DateTimeField(_("发出时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("提案答复")
        verbose_name_plural = _("提案答复")
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "unit", "round"], name="proposal_reply_once_per_round"
            ),
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True) | ~models.Q(signed_by_name=""),
                name="proposal_reply_sent_only_signed",
            ),
        ]

    def __str__(self):
        return f"{self.unit_name} {self.reply_on:%Y-%m-%d}"


class Feedback(models.Model):
    """The proposer's rating of the answer of one handling round."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="feedback")
    round = models.PositiveSmallIntegerField(_("办理轮次"))
    rating = models.CharField(_("满意度"), max_length=20, choices=Proposal.Rating.choices)
    comment = models.TextField(_("意见"), blank=True)
    rated_by = user_field(_("评价人"))
    rated_at = models.DateTimeField(_("评价时间"))

    class Meta:
        verbose_name = _("办理评价")
        verbose_name_plural = _("办理评价")
        ordering = ["round"]
        constraints = [models.UniqueConstraint(fields=["proposal", "round"], name="proposal_feedback_once")]

    def __str__(self):
        return self.get_rating_display()


class ProposalEvent(models.Model):
    """The timeline of a proposal: who did what, when."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("提交提案")
        ATTACHED = "attached", _("添加附件")
        COSIGN_CONFIRMED = "cosign_confirmed", _("联名确认")
        COSIGN_DECLINED = "cosign_declined", _("联名拒绝")
        COSIGN_DROPPED = "cosign_dropped", _("联名逾期未确认")
        COSIGN_COMPLETE = "cosign_complete", _("联名确认完毕")
        ADMITTED = "admitted", _("立案")
        NOT_ADMITTED = "not_admitted", _("不予立案")
        CONVERTED = "converted", _("转意见建议")
        REVIEW_NOTED = "review_noted", _("初审意见")
        INSTRUCTION = "instruction", _("领导批示")
        KEY_MARKED = "key_marked", _("重点提案")
        ASSIGNED = "assigned", _("交办")
        OBJECTED = "objected", _("提出异议")
        REASSIGNED = "reassigned", _("重新交办")
        EXTENDED = "extended", _("延期")
        JOINED = "joined", _("并案办理")
        CONTACT = "contact", _("与提案人沟通")
        COHANDLING_VIEW = "cohandling_view", _("会办意见")
        REPLY_DRAFTED = "reply_drafted", _("拟写答复")
        REPLY_SIGNED = "reply_signed", _("领导签发")
        REPLY_SENT = "reply_sent", _("答复")
        REPLIED = "replied", _("答复完毕")
        RATED = "rated", _("评价")
        REHANDLING = "rehandling", _("重新办理")
        CLOSED = "closed", _("办结")
        PUBLISHED = "published", _("公开")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=20, choices=Kind.choices)
    actor = user_field(_("操作人"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("提案办理记录")
        verbose_name_plural = _("提案办理记录")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["proposal", "at"], name="proposal_event_timeline")]

    def __str__(self):
        return self.get_kind_display()
