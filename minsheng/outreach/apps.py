from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "minsheng.outreach"
    verbose_name = _("信访宣传")
