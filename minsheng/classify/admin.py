"""Read-only views of the models in use and of the feedback: changes go through train_classifier."""

from django.contrib import admin

from .models import CategorySuggestionFeedback, SuggestionModel


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SuggestionModel)
class SuggestionModelAdmin(ReadOnlyAdmin):
    list_display = ["kind", "is_active", "trained_at", "vocabulary", "updates"]
    list_filter = ["kind", "is_active"]
    exclude = ["totals", "docs"]


@admin.register(CategorySuggestionFeedback)
class CategorySuggestionFeedbackAdmin(ReadOnlyAdmin):
    list_display = [
        "matter",
        "chosen_top_category",
        "category_rank",
        "chosen_unit",
        "unit_rank",
        "actor",
        "at",
    ]
    list_filter = ["category_rank", "unit_rank"]
    list_select_related = ["matter", "chosen_top_category", "chosen_unit", "actor"]
    raw_id_fields = ["matter"]
