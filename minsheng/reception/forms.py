"""Forms of the reception pages: they parse input; the services decide what is allowed and say why."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisation_choices
from minsheng.instructions.forms import UnitsField, instruction_units
from minsheng.lib.widgets import DateInput, DateTimeInput, TimeInput
from minsheng.petitions.forms import OrganisationChoiceField

from .models import CENTRE_PLACE, Appointment, Kind, Outcome
from .services.rota import CENTRE_ORG_KINDS, DEFAULT_ENDS_AT, DEFAULT_STARTS_AT, FIELD_VISIT_ORG_KINDS


def leader_choice_label(leader) -> str:
    return f"{leader.display_name}（{leader.title}）" if leader.title else leader.display_name


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return leader_choice_label(obj)


MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(value: str) -> tuple[int, int] | None:
    match = MONTH_RE.match((value or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 and 2000 <= year <= 2100 else None


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        parsed = parse_month(value)
        if parsed is None:
            raise ValidationError(_("月份格式不正确，例如 2026-12"))
        return parsed


class RotaGenerateForm(forms.Form):
    """A month and the leaders in the order they take turns; a leader without a number is left out."""

    month = MonthField(label=_("月份"))
    place = forms.CharField(label=_("地点"), max_length=200, initial=CENTRE_PLACE)
    starts_at = forms.TimeField(
        label=_("开始时间"), required=False, widget=TimeInput(), initial=DEFAULT_STARTS_AT
    )
    ends_at = forms.TimeField(
        label=_("结束时间"), required=False, widget=TimeInput(), initial=DEFAULT_ENDS_AT
    )

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.leaders = list(leaders)
        self.order_fields = []
        for position, leader in enumerate(self.leaders, start=1):
            name = f"order_{leader.pk}"
            self.fields[name] = forms.IntegerField(
                label=leader_choice_label(leader),
                required=False,
                min_value=1,
                max_value=99,
                initial=position,
                widget=forms.NumberInput(attrs={"class": "order-input"}),
            )
            self.order_fields.append(name)

    def ordered_leaders(self) -> list:
        chosen = []
        for position, leader in enumerate(self.leaders):
            order = self.cleaned_data.get(f"order_{leader.pk}")
            if order:
                chosen.append((order, position, leader))
        return [leader for _o, _p, leader in sorted(chosen, key=lambda row: (row[0], row[1]))]

    def order_bound_fields(self):
        return [self[name] for name in self.order_fields]


class DayForm(forms.Form):
    kind = forms.ChoiceField(label=_("方式"), choices=Kind.choices, initial=Kind.FIELD_VISIT)
    date = forms.DateField(label=_("日期"), widget=DateInput())
    leader = LeaderChoiceField(label=_("接访领导"), queryset=None)
    organisation = OrganisationChoiceField(
        label=_("接访地单位"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("坐班接访为信访局；下访为所到的乡镇（街道）或村（社区）"),
    )
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    starts_at = forms.TimeField(label=_("开始时间"), required=False, widget=TimeInput())
    ends_at = forms.TimeField(label=_("结束时间"), required=False, widget=TimeInput())
    note = forms.CharField(label=_("备注（不公开）"), max_length=500, required=False)

    def __init__(self, *args, user, leaders, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders
        self.fields["organisation"].queryset = organisation_choices(user=user).filter(
            kind__in=[*CENTRE_ORG_KINDS, *FIELD_VISIT_ORG_KINDS]
        )
        if editing:
            for name in ("kind", "date", "organisation"):
                del self.fields[name]


class SessionForm(forms.Form):
    """An unplanned session (a leader received people on a day not on the rota)."""

    leader = LeaderChoiceField(label=_("接访领导"), queryset=None)
    held_on = forms.DateField(label=_("接访日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("方式"), choices=Kind.choices, initial=Kind.CENTRE)
    organisation = OrganisationChoiceField(
        label=_("接访地单位"), queryset=Organisation.objects.none(), required=False
    )
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    started_at = forms.TimeField(label=_("开始时间"), required=False, widget=TimeInput())
    ended_at = forms.TimeField(label=_("结束时间"), required=False, widget=TimeInput())
    notes = forms.CharField(label=_("接访情况"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders
        self.fields["organisation"].queryset = organisation_choices(user=user).filter(
            kind__in=[*CENTRE_ORG_KINDS, *FIELD_VISIT_ORG_KINDS]
        )
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())


class SessionUpdateForm(forms.Form):
    started_at = forms.TimeField(label=_("开始时间"), required=False, widget=TimeInput())
    ended_at = forms.TimeField(label=_("结束时间"), required=False, widget=TimeInput())
    notes = forms.CharField(label=_("接访情况"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class InstructionDraftFields(forms.Form):
    """The fields of an instruction given on the spot (现场批示); used only with that outcome."""

    instruction_text = forms.CharField(
        label=_("批示内容"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    instruction_units = UnitsField(label=_("承办单位"), required=False)
    instruction_due_on = forms.DateField(label=_("办理期限"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instruction_units"].queryset = instruction_units()


class EntryForm(InstructionDraftFields):
    MODES = [("register", _("登记来访人")), ("attach", _("关联当天已登记的来访"))]

    mode = forms.ChoiceField(label=_("方式"), choices=MODES, initial="register", widget=forms.RadioSelect)
    name = forms.CharField(label=_("信访人姓名"), max_length=50, required=False)
    id_number = forms.CharField(label=_("身份证号码"), max_length=30, required=False)
    phone = forms.CharField(label=_("电话"), max_length=30, required=False)
    address = forms.CharField(label=_("住址"), max_length=200, required=False)
    head_count = forms.IntegerField(label=_("来访人数"), min_value=1, max_value=10000, initial=1)
    title = forms.CharField(label=_("标题"), max_length=200, required=False)
    content = forms.CharField(label=_("反映内容"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    demands = forms.CharField(label=_("诉求"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    matter_number = forms.CharField(
        label=_("追加到已有事项"),
        max_length=40,
        required=False,
        help_text=_("就已有事项再次来访时填写编号，例如 怀信〔2026〕00012；留空则新建事项"),
    )
    attach_number = forms.CharField(
        label=_("事项编号"),
        max_length=40,
        required=False,
        help_text=_("来访人已在窗口登记：填写其事项编号，关联当天的来访登记"),
    )
    outcome = forms.ChoiceField(
        label=_("接访结果"), choices=Outcome.choices, widget=forms.RadioSelect, required=False
    )
    outcome_note = forms.CharField(
        label=_("答复或处理情况"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )

    field_order = ["mode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Checked by the services (so that one submission reports every problem), marked for people.
        for name in ("title", "content", "outcome"):
            self.fields[name].shown_required = True


class AppointmentForm(forms.Form):
    matter_number = forms.CharField(label=_("信访事项编号"), max_length=40)
    leader = LeaderChoiceField(label=_("约访领导"), queryset=None)
    proposed_at = forms.DateTimeField(label=_("约访时间"), widget=DateTimeInput())
    place = forms.CharField(label=_("地点"), max_length=200, initial=CENTRE_PLACE)
    invited_by = forms.ChoiceField(label=_("邀约方式"), choices=Appointment.InvitedBy.choices)
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders


class AppointmentScheduleForm(forms.Form):
    proposed_at = forms.DateTimeField(label=_("约访时间"), widget=DateTimeInput())
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    note = forms.CharField(label=_("说明"), required=False, max_length=2000)


class AppointmentRecordForm(InstructionDraftFields):
    held = forms.TypedChoiceField(
        label=_("是否见面"),
        choices=[("1", _("已约见")), ("0", _("未能约见"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    held_at = forms.DateTimeField(label=_("约见时间"), required=False, widget=DateTimeInput())
    outcome = forms.ChoiceField(
        label=_("约见结果"), choices=Outcome.choices, required=False, widget=forms.RadioSelect
    )
    notes = forms.CharField(label=_("约见情况"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label=_("未能约见的原因"), required=False, max_length=2000)

    field_order = ["held", "held_at", "outcome", "notes", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("held_at", "outcome", "notes"):
            self.fields[name].shown_required = True


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=2000, required=False)


class OwnershipAssignForm(forms.Form):
    leader = LeaderChoiceField(label=_("包案领导"), queryset=None)
    note = forms.CharField(label=_("包案要求"), required=False, max_length=2000)

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders


class OwnershipReleaseForm(forms.Form):
    note = forms.CharField(label=_("解除说明"), required=False, max_length=2000)


class SessionFilterForm(forms.Form):
    held_from = forms.DateField(label=_("接访日期自"), required=False, widget=DateInput())
    held_to = forms.DateField(label=_("至"), required=False, widget=DateInput())
    kind = forms.ChoiceField(label=_("方式"), required=False, choices=[("", _("全部")), *Kind.choices])

    def clean(self):
        data = super().clean()
        if data.get("held_from") and data.get("held_to") and data["held_from"] > data["held_to"]:
            self.add_error("held_to", _("截止日期不能早于起始日期"))
        return data


def apply_errors(form: forms.Form, exc: ValidationError, names: dict[str, str] | None = None) -> None:
    """Put a service's errors by field on the form's fields (renamed through `names`; a petitioner
    row's "petitioners.0.name" on "name"), or on the form as a whole."""
    names = names or {}
    for key, messages in exc.message_dict.items():
        field = names.get(key, key)
        if field.startswith("petitioners."):
            field = field.rsplit(".", 1)[-1]
        if field.startswith("instruction."):
            field = "instruction_" + field.split(".", 1)[1]
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
