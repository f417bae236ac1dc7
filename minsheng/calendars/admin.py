from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import CalendarOverride, CalendarYear
from .selectors import calendar_coverage
from .services import (
    calendar_override_delete,
    calendar_override_save,
    calendar_year_delete,
    calendar_year_save,
)

WEEKDAYS = "一二三四五六日"


class AdministratorsOnly:
    """The calendar decides every deadline in the system; only administrators may see and change it."""

    def _is_admin(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_staff and hasattr(user, "has_role") and user.has_role("admin")

    def has_module_permission(self, request):
        return self._is_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_add_permission(self, request):
        return self._is_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_admin(request)


class YearFilter(admin.SimpleListFilter):
    title = _("年份")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("day", "year", order="DESC")
        return [(str(d.year), f"{d.year}") for d in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(day__year=int(self.value()))
        return queryset


def _coverage_lines() -> list[str]:
    lines = []
    for item in calendar_coverage():
        if item.source == "package":
            text = gettext(
                "%(year)s 年：使用内置的国务院放假安排（含调休），已有 %(count)s 条调整优先于内置数据。"
            )
        elif item.source == "overrides":
            text = gettext("%(year)s 年：已确认录入完整的放假安排（%(count)s 条调整）。")
        else:
            text = gettext(
                "%(year)s 年：尚无放假安排数据，期限暂按周一至周五计算并提示核对（已录入 %(count)s 条调整）。"
                "国务院公布放假安排后，请录入落在工作日的假日和周末调休上班日，再在“已录入放假安排的年份”中确认该年。"
            )
        lines.append(text % {"year": item.year, "count": item.override_count})
    return lines


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["day", "weekday", "is_working_day", "note", "updated_by", "updated_at"]
    list_filter = [YearFilter, "is_working_day"]
    date_hierarchy = "day"
    search_fields = ["note"]
    fields = ["day", "is_working_day", "note", "updated_by", "updated_at"]
    change_list_template = "admin/calendars/calendaroverride/change_list.html"

    @admin.display(description=_("星期"))
    def weekday(self, obj):
        return gettext("星期") + WEEKDAYS[obj.day.weekday()]

    def get_readonly_fields(self, request, obj=None):
        # A different day is a different override: delete this one and add the other.
        if obj is not None:
            return ["day", "updated_by", "updated_at"]
        return ["updated_by", "updated_at"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "coverage_lines": _coverage_lines()}
        return super().changelist_view(request, extra_context=extra_context)

    def save_model(self, request, obj, form, change):
        saved = calendar_override_save(
            actor=request.user, day=obj.day, is_working_day=obj.is_working_day, note=obj.note
        )
        # The admin logs the change against `obj`, so give it the saved row's identity.
        obj.pk, obj.updated_by, obj.updated_at = saved.pk, saved.updated_by, saved.updated_at

    def delete_model(self, request, obj):
        calendar_override_delete(actor=request.user, override=obj)

    def delete_queryset(self, request, queryset):
        for override in queryset:
            calendar_override_delete(actor=request.user, override=override)


@admin.register(CalendarYear)
class CalendarYearAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["year", "note", "updated_by", "updated_at"]
    fields = ["year", "note", "updated_by", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["year", "updated_by", "updated_at"]
        return ["updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        saved = calendar_year_save(actor=request.user, year=obj.year, note=obj.note)
        obj.pk, obj.updated_by, obj.updated_at = saved.pk, saved.updated_by, saved.updated_at

    def delete_model(self, request, obj):
        calendar_year_delete(actor=request.user, calendar_year=obj)

    def delete_queryset(self, request, queryset):
        for calendar_year in queryset:
            calendar_year_delete(actor=request.user, calendar_year=calendar_year)
