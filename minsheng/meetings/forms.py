"""Forms of the joint meeting pages: they parse input; the services decide what is allowed."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.selectors import all_active_organisations, organisation_choices
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from .models import JointMeeting, MeetingTask
from .permissions import CONVENING_KINDS, OWNER_KINDS
from .services import Guest
from .services.record import (
    CHAIR_MAX,
    DECISION_MAX,
    DECISIONS_MAX,
    MINUTES_MAX,
    PLACE_MAX,
    TITLE_MAX,
)
from .services.tasks import FEEDBACK_MAX, NOTE_MAX

NUMBER_SEPARATORS = re.compile(r"[\s,，、;；]+")
# "姓名，单位及职务", "姓名（单位及职务）" or "姓名 单位及职务", one person a line.
GUEST_LINE = re.compile(r"^(?P<name>[^,，(（\s]+)[\s,，(（]*(?P<unit>.*?)[)）]?$")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        org = obj.organisation.display_name if obj.organisation_id else ""
        return f"{obj.display_name}（{org}）" if org else obj.display_name


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return UserChoiceField.label_from_instance(self, obj)


def staff_users():
    # Leaders first: they chair and attend the city's meetings.
    return (
        User.objects.filter(is_active=True, organisation__isnull=False)
        .exclude(role__in=[Role.MEMBER, Role.PROPOSAL_OFFICE])
        .select_related("organisation")
        .order_by("organisation__path", "pk")
    )


class MeetingFilterForm(forms.Form):
    held_from = forms.DateField(label=_("会议日期自"), required=False, widget=DateInput())
    held_to = forms.DateField(label=_("至"), required=False, widget=DateInput())
    kind = forms.ChoiceField(
        label=_("会议类型"), required=False, choices=[("", _("全部")), *JointMeeting.Kind.choices]
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("held_from"), data.get("held_to")
        if start and end and start > end:
            raise ValidationError({"held_to": _("截止日期不能早于起始日期")})
        return data


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("会议日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("会议类型"), choices=JointMeeting.Kind.choices)
    title = forms.CharField(label=_("议题"), max_length=TITLE_MAX)
    organisation = OrganisationChoiceField(label=_("召集单位"), queryset=Organisation.objects.none())
    place = forms.CharField(label=_("地点"), max_length=PLACE_MAX, required=False)
    chair = UserChoiceField(
        label=_("主持人"), queryset=User.objects.none(), required=False, empty_label=_("（填写姓名）")
    )
    chair_name = forms.CharField(
        label=_("主持人姓名及职务"),
        max_length=CHAIR_MAX,
        required=False,
        help_text=_("主持人没有账号时填写；选择了账号时可不填"),
    )
    attendees = UserMultipleChoiceField(
        label=_("参会人员"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("按住 Ctrl 可选择多人"),
    )
    guests = forms.CharField(
        label=_("其他参会人员"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("没有账号的参会人员，每行一人：姓名，单位及职务"),
    )
    matter_numbers = forms.CharField(
        label=_("研究的信访事项"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("填写事项编号，多个用逗号、空格或换行分隔"),
    )
    minutes = forms.CharField(
        label=_("会议纪要"), max_length=MINUTES_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices(user=user).filter(
            kind__in=CONVENING_KINDS
        )
        self.fields["chair"].queryset = staff_users()
        self.fields["attendees"].queryset = staff_users()

    def clean_matter_numbers(self) -> list[str]:
        return [n for n in NUMBER_SEPARATORS.split(self.cleaned_data["matter_numbers"]) if n]

    def clean_guests(self) -> list[Guest]:
        guests = []
        for line in self.cleaned_data["guests"].splitlines():
            line = line.strip()
            if not line:
                continue
            match = GUEST_LINE.match(line)
            guests.append(
                Guest(name=match["name"], unit=match["unit"].strip()) if match else Guest(name=line)
            )
        return guests


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("决定事项"), max_length=DECISION_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(
        label=_("决定类型"), choices=MeetingTask.Kind.choices, initial=MeetingTask.Kind.TASK
    )
    matter_number = forms.CharField(
        label=_("涉及事项编号"),
        max_length=40,
        required=False,
        help_text=_("确定受理单位的决定必须填写"),
    )
    organisation = OrganisationChoiceField(label=_("责任单位"), queryset=Organisation.objects.none())
    assignee = UserChoiceField(label=_("责任人"), queryset=User.objects.none(), required=False)
    due_on = forms.DateField(label=_("完成期限"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = all_active_organisations().filter(kind__in=OWNER_KINDS)
        self.fields["assignee"].queryset = staff_users().filter(
            role__in=[Role.HANDLER, Role.SUPERVISOR, Role.REGISTRAR]
        )


DEFAULT_DECISION_ROWS = 3


def decision_formset(rows: int = DEFAULT_DECISION_ROWS):
    """A formset with `rows` empty rows (a bound one takes its row count from the posted data)."""
    rows = min(max(rows, 1), DECISIONS_MAX)
    return forms.formset_factory(DecisionForm, extra=rows, max_num=DECISIONS_MAX, validate_max=True)


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("办理情况"), max_length=FEEDBACK_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )


class CloseForm(forms.Form):
    note = forms.CharField(label=_("办结意见"), max_length=NOTE_MAX, required=False)


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("退回理由"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}))


class ApplyForm(forms.Form):
    route_kind = forms.ChoiceField(
        label=_("方式"),
        choices=[("assign", _("交办（以决定事项的完成期限为反馈期限）")), ("transfer", _("转送"))],
        initial="assign",
    )


def apply_errors(form: forms.Form, exc: ValidationError, rows: list[forms.Form] = ()) -> None:
    """Put a service's field errors on the form fields, and the errors of decision i
    (decisions.<i>.<field>) on rows[i], the row the decision came from."""
    for key, messages in exc.message_dict.items():
        if key.startswith("decisions."):
            _prefix, index, field = key.split(".", 2)
            row = rows[int(index)] if int(index) < len(rows) else None
            for message in messages:
                if row is None:
                    form.add_error(None, message)
                else:
                    row.add_error(field if field in row.fields else None, message)
        else:
            target = {"matters": "matter_numbers"}.get(key, key)
            for message in messages:
                form.add_error(target if target in form.fields else None, message)
