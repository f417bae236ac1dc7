from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "minsheng.proposals"
    verbose_name = _("政协提案办理")
