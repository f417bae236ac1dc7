from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.lib.widgets import DateInput

from .models import Notification
from .selectors import OutboxFilters

OUTWARD_CHANNELS = [c for c in Notification.Channel.choices if c[0] != Notification.Channel.IN_APP]


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部")), *Notification.Status.choices]
    )
    channel = forms.ChoiceField(label=_("渠道"), required=False, choices=[("", _("全部")), *OUTWARD_CHANNELS])
    date_from = forms.DateField(label=_("日期自"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("至"), required=False, widget=DateInput())

    def filters(self) -> OutboxFilters:
        if not self.is_bound or not self.is_valid():
            return OutboxFilters()
        data = self.cleaned_data
        return OutboxFilters(
            status=data["status"],
            channel=data["channel"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
