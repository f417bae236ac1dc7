from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "minsheng.audit"
    verbose_name = _("审计日志")

    def ready(self):
        from . import receivers  # noqa: F401  (login and logout are only announced by signals)
