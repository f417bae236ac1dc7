"""The report page's query form: it parses dates and the preset; periods.py decides what is allowed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from .periods import PRESETS, Period, period_from_input

DATE_ERRORS = {"invalid": _("日期格式不正确，例如 2026-11-26")}


class ReportForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("常用期间"),
        required=False,
        choices=[("", "—"), *PRESETS.items()],
        error_messages={"invalid_choice": _("未知的统计期间：%(value)s")},
    )
    start = forms.DateField(
        label=_("起始日期"), required=False, widget=DateInput(), error_messages=DATE_ERRORS
    )
    end = forms.DateField(label=_("截止日期"), required=False, widget=DateInput(), error_messages=DATE_ERRORS)
    organisation = OrganisationChoiceField(
        label=_("统计单位"), required=False, queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisations, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.today = today

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["period"] = period_from_input(
                start=data.get("start"),
                end=data.get("end"),
                preset=data.get("preset") or "",
                today=self.today,
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

    @property
    def period(self) -> Period:
        return self.cleaned_data["period"]
