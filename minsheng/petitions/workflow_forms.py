"""One small form per workflow step. They parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation, User
from minsheng.accounts.selectors import all_active_organisations
from minsheng.lib.widgets import DateInput

from .forms import OrganisationChoiceField
from .models import HandlingNote, Rating, Reconsideration, Reply, Routing

DATE = DateInput()


class RouteForm(forms.Form):
    kind = forms.ChoiceField(label=_("处理方式"), choices=Routing.Kind.choices)
    to_org = OrganisationChoiceField(
        label=_("接收单位"), queryset=Organisation.objects.none(), required=False, empty_label=_("（请选择）")
    )
    route = forms.ChoiceField(
        label=_("导入途径"), choices=[("", _("（转送、交办时不选）")), *Routing.Route.choices], required=False
    )
    guidance = forms.CharField(
        label=_("告知信访人向何处提出"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("导入诉讼、仲裁、行政复议等程序时填写机关名称和途径"),
    )
    report_due_on = forms.DateField(
        label=_("交办反馈期限"), required=False, widget=DATE, help_text=_("留空按设置的交办期限计算")
    )
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_org"].queryset = all_active_organisations()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class AcceptForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HandlingNoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=HandlingNote.Kind.choices)
    text = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    agreement_reached = forms.BooleanField(label=_("达成调解或和解协议"), required=False)


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("延长天数"), min_value=1, max_value=365)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    approved_by = forms.ModelChoiceField(label=_("批准人（本单位负责人）"), queryset=User.objects.none())

    def __init__(self, *args, matter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = User.objects.filter(
            organisation_id=matter.handling_org_id, is_active=True
        ).order_by("full_name")


class OpinionForm(forms.Form):
    """The four parts of Art 32, used for the reply and for review and recheck opinions."""

    request = forms.CharField(label=_("投诉请求"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    facts_and_reasons = forms.CharField(
        label=_("事实和理由"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    text = forms.CharField(label=_("处理意见"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    basis = forms.CharField(
        label=_("法律法规及政策依据"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    outcome = forms.ChoiceField(
        label=_("处理结果"), choices=[("", _("（请选择）")), *Reply.Outcome.choices], required=False
    )
    served_on = forms.DateField(label=_("送达日期"), required=False, widget=DATE, help_text=_("留空为今天"))


class ReconsiderationRequestForm(forms.Form):
    stage = forms.ChoiceField(choices=Reconsideration.Stage.choices, widget=forms.HiddenInput)
    requested_on = forms.DateField(
        label=_("收到申请日期"), required=False, widget=DATE, help_text=_("留空为今天")
    )
    reason = forms.CharField(label=_("申请理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HearingForm(forms.Form):
    days = forms.IntegerField(label=_("听证用时（日）"), min_value=1, max_value=365)
    note = forms.CharField(label=_("说明"), required=False)


class RatingForm(forms.Form):
    value = forms.ChoiceField(
        label=_("信访人的评价"), choices=Rating.Value.choices, widget=forms.RadioSelect, required=False
    )
    comment = forms.CharField(
        label=_("意见"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("评价针对最近一次书面答复；不满意的请写明理由，将转督办员跟进"),
    )
