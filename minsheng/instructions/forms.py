"""Forms of the instruction pages: they parse input; the services decide what is allowed."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import all_active_organisations
from minsheng.lib.widgets import DateInput

from .models import Instruction
from .permissions import UNIT_KINDS


def instruction_units():
    return all_active_organisations().filter(kind__in=UNIT_KINDS)


class UnitsField(forms.ModelMultipleChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.none())
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 8}))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        depth = max(obj.path.count("/") - 3, 0)
        return "\u3000" * depth + obj.name


class LeaderField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name}（{obj.title}）" if obj.title else obj.display_name


class InstructionForm(forms.Form):
    leader = LeaderField(label=_("批示领导"), queryset=None)
    issued_on = forms.DateField(label=_("批示日期"), widget=DateInput())
    text = forms.CharField(label=_("批示内容"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    units = UnitsField(label=_("承办单位"), required=False, help_text=_("按住 Ctrl 可多选"))
    due_on = forms.DateField(label=_("办理期限"), widget=DateInput(), required=False)
    matter_numbers = forms.CharField(
        label=_("涉及信访事项"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("填写事项编号，多个用逗号、空格或换行分隔；可不填"),
    )

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders
        self.fields["units"].queryset = instruction_units()
        # Checked by the service, so that one submission reports every problem; marked for people.
        for name in ("text", "units", "due_on"):
            self.fields[name].shown_required = True
        if not self.is_bound:
            self.initial.setdefault("issued_on", timezone.localdate())
            only = list(leaders[:2])
            if len(only) == 1:
                self.initial.setdefault("leader", only[0].pk)

    def clean_matter_numbers(self) -> list[str]:
        return list(
            dict.fromkeys(n for n in re.split(r"[\s,，、;；]+", self.cleaned_data["matter_numbers"]) if n)
        )


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("办理情况"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class CloseForm(forms.Form):
    note = forms.CharField(label=_("办结说明"), required=False, max_length=2000)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("退回理由"), required=False, max_length=2000)


class InstructionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *Instruction.Status.choices]
    )
    overdue = forms.BooleanField(label=_("只看超期"), required=False)
    issued_from = forms.DateField(label=_("批示日期自"), required=False, widget=DateInput())
    issued_to = forms.DateField(label=_("至"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("issued_from") and data.get("issued_to") and data["issued_from"] > data["issued_to"]:
            self.add_error("issued_to", _("截止日期不能早于起始日期"))
        return data


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[
            ("", _("全部状态")),
            ("pending", _("待办")),
            ("fed_back", _("已反馈")),
            ("closed", _("已办结")),
        ],
    )
    overdue = forms.BooleanField(label=_("只看超期"), required=False)
