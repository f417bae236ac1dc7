"""Forms of the lawyers' pages: they parse input; the services decide what is allowed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation, User
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from .models import ROUTE_CHOICES, ConsultationTopic, DutySession, LawyerAssignment, Mediation
from .services.assignments import RELATION_MAX, REQUEST_MAX
from .services.consultations import ADVICE_MAX, NAME_MAX, QUESTION_MAX
from .services.opinions import ANALYSIS_MAX, BASIS_MAX, FACTS_MAX, PARTIES_MAX, RESULT_MAX
from .services.roster import DEFAULT_PLACE, PLACE_MAX

DATE = DateInput()


class LawyerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        firm = obj.organisation.display_name if obj.organisation_id else ""
        return f"{obj.display_name}（{firm}）" if firm else obj.display_name


class LawyerMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return LawyerChoiceField.label_from_instance(self, obj)


class MonthForm(forms.Form):
    month = forms.RegexField(
        label=_("月份"),
        regex=r"^\d{4}-\d{2}$",
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
        error_messages={"invalid": _("月份格式不正确，例如 2026-12")},
    )

    def clean_month(self):
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = (int(part) for part in value.split("-"))
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValidationError(_("月份格式不正确，例如 2026-12"))
        return year, month


class RosterPlanForm(forms.Form):
    month = forms.RegexField(
        label=_("月份"),
        regex=r"^\d{4}-\d{2}$",
        widget=forms.TextInput(attrs={"type": "month"}),
        error_messages={"invalid": _("月份格式不正确，例如 2026-12")},
    )
    lawyers = LawyerMultipleChoiceField(
        label=_("轮流值班的律师"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("按列表顺序轮流安排工作日；法定节假日不排班，调休上班日照常排班"),
    )
    start_with = LawyerChoiceField(
        label=_("从哪位律师开始"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("列表中的第一位"),
        help_text=_("接续上月的轮换时选择"),
    )
    session = forms.ChoiceField(label=_("时段"), choices=DutySession.choices, initial=DutySession.FULL_DAY)
    place = forms.CharField(label=_("地点"), max_length=PLACE_MAX, initial=DEFAULT_PLACE)

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyers"].queryset = lawyers
        self.fields["start_with"].queryset = lawyers

    def clean_month(self):
        year, month = (int(part) for part in self.cleaned_data["month"].split("-"))
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValidationError(_("月份格式不正确，例如 2026-12"))
        return year, month

    def clean(self):
        data = super().clean()
        first, chosen = data.get("start_with"), data.get("lawyers")
        if first is not None and chosen is not None and first not in chosen:
            self.add_error("start_with", _("开始的律师应在勾选的律师之中"))
        return data

    def ordered_lawyers(self) -> list[User]:
        """The ticked lawyers in list order, turned so that the rotation starts where it was asked to."""
        lawyers = list(
            self.fields["lawyers"].queryset.filter(pk__in=[u.pk for u in self.cleaned_data["lawyers"]])
        )
        first = self.cleaned_data.get("start_with")
        if first is not None and first in lawyers:
            at = lawyers.index(first)
            lawyers = lawyers[at:] + lawyers[:at]
        return lawyers


class DutyShiftForm(forms.Form):
    day = forms.DateField(label=_("日期"), widget=DATE)
    lawyer = LawyerChoiceField(label=_("律师"), queryset=User.objects.none())
    session = forms.ChoiceField(label=_("时段"), choices=DutySession.choices, initial=DutySession.FULL_DAY)
    place = forms.CharField(label=_("地点"), max_length=PLACE_MAX, initial=DEFAULT_PLACE)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyer"].queryset = lawyers


class AssignmentForm(forms.Form):
    number = forms.CharField(label=_("事项编号"), max_length=40)
    lawyer = LawyerChoiceField(label=_("律师"), queryset=User.objects.none())
    request = forms.CharField(
        label=_("指派事由"),
        max_length=REQUEST_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例如：请就是否属于涉法涉诉事项、应通过何种途径解决提出法律意见"),
    )

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyer"].queryset = lawyers


class AssignmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部")), *LawyerAssignment.Status.choices]
    )


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("利益冲突"),
        choices=[("no", _("不存在利益冲突")), ("yes", _("存在利益冲突，申请回避"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    confirmed = forms.BooleanField(label=_("我已阅读并确认以上声明"), required=False)
    relation = forms.CharField(
        label=_("利害关系"),
        max_length=RELATION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("存在利益冲突时填写，例如：本人曾担任被反映单位的常年法律顾问"),
    )


class EndForm(forms.Form):
    reason = forms.CharField(label=_("结束原因"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class OpinionForm(forms.Form):
    facts = forms.CharField(
        label=_("律师了解的事实"), max_length=FACTS_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    analysis = forms.CharField(
        label=_("法律分析"), max_length=ANALYSIS_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    route = forms.ChoiceField(label=_("建议处理途径（第三十一条）"), choices=[("", "—"), *ROUTE_CHOICES])
    basis = forms.CharField(
        label=_("法律依据"),
        max_length=BASIS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("法律法规名称及条款，每行一条，例如：《中华人民共和国民法典》第五百七十七条"),
    )
    given_on = forms.DateField(label=_("出具日期"), widget=DATE)


class MediationForm(forms.Form):
    held_on = forms.DateField(label=_("调解日期"), widget=DATE)
    place = forms.CharField(label=_("调解地点"), max_length=200)
    parties = forms.CharField(
        label=_("当事人"),
        max_length=PARTIES_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("争议双方及其代理人，例如：申请人李桂兰；被申请人云中镇东关村村民委员会"),
    )
    lawyers = LawyerMultipleChoiceField(
        label=_("参与律师"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    outcome = forms.ChoiceField(
        label=_("调解结果"), choices=Mediation.Outcome.choices, widget=forms.RadioSelect
    )
    result = forms.CharField(
        label=_("协议内容或未达成的原因"), max_length=RESULT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    consent = forms.BooleanField(label=_("争议双方当事人同意调解（第三十三条）"), required=False)

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyers"].queryset = lawyers


class ConsultationFilterForm(forms.Form):
    consulted_from = forms.DateField(label=_("咨询日期自"), required=False, widget=DATE)
    consulted_to = forms.DateField(label=_("至"), required=False, widget=DATE)
    lawyer = LawyerChoiceField(
        label=_("律师"), required=False, queryset=User.objects.none(), empty_label=_("全部律师")
    )
    topic = forms.ChoiceField(
        label=_("咨询类别"), required=False, choices=[("", _("全部类别")), *ConsultationTopic.choices]
    )

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyer"].queryset = lawyers

    def clean(self):
        data = super().clean()
        start, end = data.get("consulted_from"), data.get("consulted_to")
        if start and end and start > end:
            raise ValidationError({"consulted_to": _("截止日期不能早于起始日期")})
        return data


class ConsultationForm(forms.Form):
    """The quick entry form: date, lawyer and place stay filled in for the next entry."""

    consulted_on = forms.DateField(label=_("咨询日期"), widget=DATE)
    lawyer = LawyerChoiceField(label=_("解答律师"), queryset=User.objects.none(), required=False)
    organisation = OrganisationChoiceField(label=_("咨询地点"), queryset=Organisation.objects.none())
    person_name = forms.CharField(
        label=_("咨询人"), max_length=NAME_MAX, required=False, help_text=_("不填为匿名")
    )
    phone = forms.CharField(
        label=_("联系电话"), max_length=30, required=False, help_text=_("可不填；加密保存")
    )
    topic = forms.ChoiceField(label=_("咨询类别"), choices=[("", "—"), *ConsultationTopic.choices])
    question = forms.CharField(
        label=_("咨询问题"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    advice = forms.CharField(
        label=_("解答意见"), max_length=ADVICE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    matter_number = forms.CharField(
        label=_("关联信访事项编号"), max_length=40, required=False, help_text=_("可不填")
    )

    def __init__(self, *args, lawyers, places, lawyer_fixed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = places
        if lawyer_fixed:
            del self.fields["lawyer"]
        else:
            self.fields["lawyer"].queryset = lawyers
            self.fields["lawyer"].required = True
        if not self.is_bound:
            self.initial.setdefault("consulted_on", timezone.localdate())
