"""Supervision items (督办事项, Art 40), minimal: what the petition bureau has to follow up."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# What each kind of current deadline (Matter.due_kind) is for, as people name it.
DEADLINE_KIND_LABELS = {
    "route": _("转送交办"),
    "accept": _("受理告知"),
    "handle": _("办理"),
    "review": _("复查"),
    "recheck": _("复核"),
}


class SupervisionItem(models.Model):
    """A matter that needs the supervisor: a deadline has passed, or the petitioner is unsatisfied.

    An overdue item is keyed by the deadline it is about, so a daily sweep opens it once, and a
    closed one stays closed; a new deadline (an extension, the next step) is a new item."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("超期")
        UNSATISFIED = "unsatisfied", _("不满意回访")

    matter = models.ForeignKey(
        "petitions.Matter",
        verbose_name=_("信访事项"),
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
    opened_on = models.DateField(_("发起日期"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发起人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办结人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
                condition=~Q(kind="unsatisfied") | Q(reply__isnull=False),
                name="supervision_unsatisfied_has_reply",
            ),
        ]
        indexes = [models.Index(fields=["closed_on", "due_on"], name="supervision_item_open")]

    def __str__(self):
        return f"{self.matter_id} {self.get_kind_display()} {self.due_on or ''}".strip()

    @property
    def deadline_label(self) -> str:
        return str(DEADLINE_KIND_LABELS.get(self.deadline_kind, self.deadline_kind))

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
