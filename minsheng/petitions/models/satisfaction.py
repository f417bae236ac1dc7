"""Satisfaction ratings (满意度评价, Art 21): the petitioner's view of the latest written answer."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .core import Matter, Reply


class Rating(models.Model):
    """One rating of one reply. Recording again keeps the earlier row with `is_current` off, so the
    history of what the petitioner said stays readable; only one row per reply is current."""

    class Value(models.TextChoices):
        SATISFIED = "satisfied", _("满意")
        BASICALLY_SATISFIED = "basically_satisfied", _("基本满意")
        UNSATISFIED = "unsatisfied", _("不满意")

    class Source(models.TextChoices):
        STAFF = "staff", _("工作人员代为记录")
        PETITIONER = "petitioner", _("信访人网上评价")

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="ratings")
    reply = models.ForeignKey(Reply, verbose_name=_("答复"), on_delete=models.CASCADE, related_name="ratings")
    value = models.CharField(_("评价"), max_length=20, choices=Value.choices)
    comment = models.TextField(_("意见"), blank=True)
    source = models.CharField(_("来源"), max_length=12, choices=Source.choices, default=Source.STAFF)
    # Empty for a petitioner's own online rating, which has no staff account behind it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"))
    is_current = models.BooleanField(_("当前有效"), default=True)

    class Meta:
        verbose_name = _("满意度评价")
        verbose_name_plural = _("满意度评价")
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reply"], condition=Q(is_current=True), name="rating_one_current_per_reply"
            ),
        ]
        indexes = [models.Index(fields=["matter", "is_current"], name="rating_matter_current")]

    def __str__(self):
        return f"{self.matter_id} {self.get_value_display()}"

    @property
    def is_unsatisfied(self) -> bool:
        return self.value == self.Value.UNSATISFIED
