"""Forms of the hot issue pages: they parse input; the services decide what is allowed."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import all_active_organisations, organisation_choices
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from .services.joint import LEAD_ORG_KINDS, NOTE_MAX, TITLE_MAX

DEFAULT_DAYS = 90


def default_period() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


class HotIssueFilterForm(forms.Form):
    received_from = forms.DateField(label=_("收到日期自"), required=False, widget=DateInput())
    received_to = forms.DateField(label=_("至"), required=False, widget=DateInput())
    organisation = OrganisationChoiceField(
        label=_("单位"), required=False, queryset=Organisation.objects.none(), empty_label=_("全部单位")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices(user=user)

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            raise ValidationError({"received_to": _("截止日期不能早于起始日期")})
        return data


class RefreshForm(forms.Form):
    received_from = forms.DateField(label=_("收到日期自"), widget=DateInput())
    received_to = forms.DateField(label=_("至"), widget=DateInput())


class JointHandlingForm(forms.Form):
    matters = forms.TypedMultipleChoiceField(label=_("并案事项"), coerce=int, required=False)
    extra_numbers = forms.CharField(
        label=_("追加其他事项编号"),
        required=False,
        max_length=2000,
        help_text=_("不在本组中的事项，填写编号，多个用逗号、空格或换行分隔"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    lead_matter = forms.TypedChoiceField(label=_("主办事项"), coerce=int, required=False)
    lead_org = OrganisationChoiceField(
        label=_("主办单位"), queryset=Organisation.objects.none(), required=False
    )
    title = forms.CharField(label=_("并案名称"), max_length=TITLE_MAX, required=False)
    note = forms.CharField(
        label=_("说明"), max_length=NOTE_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    route_kind = forms.ChoiceField(
        label=_("同时转送尚未转送的事项"),
        required=False,
        choices=[("", _("不转送")), ("transfer", _("转送主办单位")), ("assign", _("交办主办单位"))],
    )

    def __init__(self, *args, matter_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["matters"].choices = [(pk, pk) for pk in matter_ids]
        self.fields["lead_matter"].choices = [("", "—"), *((pk, pk) for pk in matter_ids)]
        self.fields["lead_org"].queryset = all_active_organisations().filter(kind__in=LEAD_ORG_KINDS)

    def clean_extra_numbers(self) -> list[str]:
        return [n for n in re.split(r"[\s,，、;；]+", self.cleaned_data["extra_numbers"]) if n]


class MemberAddForm(forms.Form):
    number = forms.CharField(label=_("事项编号"), max_length=40)


class MemberRemoveForm(forms.Form):
    reason = forms.CharField(label=_("移出原因"), max_length=NOTE_MAX, required=False)
