from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstructionsConfig(AppConfig):
    name = "minsheng.instructions"
    verbose_name = _("领导批示")
