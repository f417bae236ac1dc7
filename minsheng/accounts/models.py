from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A node of the organisation tree: city → leading bodies, bureau, departments, townships → villages.

    `path` is a materialised path ("/1/7/23/") maintained by accounts.services, so that "this
    organisation and everything below it" is one indexed prefix query instead of a recursive walk.
    """

    class Kind(models.TextChoices):
        CITY = "city", _("市（县级）")
        LEADERSHIP = "leadership", _("领导机关")
        PETITION_BUREAU = "petition_bureau", _("信访局")
        DEPARTMENT = "department", _("职能部门")
        TOWNSHIP = "township", _("乡镇/街道")
        VILLAGE = "village", _("村/社区")
        DISCIPLINE = "discipline", _("纪检监察机关")
        POLITICAL_LEGAL = "political_legal", _("政法机关")
        LAW_FIRM = "law_firm", _("律师事务所")
        PROPOSAL_OFFICE = "proposal_office", _("政协提案委")

    # Kinds whose staff see the whole jurisdiction of their parent, not only their own subtree:
    # the bureau routes everything in the city, and the leading bodies receive and instruct on all of it.
    JURISDICTION_KINDS = (Kind.PETITION_BUREAU, Kind.LEADERSHIP)

    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    region_code = models.CharField(
        _("行政区划代码"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^(\d{6}|\d{9}|\d{12})$", _("行政区划代码应为 6、9 或 12 位数字"))],
    )
    number_prefix = models.CharField(
        _("文号前缀"),
        max_length=12,
        blank=True,
        help_text=_("信访事项编号的前缀，例如“怀信”生成 怀信〔2026〕00123"),
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="organisation_unique_name_per_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(parent__isnull=True), name="organisation_unique_root_name"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def scope_path(self) -> str:
        """Path prefix of everything this organisation's staff may see."""
        if self.kind in self.JURISDICTION_KINDS and self.parent_id:
            return self.parent.path
        return self.path

    @property
    def matter_number_prefix(self) -> str:
        return self.number_prefix or (self.short_name or self.name)[:4]


class Role(models.TextChoices):
    REGISTRAR = "registrar", _("登记员")
    HANDLER = "handler", _("承办人")
    SUPERVISOR = "supervisor", _("督办员")
    LEADER = "leader", _("领导")
    LAWYER = "lawyer", _("律师")
    PROPOSAL_OFFICE = "proposal_office", _("提案委")
    MEMBER = "member", _("政协委员")
    ADMIN = "admin", _("管理员")


class User(AbstractUser):
    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("所属机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.HANDLER)
    title = models.CharField(_("职务"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self):
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or self.role in roles


class ApiToken(models.Model):
    """A bearer token for API clients. Only a SHA-256 of the token is stored; it is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("用途"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("前缀"), max_length=12)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.name})"
