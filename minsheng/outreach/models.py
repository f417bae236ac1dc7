"""Publicity (信访宣传): activities that explain 《信访工作条例》 to the public, and the questionnaires
handed out at them.

An activity carries the four figures the bureau reports every half-year (materials distributed,
questionnaires collected, consultations answered, people reached); the period report sums them over
the organiser's subtree. A questionnaire's results are entered per activity as counts per choice, so
that the results page can add them up over any period and any part of the organisation tree.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models.core import user_field

# The figures of an activity that the period report sums, in the order people read them.
FIGURES = ("materials_distributed", "questionnaires_collected", "consultations_answered", "people_reached")


class ActivityKind(models.TextChoices):
    REGULATIONS_MONTH = "regulations_month", _("条例宣传月")
    DISPLAY_BOARD = "display_board", _("宣传展板")
    BROCHURES = "brochures", _("发放宣传手册")
    BANNER = "banner", _("悬挂条幅")
    LED_SCREEN = "led_screen", _("LED 屏滚动")
    CHAT_GROUP = "chat_group", _("微信群·QQ 群")
    DOOR_TO_DOOR = "door_to_door", _("进村入户")
    ON_SITE_QA = "on_site_qa", _("现场答疑")
    OTHER = "other", _("其他")


class Questionnaire(models.Model):
    """A questionnaire (调查问卷): single- or multiple-choice questions. Once results have been entered
    against it, its questions are fixed, so that every count keeps meaning what it meant."""

    title = models.CharField(_("问卷名称"), max_length=200)
    description = models.TextField(_("说明"), blank=True)
    # The unit that made it; it is offered to that unit's jurisdiction (see selectors).
    owner = models.ForeignKey(
        Organisation, verbose_name=_("制作单位"), on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(_("启用"), default=True)
    created_by = user_field(_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("调查问卷")
        verbose_name_plural = _("调查问卷")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("调查问卷"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("题号"))
    text = models.CharField(_("题目"), max_length=500)
    multiple = models.BooleanField(_("可多选"), default=False)

    class Meta:
        verbose_name = _("问卷题目")
        verbose_name_plural = _("问卷题目")
        ordering = ["questionnaire", "position"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "position"], name="outreach_question_position"),
        ]

    def __str__(self):
        return f"{self.position}. {self.text}"


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("问卷题目"), on_delete=models.CASCADE, related_name="choices"
    )
    position = models.PositiveSmallIntegerField(_("序号"))
    text = models.CharField(_("选项"), max_length=200)

    class Meta:
        verbose_name = _("选项")
        verbose_name_plural = _("选项")
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="outreach_choice_position"),
        ]

    def __str__(self):
        return self.text


class Activity(models.Model):
    """One publicity activity, on one day, by one organisation."""

    held_on = models.DateField(_("活动日期"))
    title = models.CharField(_("活动名称"), max_length=200, blank=True)
    place = models.CharField(_("活动地点"), max_length=200)
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("组织单位"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("形式"), max_length=30, choices=ActivityKind.choices)
    description = models.TextField(_("活动内容"), blank=True)
    materials_distributed = models.PositiveIntegerField(_("发放宣传资料（份）"), default=0)
    questionnaires_collected = models.PositiveIntegerField(_("收回调查问卷（份）"), default=0)
    consultations_answered = models.PositiveIntegerField(_("接受群众咨询（人次）"), default=0)
    people_reached = models.PositiveIntegerField(_("受益群众（人）"), default=0)
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("调查问卷"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    # Set when the questionnaire's results have been entered (counts per choice in ChoiceCount).
    results_recorded_at = models.DateTimeField(_("问卷结果录入时间"), null=True, blank=True)
    results_recorded_by = user_field(_("问卷结果录入人"))
    recorded_by = user_field(_("登记人"))
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_by = user_field(_("修改人"))
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("宣传活动")
        verbose_name_plural = _("宣传活动")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["held_on"], name="outreach_activity_held_on"),
            models.Index(fields=["organiser", "held_on"], name="outreach_activity_organiser"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ActivityKind.values), name="outreach_activity_kind_valid"
            ),
            # Results are only ever entered against the questionnaire the activity used.
            models.CheckConstraint(
                condition=Q(results_recorded_at__isnull=True) | Q(questionnaire__isnull=False),
                name="outreach_results_need_questionnaire",
            ),
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.display_title}"

    @property
    def display_title(self) -> str:
        return self.title or f"{self.get_kind_display()} · {self.place}"

    @property
    def has_results(self) -> bool:
        return self.results_recorded_at is not None


class ChoiceCount(models.Model):
    """How many of an activity's questionnaires ticked one choice."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("宣传活动"), on_delete=models.CASCADE, related_name="choice_counts"
    )
    choice = models.ForeignKey(Choice, verbose_name=_("选项"), on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField(_("份数"))

    class Meta:
        verbose_name = _("问卷结果")
        verbose_name_plural = _("问卷结果")
        constraints = [
            models.UniqueConstraint(fields=["activity", "choice"], name="outreach_choice_count_once"),
        ]

    def __str__(self):
        return f"{self.activity_id}/{self.choice_id}: {self.count}"


def _photo_path(instance, filename):
    # A random name: the original name is kept in the row, never in the path.
    return f"outreach/{instance.activity_id}/{uuid.uuid4().hex}"


class ActivityPhoto(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("宣传活动"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(upload_to=_photo_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = user_field(_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("活动照片")
        verbose_name_plural = _("活动照片")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
