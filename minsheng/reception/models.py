"""Leaders' reception (领导接访, 《信访工作条例》 Art 18): the rota of reception days, the sessions
actually held with the people received there, appointments for complex matters (约访) and case
ownership by a leader (包案).

A reception day is a plan; a session is what happened. Each person received in a session is a visit
submission registered through the normal intake service, so the matter's timeline, numbering and the
statistics of visits stay those of the petitions app; the entry adds the leader's outcome.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter, Submission
from minsheng.petitions.models.core import user_field

CENTRE_PLACE = "群众来访服务中心"


class Kind(models.TextChoices):
    CENTRE = "centre", _("坐班接访")
    FIELD_VISIT = "field_visit", _("下访")


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("现场答复")
    SOLVED = "solved", _("现场解决")
    INSTRUCTED = "instructed", _("现场批示")


def _leader_field(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=verbose_name, on_delete=models.PROTECT, related_name="+"
    )


class ReceptionDay(models.Model):
    """One planned day of a leader: sitting at the visitor service centre, or a field visit.

    `organisation` is where the reception takes place: the petition bureau (which runs the centre) or
    the township visited. The public schedule shows date, leader, post, place and kind — nothing else."""

    date = models.DateField(_("日期"))
    kind = models.CharField(_("方式"), max_length=20, choices=Kind.choices, default=Kind.CENTRE)
    leader = _leader_field(_("接访领导"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("接访地单位"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("地点"), max_length=200)
    starts_at = models.TimeField(_("开始时间"), null=True, blank=True)
    ends_at = models.TimeField(_("结束时间"), null=True, blank=True)
    note = models.CharField(_("备注（不公开）"), max_length=500, blank=True)
    created_by = user_field(_("安排人"))
    created_at = models.DateTimeField(_("安排时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("接访安排")
        verbose_name_plural = _("接访安排")
        ordering = ["date", "starts_at", "pk"]
        constraints = [
            # A leader is in one place a day.
            models.UniqueConstraint(fields=["leader", "date"], name="reception_day_one_per_leader"),
            # The centre has one leader on duty a day (by default, as the reply describes).
            models.UniqueConstraint(
                fields=["organisation", "date"],
                condition=Q(kind="centre"),
                name="reception_day_one_centre_leader",
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="reception_day_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["date", "organisation"], name="reception_day_date")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.leader} {self.get_kind_display()}"


class ReceptionSession(models.Model):
    """A reception actually held: who received, when and where, and notes. Usually opened from the
    day planned for it; an unplanned one (a leader who came in on another day) has no day."""

    day = models.OneToOneField(
        ReceptionDay,
        verbose_name=_("接访安排"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="session",
    )
    held_on = models.DateField(_("接访日期"))
    kind = models.CharField(_("方式"), max_length=20, choices=Kind.choices, default=Kind.CENTRE)
    leader = _leader_field(_("接访领导"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("接访地单位"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("地点"), max_length=200)
    started_at = models.TimeField(_("开始时间"), null=True, blank=True)
    ended_at = models.TimeField(_("结束时间"), null=True, blank=True)
    notes = models.TextField(_("接访情况"), blank=True)
    recorded_by = user_field(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("接访记录")
        verbose_name_plural = _("接访记录")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["leader", "held_on"], name="reception_session_one_per_leader"),
            models.CheckConstraint(
                condition=Q(started_at__isnull=True)
                | Q(ended_at__isnull=True)
                | Q(ended_at__gt=F("started_at")),
                name="reception_session_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["held_on", "organisation"], name="reception_session_date")]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.leader} {self.get_kind_display()}"


class ReceptionEntry(models.Model):
    """One batch of people received in a session (批次): a visit submission, with the leader's outcome.

    A submission is received in at most one session, so batches and person-visits are never counted
    twice. A 现场批示 outcome has its instruction in minsheng.instructions (Instruction.reception_entry)."""

    session = models.ForeignKey(
        ReceptionSession, verbose_name=_("接访记录"), on_delete=models.PROTECT, related_name="entries"
    )
    submission = models.OneToOneField(
        Submission, verbose_name=_("信访件"), on_delete=models.PROTECT, related_name="reception_entry"
    )
    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="reception_entries"
    )
    outcome = models.CharField(_("接访结果"), max_length=20, choices=Outcome.choices)
    outcome_note = models.TextField(_("答复或处理情况"), blank=True)
    recorded_by = user_field(_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("接待情况")
        verbose_name_plural = _("接待情况")
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.session_id}:{self.submission_id} {self.get_outcome_display()}"


class Appointment(models.Model):
    """A leader's appointment with a petitioner on a complex matter (约访)."""

    class Status(models.TextChoices):
        INVITED = "invited", _("已邀约")
        SCHEDULED = "scheduled", _("已确定时间")
        HELD = "held", _("已约见")
        NOT_HELD = "not_held", _("未能约见")
        CANCELLED = "cancelled", _("已取消")

    class InvitedBy(models.TextChoices):
        PHONE = "phone", _("电话邀约")
        LETTER = "letter", _("书面通知")
        IN_PERSON = "in_person", _("当面邀约")
        LOCAL_UNIT = "local_unit", _("由属地单位转告")

    OPEN_STATUSES = (Status.INVITED, Status.SCHEDULED)

    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="appointments"
    )
    leader = _leader_field(_("约访领导"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("约访地单位"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("地点"), max_length=200)
    proposed_at = models.DateTimeField(_("约访时间"))
    invited_by = models.CharField(_("邀约方式"), max_length=20, choices=InvitedBy.choices)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.INVITED)
    reschedule_count = models.PositiveSmallIntegerField(_("改期次数"), default=0)
    held_at = models.DateTimeField(_("约见时间"), null=True, blank=True)
    outcome = models.CharField(_("约见结果"), max_length=20, choices=Outcome.choices, blank=True)
    notes = models.TextField(_("约见情况"), blank=True)
    reason = models.TextField(_("未约见或取消原因"), blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_by = user_field(_("登记人"))
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("领导约访")
        verbose_name_plural = _("领导约访")
        ordering = ["proposed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="held") | (Q(held_at__isnull=False) & ~Q(outcome="")),
                name="appointment_held_has_time_and_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "proposed_at"], name="appointment_status"),
            models.Index(fields=["held_at", "organisation"], name="appointment_held"),
        ]

    def __str__(self):
        return f"{self.matter_id} {self.leader} {self.proposed_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class CaseOwnership(models.Model):
    """A leader owns a matter (包案) until it is solved; released with a note. One active owner."""

    matter = models.ForeignKey(
        Matter, verbose_name=_("信访事项"), on_delete=models.PROTECT, related_name="ownerships"
    )
    leader = _leader_field(_("包案领导"))
    assigned_on = models.DateField(_("包案日期"))
    assigned_by = user_field(_("指定人"))
    note = models.TextField(_("包案要求"), blank=True)
    released_on = models.DateField(_("解除日期"), null=True, blank=True)
    released_by = user_field(_("解除人"))
    release_note = models.TextField(_("解除说明"), blank=True)

    class Meta:
        verbose_name = _("领导包案")
        verbose_name_plural = _("领导包案")
        ordering = ["-assigned_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter"], condition=Q(released_on__isnull=True), name="case_ownership_one_active"
            ),
            models.CheckConstraint(
                condition=Q(released_on__isnull=True) | ~Q(release_note=""),
                name="case_ownership_release_has_note",
            ),
        ]
        indexes = [models.Index(fields=["leader", "released_on"], name="case_ownership_leader")]

    def __str__(self):
        return f"{self.matter_id} {self.leader}"

    @property
    def is_active(self) -> bool:
        return self.released_on is None
