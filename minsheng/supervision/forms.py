"""Forms of the supervision pages: they parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import all_active_organisations, organisation_choices
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from .models import Level, SupervisionItem
from .selectors import NO_LEVEL, NO_LEVEL_LABEL, ItemFilters
from .services.notices import ADDRESSEE_KINDS, FEEDBACK_MAX, NOTE_MAX, REQUIREMENT_MAX


class ItemFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("类型"), required=False, choices=[("", _("全部类型")), *SupervisionItem.Category.choices]
    )
    level = forms.ChoiceField(
        label=_("督办级别"),
        required=False,
        choices=[("", _("全部级别")), (NO_LEVEL, NO_LEVEL_LABEL), *Level.choices],
    )
    organisation = OrganisationChoiceField(
        label=_("责任单位"), required=False, queryset=Organisation.objects.none(), empty_label=_("全部单位")
    )
    feedback_overdue = forms.BooleanField(label=_("只看反馈逾期"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices(user=user)

    def filters(self) -> ItemFilters:
        if not (self.is_bound and self.is_valid()):
            return ItemFilters()
        data = self.cleaned_data
        return ItemFilters(
            category=data["category"],
            level=data["level"],
            organisation=data["organisation"],
            feedback_overdue=data["feedback_overdue"],
        )


class NoticeForm(forms.Form):
    level = forms.ChoiceField(label=_("督办级别"), choices=Level.choices)
    feedback_due_on = forms.DateField(label=_("反馈期限"), widget=DateInput())
    addressee = OrganisationChoiceField(label=_("主送单位"), queryset=Organisation.objects.none())
    requirement = forms.CharField(
        label=_("督办要求"),
        required=False,
        max_length=REQUIREMENT_MAX,
        help_text=_("可不填：通知书按级别写明办理和反馈要求"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = all_active_organisations().filter(kind__in=ADDRESSEE_KINDS)


class EscalateForm(forms.Form):
    feedback_due_on = forms.DateField(label=_("新的反馈期限"), widget=DateInput())
    requirement = forms.CharField(
        label=_("督办要求"),
        required=False,
        max_length=REQUIREMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("书面反馈"), max_length=FEEDBACK_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )


class AcceptForm(forms.Form):
    note = forms.CharField(label=_("认可意见"), required=False, max_length=NOTE_MAX)


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("跟踪问效情况"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseForm(forms.Form):
    note = forms.CharField(label=_("办结说明"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}))
