"""The portal's forms: they check what a person can fix and say how, next to the field."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.lib import idnumber, phone
from minsheng.petitions.models import Rating

from . import botcheck


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _messages(label, max_length) -> dict:
    # Lazy, so the message is in the language of the request, not of the import.
    return {
        "required": format_lazy(_("请填写{label}"), label=label),
        "max_length": format_lazy(_("{label}不能超过 {n} 个字"), label=label, n=max_length),
    }


def _text(label, max_length, required=True, autocomplete=None, help_text="", **attrs):
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
        error_messages=_messages(label, max_length),
    )


def _area(label, max_length, required=True, help_text="", rows=6):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=_messages(label, max_length),
    )


class PortalForm(forms.Form):
    """Every field tells a screen reader its help text and, once checked, its error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(
                    part for part in (attrs.get("aria-describedby", ""), f"id_{name}_error") if part
                )


class SubmitForm(PortalForm):
    name = _text(_("姓名"), 50, autocomplete="name")
    id_number = _text(
        _("身份证号码"), 18, autocomplete="off", help_text=_("18 位，最后一位可能是 X"), spellcheck="false"
    )
    phone = _text(
        _("手机号码"),
        20,
        autocomplete="tel",
        help_text=_("查询码和密码会用短信发到这个号码"),
        inputmode="tel",
        type="tel",
    )
    address = _text(_("住址"), 200, autocomplete="street-address")
    title = _text(_("反映的事情（一句话）"), 200, help_text=_("例如：小区供暖不热"))
    content = _area(_("事情经过"), 10000, help_text=_("什么时间、什么地方、发生了什么，已经找过哪些单位"))
    demands = _area(_("您的诉求"), 5000, help_text=_("希望有关单位怎样解决"), rows=4)
    township = forms.ModelChoiceField(
        label=_("事情发生在哪个乡镇（街道）"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("请选择（不清楚可以不选）"),
    )
    place = _text(_("具体地点（村、社区、小区等）"), 150, required=False)
    files = MultipleFileField(
        label=_("照片或材料（可不传）"),
        required=False,
        help_text=_("可传照片（JPG、PNG）或 PDF，最多 5 个，每个不超过 10 MB"),
    )
    bot_answer = forms.CharField(
        label="",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bot_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("请不要填写此项"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["township"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.TOWNSHIP, is_active=True
        ).order_by("name")
        self.fields["files"].widget.attrs["accept"] = ".jpg,.jpeg,.png,.pdf"

    def clean_id_number(self):
        try:
            return idnumber.validate(self.cleaned_data["id_number"])
        except idnumber.InvalidIdNumber as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_phone(self):
        try:
            return phone.validate(self.cleaned_data["phone"])
        except phone.InvalidPhone as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        problem = botcheck.verify(
            token=data.get("bot_token", ""),
            answer=data.get("bot_answer", ""),
            honeypot=data.get("website", ""),
        )
        if problem:
            self.add_error("bot_answer", problem)
        return data


class TrackForm(PortalForm):
    query_code = _text(
        _("查询码"),
        20,
        autocomplete="off",
        help_text=_("12 位字母和数字，不分大小写"),
        spellcheck="false",
        autocapitalize="characters",
    )
    password = forms.CharField(
        label=_("查询密码"),
        max_length=20,
        help_text=_("8 位数字"),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"required": _("请填写查询密码")},
    )
    website = forms.CharField(
        label=_("请不要填写此项"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class RateForm(PortalForm):
    value = forms.ChoiceField(
        label=_("您对答复满意吗？"),
        choices=Rating.Value.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择满意、基本满意或不满意")},
    )
    comment = _area(_("您的意见（不满意时请写明理由）"), 2000, required=False, rows=4)


class ReconsiderationForm(PortalForm):
    reason = _area(_("请求的理由"), 2000, required=False, rows=4)
