"""The library and the FAQs in the Django admin, for administrators only: what the public reads as the
rules must not be changed by any staff account that happens to reach the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Faq, PolicyArticle, PolicyDocument
from .services import faq_delete, faq_save, policy_document_reindex


class AdministratorsOnly:
    def _is_admin(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_staff and hasattr(user, "has_role") and user.has_role("admin")

    def has_module_permission(self, request):
        return self._is_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_add_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_admin(request)


class ArticleInline(AdministratorsOnly, admin.StackedInline):
    model = PolicyArticle
    extra = 0
    fields = [("number", "label", "order"), ("chapter", "section"), "text"]
    ordering = ["order", "number"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["title", "kind", "issuer", "effective_on", "is_current", "article_count", "imported_at"]
    list_filter = ["kind", "is_current"]
    search_fields = ["title", "issuer", "doc_number"]
    readonly_fields = ["source_file", "imported_at", "updated_at", "updated_by"]
    inlines = [ArticleInline]

    @admin.display(description=_("条数"))
    def article_count(self, obj):
        return obj.articles.count()

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Articles typed or corrected here must be found by search like imported ones.
        policy_document_reindex(document=form.instance)


@admin.register(Faq)
class FaqAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["question", "category", "order", "published", "updated_at"]
    list_filter = ["category", "published"]
    list_editable = ["order", "published"]
    search_fields = ["question", "answer"]
    fields = ["category", "question", "answer", "order", "published"]

    def save_model(self, request, obj, form, change):
        faq_save(actor=request.user, faq=obj)

    def delete_model(self, request, obj):
        faq_delete(actor=request.user, faq=obj)

    def delete_queryset(self, request, queryset):
        for faq in queryset:
            faq_delete(actor=request.user, faq=faq)
