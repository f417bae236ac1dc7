from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "minsheng.legal"
    verbose_name = _("律师参与信访")
