"""Forms parse and present input. Rules (scope, group visits, ID numbers) are checked by the services,
which report errors by field; `apply_service_errors` puts them back on the right form fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import all_active_organisations, organisation_choices
from minsheng.calendars.deadlines import DEADLINE_STATE_LABELS
from minsheng.lib.widgets import DateInput

from .models import Category, Channel, Matter, Nature
from .selectors import MATTER_SORTS, categories_active


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        depth = max(obj.path.count("/") - 2, 0)
        return "\u3000" * depth + obj.name


class IntakeForm(forms.Form):
    channel = forms.ChoiceField(label=_("渠道"), choices=Channel.choices, initial=Channel.VISIT)
    received_at = forms.DateTimeField(
        label=_("收到时间"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    receiving_org = OrganisationChoiceField(label=_("登记单位"), queryset=Organisation.objects.none())
    head_count = forms.IntegerField(label=_("来访人数"), min_value=1, max_value=10000, initial=1)
    title = forms.CharField(label=_("标题"), max_length=200)
    content = forms.CharField(label=_("信访内容"), widget=forms.Textarea(attrs={"rows": 5}))
    demands = forms.CharField(label=_("诉求"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    concerned_org = OrganisationChoiceField(
        label=_("涉及单位/地区"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("（未指定）"),
    )
    place = forms.CharField(label=_("问题发生地"), max_length=200, required=False)
    category = CategoryChoiceField(
        label=_("分类"), queryset=Category.objects.none(), required=False, empty_label=_("（未分类）")
    )
    nature = forms.ChoiceField(label=_("性质"), choices=Nature.choices, initial=Nature.CLAIM)
    matter_number = forms.CharField(
        label=_("追加到已有事项"),
        max_length=40,
        required=False,
        help_text=_("同一事项再次信访时填写已有事项编号，例如 怀信〔2026〕00123；留空则新建事项"),
    )
    uploads = MultipleFileField(label=_("附件"), required=False)
    # Set by the "possibly the same matter" panel: what it showed, and "register as new" when chosen.
    shown_candidates = forms.JSONField(required=False, widget=forms.HiddenInput)
    confirmed_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    # Presence of these is checked by submission_register, so that one submission of the form reports
    # every problem at once (the form would otherwise stop before the petitioner rows are checked).
    CHECKED_BY_SERVICE = ("received_at", "receiving_org", "title", "content")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.CHECKED_BY_SERVICE:
            self.fields[name].required = False
            self.fields[name].shown_required = True
        self.fields["receiving_org"].queryset = organisation_choices(user=user)
        self.fields["concerned_org"].queryset = all_active_organisations()
        self.fields["category"].queryset = categories_active()
        if not self.is_bound:
            self.initial.setdefault("receiving_org", user.organisation_id)
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_shown_candidates(self):
        # Only a list means the panel showed something; anything else is as if nothing was shown.
        value = self.cleaned_data.get("shown_candidates")
        return value if isinstance(value, list) else None


class PetitionerRowForm(forms.Form):
    petitioner_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    id_number = forms.CharField(label=_("身份证号码"), max_length=30, required=False)
    phone = forms.CharField(label=_("电话"), max_length=30, required=False)
    address = forms.CharField(label=_("住址"), max_length=200, required=False)
    is_representative = forms.BooleanField(label=_("代表"), required=False)

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not data.get("petitioner_id") and not any(
            (data.get(f) or "").strip() for f in ("name", "id_number", "phone", "address")
        )


PetitionerFormSet = forms.formset_factory(PetitionerRowForm, extra=1, max_num=200, validate_max=True)


def apply_service_errors(error: ValidationError, form: forms.Form, formset=None, row_index=None) -> None:
    """Put a service's field errors on the form fields, and petitioner rows' on the formset rows."""
    for key, messages in error.message_dict.items():
        if key.startswith("petitioners.") and formset is not None:
            _, index, field = key.split(".", 2)
            row = formset.forms[row_index[int(index)]]
            for message in messages:
                row.add_error(field if field in row.fields else None, message)
        elif key == "petitioners" and formset is not None:
            for message in messages:
                formset._non_form_errors = formset.error_class([*formset.non_form_errors(), message])
        else:
            for message in messages:
                form.add_error(key if key in form.fields else None, message)


class MatterFilterForm(forms.Form):
    # No max_length: a long text is cut by minsheng.search.tokens, which tells the user so.
    q = forms.CharField(label=_("包含文字"), required=False)
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *Matter.Status.choices]
    )
    organisation = OrganisationChoiceField(
        label=_("单位"), required=False, queryset=Organisation.objects.none(), empty_label=_("全部单位")
    )
    category = CategoryChoiceField(
        label=_("分类"), required=False, queryset=Category.objects.none(), empty_label=_("全部分类")
    )
    channel = forms.ChoiceField(
        label=_("渠道"), required=False, choices=[("", _("全部渠道")), *Channel.choices]
    )
    received_from = forms.DateField(
        label=_("收到日期自"), required=False, widget=DateInput()
    )
    received_to = forms.DateField(
        label=_("至"), required=False, widget=DateInput()
    )
    deadline_state = forms.ChoiceField(
        label=_("期限状态"),
        required=False,
        choices=[("", _("全部")), *((k, v) for k, v in DEADLINE_STATE_LABELS.items())],
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        required=False,
        choices=[
            ("-received_at", _("收到时间（新→旧）")),
            ("received_at", _("收到时间（旧→新）")),
            ("number", _("编号")),
            ("-number", _("编号（倒序）")),
            ("due_on", _("期限（近→远）")),
            ("status", _("状态")),
        ],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices(user=user)
        self.fields["category"].queryset = categories_active().filter(level__lte=2)

    def clean_sort(self):
        sort = self.cleaned_data.get("sort") or "-received_at"
        return sort if sort in MATTER_SORTS else "-received_at"

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("结束日期不能早于开始日期"))
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("文件"))
