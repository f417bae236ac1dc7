from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "minsheng.reception"
    verbose_name = _("领导接访")
