from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotIssuesConfig(AppConfig):
    name = "minsheng.hotissues"
    verbose_name = _("热点问题与并案办理")
