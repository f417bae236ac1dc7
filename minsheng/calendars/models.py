"""The administrators' corrections to the official working-day calendar.

The `chinese_calendar` package knows the years the State Council has published (currently up to
2026). Each year's notice comes out in November or December, and a package release follows some
time later; until then, and for any local difference, administrators enter days here.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class _Maintained(models.Model):
    """Who changed an administrator-maintained row last, and when."""

    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class CalendarOverride(_Maintained):
    """One day whose working status differs from what the package (or Monday–Friday) says."""

    day = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(
        _("是工作日"),
        help_text=_(
            "勾选：这一天上班（如周六、周日的调休上班日）；不勾选：这一天放假（如落在周一至周五的法定节假日）。"
        ),
    )
    note = models.CharField(_("说明"), max_length=100, blank=True, help_text=_("如：2027 年春节调休上班"))

    class Meta:
        verbose_name = _("工作日调整")
        verbose_name_plural = _("工作日调整")
        ordering = ["day"]

    def __str__(self):
        status = _("上班") if self.is_working_day else _("放假")
        return f"{self.day:%Y-%m-%d} {status}"


class CalendarYear(_Maintained):
    """A year whose holiday notice has been entered completely as overrides.

    Without a row, a year the package lacks is counted Monday to Friday and every deadline that
    depends on it carries a warning. One correction entered early (say, New Year's Day) must not
    silence that warning for the whole year, so completeness is stated explicitly rather than
    inferred from the presence of overrides.
    """

    year = models.PositiveSmallIntegerField(
        _("年份"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    note = models.CharField(_("说明"), max_length=100, blank=True, help_text=_("如：国办发明电〔2026〕X号"))

    class Meta:
        verbose_name = _("已录入放假安排的年份")
        verbose_name_plural = _("已录入放假安排的年份")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)
