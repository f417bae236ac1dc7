"""Hot issues (热点问题) found among the matters of a period, and joint handling (并案办理) of a group.

An analysis is computed by services.hot_issues_refresh and stored, because grouping thousands of
matters takes seconds; pages read the stored groups and show of each only the members the reader
may see. Joint handling is a record beside the matters: it never merges their numbers, submissions or
replies, so each petitioner still gets their own answer.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.petitions.models.core import user_field


class HotIssueAnalysis(models.Model):
    """One run of the grouping over the matters received in a period (both days included)."""

    start = models.DateField(_("起始日期"))
    end = models.DateField(_("截止日期"))
    computed_at = models.DateTimeField(_("分析时间"))
    computed_by = user_field(_("分析人"))
    matter_count = models.PositiveIntegerField(_("期间事项数"), default=0)
    issue_count = models.PositiveIntegerField(_("热点问题数"), default=0)
    seconds = models.FloatField(_("用时（秒）"), default=0)

    class Meta:
        verbose_name = _("热点问题分析")
        verbose_name_plural = _("热点问题分析")
        ordering = ["-computed_at", "-pk"]
        indexes = [models.Index(fields=["start", "end"], name="hotissue_analysis_period")]

    def __str__(self):
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


class HotIssue(models.Model):
    """A group of matters about one problem. Label, terms and places describe the whole group."""

    analysis = models.ForeignKey(HotIssueAnalysis, on_delete=models.CASCADE, related_name="issues")
    label = models.CharField(_("标题"), max_length=200)
    terms = models.CharField(_("关键词"), max_length=200, blank=True)  # space-separated
    places = models.CharField(_("地点"), max_length=200, blank=True)  # space-separated place keys
    size = models.PositiveIntegerField(_("事项数"))
    # Mean cosine of the members to the group's centroid: how tight the group is (1 = identical texts).
    cohesion = models.FloatField(_("紧密度"), default=0)
    first_received_at = models.DateTimeField(_("最早收到"))
    last_received_at = models.DateTimeField(_("最近收到"))

    class Meta:
        verbose_name = _("热点问题")
        verbose_name_plural = _("热点问题")
        ordering = ["-size", "pk"]

    def __str__(self):
        return self.label

    @property
    def computed_at(self):
        return self.analysis.computed_at

    @property
    def place_list(self) -> list[str]:
        return self.places.split()

    @property
    def term_list(self) -> list[str]:
        return self.terms.split()


class HotIssueMember(models.Model):
    issue = models.ForeignKey(HotIssue, on_delete=models.CASCADE, related_name="members")
    matter = models.ForeignKey("petitions.Matter", on_delete=models.CASCADE, related_name="+")
    # Cosine to the group's centroid; the most central member visible to a reader names the group.
    centrality = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issue", "matter"], name="hotissue_member_unique")]
        indexes = [models.Index(fields=["matter"], name="hotissue_member_matter")]

    def __str__(self):
        return f"{self.issue_id}:{self.matter_id}"


class JointHandling(models.Model):
    """并案办理: matters about one problem handled together under a lead matter and a lead unit."""

    title = models.CharField(_("并案名称"), max_length=200)
    hot_issue = models.ForeignKey(
        HotIssue,
        verbose_name=_("热点问题"),
        null=True,
        blank=True,
        # A later analysis replaces the group; the joint handling stays as it was decided.
        on_delete=models.SET_NULL,
        related_name="joint_handlings",
    )
    lead_matter = models.ForeignKey(
        "petitions.Matter", verbose_name=_("主办事项"), on_delete=models.PROTECT, related_name="+"
    )
    lead_org = models.ForeignKey(
        Organisation, verbose_name=_("主办单位"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("说明"), blank=True)
    created_by = user_field(_("决定人"))
    created_at = models.DateTimeField(_("决定时间"))

    class Meta:
        verbose_name = _("并案办理")
        verbose_name_plural = _("并案办理")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class JointHandlingMember(models.Model):
    joint = models.ForeignKey(JointHandling, on_delete=models.CASCADE, related_name="members")
    # One joint handling per matter: two leads for one matter would give its petitioner two answers.
    matter = models.OneToOneField(
        "petitions.Matter", on_delete=models.PROTECT, related_name="joint_membership"
    )
    added_by = user_field(_("加入人"))
    added_at = models.DateTimeField(_("加入时间"))

    class Meta:
        verbose_name = _("并案事项")
        verbose_name_plural = _("并案事项")
        ordering = ["added_at", "pk"]

    def __str__(self):
        return f"{self.joint_id}:{self.matter_id}"
