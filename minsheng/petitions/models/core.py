import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.lib import crypto
from minsheng.lib.masking import mask_id_number, mask_phone


def user_field(verbose_name=None):
    """A reference to the member of staff who did something; kept (as empty) if the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Category(models.Model):
    """A node of the three-level category taxonomy (一级/二级/三级分类)."""

    name = models.CharField(_("名称"), max_length=50)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.PositiveSmallIntegerField(_("层级"), default=1)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("分类")
        verbose_name_plural = _("分类")
        ordering = ["level", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="category_unique_name_per_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="category_unique_top_level_name"
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))


class Petitioner(models.Model):
    """A person who petitions. ID and phone numbers are stored encrypted, with keyed hashes for lookup."""

    name = models.CharField(_("姓名"), max_length=50)
    id_number_encrypted = models.TextField(blank=True, default="")
    # NULL, not "", for people without an ID number: unique must allow many of them.
    id_number_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    phone_encrypted = models.TextField(blank=True, default="")
    phone_hash = models.CharField(max_length=64, null=True, blank=True, db_index=True)  # noqa: DJ001
    address = models.CharField(_("住址"), max_length=200, blank=True)
    region_code = models.CharField(_("行政区划代码"), max_length=12, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    created_by = user_field()

    # Keys for finding a person again at intake, derived from name and address by
    # petitions.matching.match_keys and written by the services that create petitioners;
    # `manage.py refresh_petitioner_keys` recomputes them. Keys searched by prefix use db_index, so
    # that PostgreSQL also gets the pattern_ops index its LIKE 'prefix%' needs; keys only compared
    # whole are in Meta.indexes.
    name_key = models.CharField(max_length=50, blank=True, default="", db_index=True, editable=False)
    name_given = models.CharField(max_length=50, blank=True, default="", editable=False)
    name_ends = models.CharField(max_length=2, blank=True, default="", editable=False)
    name_pinyin = models.CharField(max_length=300, blank=True, default="", editable=False)
    name_sound = models.CharField(max_length=300, blank=True, default="", db_index=True, editable=False)
    address_key = models.CharField(max_length=200, blank=True, default="", db_index=True, editable=False)

    class Meta:
        verbose_name = _("信访人")
        verbose_name_plural = _("信访人")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["name"]),
            models.Index(fields=["name_given"], name="petitioner_name_given_idx"),
            models.Index(fields=["name_ends"], name="petitioner_name_ends_idx"),
        ]

    def __str__(self):
        return self.name

    # Decryption here is for masking only; revealing a full value goes through
    # petitions.services.petitioner_reveal, which checks the role and writes the access log.
    @property
    def id_number_masked(self) -> str:
        return mask_id_number(crypto.decrypt(self.id_number_encrypted))

    @property
    def phone_masked(self) -> str:
        return mask_phone(crypto.decrypt(self.phone_encrypted))

    @property
    def has_id_number(self) -> bool:
        return bool(self.id_number_encrypted)


class Nature(models.TextChoices):
    SUGGESTION = "suggestion", _("建议意见类")
    ACCUSATION = "accusation", _("检举控告类")
    CLAIM = "claim", _("申诉求决类")


class Channel(models.TextChoices):
    LETTER = "letter", _("来信")
    VISIT = "visit", _("来访")
    PHONE = "phone", _("电话")
    ONLINE = "online", _("网上信访")
    LEADER_MAILBOX = "leader_mailbox", _("领导信箱")
    TRANSFERRED_IN = "transferred_in", _("上级转来")


class Matter(models.Model):
    """The case that moves through the workflow of 《信访工作条例》. Has one or more submissions."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("已登记")
        TRANSFERRED = "transferred", _("已转送")
        ASSIGNED = "assigned", _("已交办")
        DIVERTED = "diverted", _("已导入其他程序")
        ACCEPTED = "accepted", _("已受理")
        REJECTED = "rejected", _("不予受理")
        REPLIED = "replied", _("已答复")
        REVIEW_REQUESTED = "review_requested", _("复查申请中")
        REVIEWED = "reviewed", _("已复查")
        RECHECK_REQUESTED = "recheck_requested", _("复核申请中")
        FINAL = "final", _("已终结")
        CLOSED = "closed", _("已办结")

    class Source(models.TextChoices):
        INTAKE = "intake", _("登记")
        IMPORT = "import", _("历史导入")

    number = models.CharField(_("编号"), max_length=40, unique=True)
    number_prefix = models.CharField(max_length=12)
    number_year = models.PositiveSmallIntegerField()
    number_seq = models.PositiveIntegerField()

    title = models.CharField(_("标题"), max_length=200)
    content = models.TextField(_("内容"))
    demands = models.TextField(_("诉求"), blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("分类"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    nature = models.CharField(_("性质"), max_length=20, choices=Nature.choices, default=Nature.CLAIM)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    first_channel = models.CharField(_("首次渠道"), max_length=20, choices=Channel.choices)

    receiving_org = models.ForeignKey(
        Organisation, verbose_name=_("登记单位"), on_delete=models.PROTECT, related_name="received_matters"
    )
    handling_org = models.ForeignKey(
        Organisation,
        verbose_name=_("承办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_matters",
    )
    concerned_org = models.ForeignKey(
        Organisation,
        verbose_name=_("涉及单位/地区"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concerning_matters",
    )
    place = models.CharField(_("问题发生地"), max_length=200, blank=True)

    received_at = models.DateTimeField(_("收到时间"))
    registered_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    registered_by = user_field(_("登记人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    # The deadline that applies now and what it is for; the workflow moves both on every step,
    # and lists derive on time / due soon / overdue from them when queried.
    due_on = models.DateField(_("当前期限"), null=True, blank=True, db_index=True)
    due_kind = models.CharField(_("期限类型"), max_length=30, blank=True)
    route_due_on = models.DateField(_("转送交办期限"), null=True, blank=True)
    accept_due_on = models.DateField(_("受理告知期限"), null=True, blank=True)
    objection_due_on = models.DateField(_("异议期限"), null=True, blank=True)
    report_due_on = models.DateField(_("交办反馈期限"), null=True, blank=True)
    handle_due_on = models.DateField(_("办理期限"), null=True, blank=True)
    review_request_due_on = models.DateField(_("复查申请期限"), null=True, blank=True)
    review_due_on = models.DateField(_("复查期限"), null=True, blank=True)
    recheck_request_due_on = models.DateField(_("复核申请期限"), null=True, blank=True)
    recheck_due_on = models.DateField(_("复核期限"), null=True, blank=True)
    # True when a deadline above falls in a year without official holiday data (see lib.workdays).
    deadline_uncertain = models.BooleanField(_("期限待核"), default=False)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)

    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.INTAKE)
    external_id = models.CharField(_("外部编号"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("信访事项")
        verbose_name_plural = _("信访事项")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_prefix", "number_year", "number_seq"], name="matter_unique_number_parts"
            ),
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="matter_unique_external_id",
            ),
        ]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="matter_newest_first"),
            models.Index(fields=["status", "-received_at"]),
            models.Index(fields=["receiving_org", "-received_at"]),
            models.Index(fields=["handling_org", "-received_at"]),
            models.Index(fields=["concerned_org", "-received_at"]),
            models.Index(fields=["category", "-received_at"]),
            models.Index(fields=["first_channel", "-received_at"]),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"


class Submission(models.Model):
    """One contact: a letter, a visit (with a head count), a call, an online form."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="submissions")
    channel = models.CharField(_("渠道"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("收到时间"), db_index=True)
    receiving_org = models.ForeignKey(
        Organisation, verbose_name=_("登记单位"), on_delete=models.PROTECT, related_name="+"
    )
    registered_by = user_field(_("登记人"))
    registered_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    head_count = models.PositiveIntegerField(_("来访人数"), default=1)
    title = models.CharField(_("标题"), max_length=200)
    content = models.TextField(_("内容"))
    demands = models.TextField(_("诉求"), blank=True)
    concerned_org = models.ForeignKey(
        Organisation,
        verbose_name=_("涉及单位/地区"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("问题发生地"), max_length=200, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("分类"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    nature = models.CharField(_("性质"), max_length=20, choices=Nature.choices, default=Nature.CLAIM)
    is_repeat = models.BooleanField(_("重复信访"), default=False, help_text=_("同一信访人就同一事项再次信访"))

    class Rule(models.TextChoices):
        LEVEL_SKIPPING = "level_skipping", _("越级信访（第十九条第三款，不予受理）")
        FINAL_REPEAT = "final_repeat", _("已终结事项重复信访（第三十六条，不再受理）")

    # A rule of the Regulation this submission ran into; it stays attached to the matter it is about.
    rule = models.CharField(_("适用规则"), max_length=20, choices=Rule.choices, blank=True)
    petitioners = models.ManyToManyField(
        Petitioner, through="SubmissionPetitioner", related_name="submissions", verbose_name=_("信访人")
    )

    class Meta:
        verbose_name = _("信访件")
        verbose_name_plural = _("信访件")
        ordering = ["received_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(head_count__gte=1), name="submission_head_count_positive"),
        ]
        indexes = [models.Index(fields=["channel", "matter"], name="submission_channel_matter")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.received_at:%Y-%m-%d} {self.title}"

    @property
    def is_group_visit(self) -> bool:
        return self.channel == Channel.VISIT and self.head_count >= GROUP_VISIT_MIN_PEOPLE


# Art 20: a visit of five or more people is a group visit and sends at most five representatives.
GROUP_VISIT_MIN_PEOPLE = 5
GROUP_VISIT_MAX_REPRESENTATIVES = 5


class SubmissionPetitioner(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE)
    petitioner = models.ForeignKey(Petitioner, on_delete=models.PROTECT)
    is_representative = models.BooleanField(_("代表"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "petitioner"], name="submission_petitioner_unique"),
        ]

    def __str__(self):
        return f"{self.submission_id}:{self.petitioner_id}"


class MatterEvent(models.Model):
    """One entry of a matter's timeline: who did what, when, with a note."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("登记")
        SUBMISSION_ATTACHED = "submission_attached", _("追加信访件")
        ATTACHMENT_ADDED = "attachment_added", _("上传附件")
        IMPORTED = "imported", _("历史导入")
        TRANSFERRED = "transferred", _("转送")
        ASSIGNED = "assigned", _("交办")
        DIVERTED = "diverted", _("导入其他程序")
        ACCEPTED = "accepted", _("受理")
        REJECTED = "rejected", _("不予受理")
        OBJECTED = "objected", _("提出异议")
        HANDLING_NOTE = "handling_note", _("办理记录")
        EXTENDED = "extended", _("延期")
        REPLIED = "replied", _("答复")
        REVIEW_REQUESTED = "review_requested", _("申请复查")
        REVIEWED = "reviewed", _("复查意见")
        RECHECK_REQUESTED = "recheck_requested", _("申请复核")
        HEARING = "hearing", _("听证")
        FINAL = "final", _("复核意见（终结）")
        CLOSED = "closed", _("办结")
        RATED = "rated", _("满意度评价")
        # Written by minsheng.hotissues (并案办理); the matter itself is not merged.
        JOINT_HANDLING = "joint_handling", _("并案办理")
        JOINT_HANDLING_LEFT = "joint_handling_left", _("移出并案办理")
        # Written by minsheng.meetings (a meeting discussed or decided about the matter) and by
        # minsheng.supervision (notices, feedback, follow-up and close of a supervision item).
        JOINT_MEETING = "joint_meeting", _("联席会议")
        SUPERVISION = "supervision", _("督办")
        # Written by minsheng.legal (律师参与信访); the same kinds as legal.models.LegalEvent.
        LAWYER_ASSIGNED = "lawyer_assigned", _("指派律师")
        LAWYER_DECLARED = "lawyer_declared", _("律师声明无利益冲突")
        LAWYER_CONFLICT = "lawyer_conflict", _("律师利益冲突回避")
        LAWYER_ENDED = "lawyer_ended", _("律师参与结束")
        LEGAL_OPINION = "legal_opinion", _("法律意见")
        LEGAL_MEDIATION = "legal_mediation", _("律师调解")
        LEGAL_CONSULTATION = "legal_consultation", _("法律咨询")
        # Written by minsheng.reception and minsheng.instructions (reception.events, instructions.events).
        LEADER_RECEPTION = "leader_reception", _("领导接访")
        APPOINTMENT_INVITED = "appointment_invited", _("领导约访")
        APPOINTMENT_SCHEDULED = "appointment_scheduled", _("约访时间确定")
        APPOINTMENT_RESCHEDULED = "appointment_rescheduled", _("约访改期")
        APPOINTMENT_HELD = "appointment_held", _("约访见面")
        APPOINTMENT_NOT_HELD = "appointment_not_held", _("约访未见面")
        APPOINTMENT_CANCELLED = "appointment_cancelled", _("约访取消")
        CASE_OWNED = "case_owned", _("领导包案")
        CASE_RELEASED = "case_released", _("解除包案")
        INSTRUCTION_ISSUED = "instruction_issued", _("领导批示")
        INSTRUCTION_FEEDBACK = "instruction_feedback", _("批示办理反馈")
        INSTRUCTION_RETURNED = "instruction_returned", _("批示反馈退回")
        INSTRUCTION_TASK_CLOSED = "instruction_task_closed", _("批示任务办结")
        INSTRUCTION_CLOSED = "instruction_closed", _("批示办结")

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=40)
    at = models.DateTimeField(_("时间"))
    actor = user_field(_("操作人"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["matter", "at"])]

    def __str__(self):
        return f"{self.matter_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    @property
    def kind_label(self) -> str:
        try:
            return str(self.Kind(self.kind).label)
        except ValueError:
            return self.kind


class Reply(models.Model):
    """A written answer: the 信访处理意见书 (Art 32), or a review or recheck opinion (Art 35, 36).

    Historical replies imported from the message board carry only `text`."""

    class Outcome(models.TextChoices):
        SUPPORT = "support", _("支持")
        EXPLAIN = "explain", _("解释说明")
        NOT_SUPPORT = "not_support", _("不支持")

    class Stage(models.TextChoices):
        HANDLING = "handling", _("信访处理意见")
        REVIEW = "review", _("复查意见")
        RECHECK = "recheck", _("复核意见")

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="replies")
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices, default=Stage.HANDLING)
    request = models.TextField(_("投诉请求"), blank=True)
    facts_and_reasons = models.TextField(_("事实和理由"), blank=True)
    text = models.TextField(_("处理意见"))
    basis = models.TextField(_("法律法规及政策依据"), blank=True)
    replied_at = models.DateTimeField(_("答复时间"))
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    outcome = models.CharField(_("处理结果"), max_length=20, choices=Outcome.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("答复单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = user_field()

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        ordering = ["replied_at", "pk"]

    def __str__(self):
        return f"{self.matter_id} {self.replied_at:%Y-%m-%d}"


def _attachment_path(instance, filename):
    # Stored under a random name: the original name is kept in the row, never in the path.
    return f"attachments/{instance.matter_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="attachments")
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    uploaded_by = user_field(_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class MatterNumberSequence(models.Model):
    """Last number issued per receiving unit's prefix and year, locked while a number is taken."""

    prefix = models.CharField(max_length=12)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="matter_sequence_unique")]

    def __str__(self):
        return f"{self.prefix}〔{self.year}〕{self.last_value}"
