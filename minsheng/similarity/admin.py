from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import MatchDecision


@admin.register(MatchDecision)
class MatchDecisionAdmin(admin.ModelAdmin):
    """What registrars chose when the intake check showed candidates: read to see how the matcher does."""

    list_display = ["decided_at", "actor", "choice", "chosen_matter", "chosen_rank", "shown"]
    list_filter = ["choice", "chosen_rank"]
    date_hierarchy = "decided_at"
    list_select_related = ["actor", "chosen_matter"]

    @admin.display(description=_("显示候选数"))
    def shown(self, decision):
        return len(decision.candidates)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
