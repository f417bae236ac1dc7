from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class PolicyDocument(models.Model):
    """A regulation or policy text in the public library. Its title identifies it: importing a file with
    the same title again updates this row and its articles instead of adding a second copy."""

    class Kind(models.TextChoices):
        REGULATION = "regulation", _("法规")
        RULES = "rules", _("规章")
        NORMATIVE = "normative", _("规范性文件")
        INTERPRETATION = "interpretation", _("政策解读")

    title = models.CharField(_("标题"), max_length=200, unique=True)
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices, default=Kind.REGULATION)
    issuer = models.CharField(_("发布机关"), max_length=200, blank=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issued_on = models.DateField(_("发布日期"), null=True, blank=True)
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    source = models.CharField(_("来源"), max_length=300, blank=True, help_text=_("出处或原文网址"))
    preamble = models.TextField(_("题注"), blank=True, help_text=_("标题下的批准、发布、施行说明"))
    is_current = models.BooleanField(
        _("现行有效"), default=True, help_text=_("已废止或被新规定替代的，取消勾选；仍可查阅，但排在后面")
    )
    source_file = models.CharField(_("导入文件"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("导入时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("更新人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("政策法规")
        verbose_name_plural = _("政策法规")
        # The same order on SQLite and PostgreSQL, which disagree on where NULL dates sort.
        ordering = [F("is_current").desc(), F("effective_on").desc(nulls_last=True), "pk"]

    def __str__(self):
        return f"《{self.title}》"


class PolicyArticle(models.Model):
    """One article (条) of a document: the unit that is searched, shown and linked to."""

    document = models.ForeignKey(
        PolicyDocument, verbose_name=_("所属法规"), on_delete=models.CASCADE, related_name="articles"
    )
    number = models.PositiveIntegerField(_("条号"))
    label = models.CharField(_("条文序号"), max_length=30, help_text=_("如“第三十一条”"))
    chapter = models.CharField(_("章"), max_length=200, blank=True)
    section = models.CharField(_("节"), max_length=200, blank=True)
    text = models.TextField(_("条文内容"))
    order = models.PositiveIntegerField(_("顺序"), default=0)
    # fold(label + chapter + section + text): what search compares with, see text.py.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("条文")
        verbose_name_plural = _("条文")
        ordering = ["document", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="policies_article_number_unique"),
        ]

    def __str__(self):
        return f"{self.document}{self.label}"


class FaqCategory(models.TextChoices):
    # Declared in the order the page shows them.
    SUBMIT = "submit", _("怎样反映问题")
    HANDLING = "handling", _("受理和办理")
    REVIEW = "review", _("复查和复核")
    ONLINE = "online", _("网上信访和查询")
    LEGAL = "legal", _("法律途径")
    OTHER = "other", _("其他")


class Faq(models.Model):
    category = models.CharField(
        _("分类"), max_length=20, choices=FaqCategory.choices, default=FaqCategory.OTHER
    )
    question = models.CharField(_("问题"), max_length=200)
    answer = models.TextField(
        _("回答"),
        help_text=_("纯文本，每行一段。写到“第三十一条”这样的条号时，页面会自动链接到《信访工作条例》的该条。"),
    )
    order = models.PositiveIntegerField(_("顺序"), default=0, help_text=_("同一分类内从小到大排列"))
    published = models.BooleanField(_("公开"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")
        ordering = ["category", "order", "pk"]

    def __str__(self):
        return self.question
