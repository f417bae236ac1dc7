from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    name = "minsheng.calendars"
    verbose_name = _("工作日历与期限")
