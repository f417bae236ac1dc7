"""Trained suggestion models, their weights, and what registrars did with the suggestions."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Category, Matter, user_field


class SuggestionModel(models.Model):
    """One trained model: the labels it ranks, how it reads a text, and what it was trained on.

    The parameters themselves are SuggestionWeight rows, read for a query's own n-grams only."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("分类")
        UNIT = "unit", _("承办单位")

    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    is_active = models.BooleanField(_("使用中"), default=False)
    # Label keys: a level-1 Category's pk (kind category) or an Organisation's pk (kind unit), as text.
    labels = models.JSONField(_("标签"), default=list)
    totals = models.JSONField(default=dict)  # label → total n-gram weight seen under it
    docs = models.JSONField(default=dict)  # label → documents seen under it
    vocabulary = models.PositiveIntegerField(default=0)
    feature_spec = models.JSONField(default=dict)
    params = models.JSONField(default=dict)
    summary = models.JSONField(_("训练情况"), default=dict)
    trained_at = models.DateTimeField(_("训练时间"))
    # Confirmations and corrections added to the counts since training (see services.feedback).
    updates = models.PositiveIntegerField(_("增量更新次数"), default=0)

    class Meta:
        verbose_name = _("建议模型")
        verbose_name_plural = _("建议模型")
        ordering = ["kind", "-trained_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(is_active=True), name="suggestion_model_one_active"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.trained_at:%Y-%m-%d %H:%M}"


class SuggestionWeight(models.Model):
    """How much weight of one feature (a character bigram, or "c:<category pk>" for the unit model's
    category prior) was seen under one label."""

    model = models.ForeignKey(SuggestionModel, on_delete=models.CASCADE, related_name="weights")
    feature = models.CharField(max_length=24)
    label = models.CharField(max_length=20)
    weight = models.FloatField()

    class Meta:
        constraints = [
            # Also the index a query uses: model and feature, every label.
            models.UniqueConstraint(fields=["model", "feature", "label"], name="suggestion_weight_unique"),
        ]

    def __str__(self):
        return f"{self.feature}→{self.label}: {self.weight:g}"


class CategorySuggestionFeedback(models.Model):
    """The suggestions shown at intake and what the registrar finally chose: training data for the
    next `train_classifier`, and the measure of how often the suggestions are right."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="+")
    # Ranked [{"id": pk, "score": share}, …] as shown, categories and units.
    suggested_categories = models.JSONField(_("建议的分类"), default=list)
    suggested_units = models.JSONField(_("建议的单位"), default=list)
    chosen_category = models.ForeignKey(
        Category,
        verbose_name=_("选定分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_unit = models.ForeignKey(
        Organisation,
        verbose_name=_("选定单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The level-1 category the choice counts as, and where it stood among the suggestions (1 = first;
    # null: not among them, or nothing chosen).
    chosen_top_category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    category_rank = models.PositiveSmallIntegerField(_("选定分类的名次"), null=True, blank=True)
    unit_rank = models.PositiveSmallIntegerField(_("选定单位的名次"), null=True, blank=True)
    model_updated = models.BooleanField(_("已增量更新模型"), default=False)
    actor = user_field(_("登记人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("分类建议反馈")
        verbose_name_plural = _("分类建议反馈")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.matter_id} {self.category_rank or '-'}"
