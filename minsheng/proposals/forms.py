"""Forms of the proposal pages: they parse input; the services decide what is allowed."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation, Role, User
from minsheng.accounts.selectors import all_active_organisations
from minsheng.lib.widgets import DateInput

from .models import Contact, Proposal

HANDLING_UNIT_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.DISCIPLINE,
    Organisation.Kind.POLITICAL_LEGAL,
)


def members():
    return User.objects.filter(role=Role.MEMBER, is_active=True).order_by("full_name", "username")


def units():
    """Units that may handle proposals: departments, townships and the bureaus, not villages."""
    return all_active_organisations().filter(kind__in=HANDLING_UNIT_KINDS)


class MemberField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name}（{obj.title}）" if getattr(obj, "title", "") else obj.display_name


class MembersField(forms.ModelMultipleChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 6}))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return obj.display_name


class UnitField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class UnitsField(forms.ModelMultipleChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 6}))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return obj.name


class ProposalSubmitForm(forms.Form):
    proposer = MemberField(label=_("提案人"), queryset=User.objects.none(), required=False)
    title = forms.CharField(label=_("标题"), max_length=200)
    proposer_unit_post = forms.CharField(label=_("单位及职务"), max_length=200, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    address = forms.CharField(label=_("通讯地址"), max_length=200, required=False)
    cosigners = MembersField(label=_("联名提案人"), queryset=User.objects.none(), required=False)
    desired_departments = forms.CharField(label=_("希望得到办理的部门"), max_length=200, required=False)
    reason = forms.CharField(label=_("案由"), widget=forms.Textarea(attrs={"rows": 8}))
    suggestions = forms.CharField(label=_("建议"), widget=forms.Textarea(attrs={"rows": 10}))
    attachment = forms.FileField(label=_("附件"), required=False)

    def __init__(self, *args, office: bool, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposer"].queryset = members()
        self.fields["cosigners"].queryset = members().exclude(pk=user.pk)
        if office:
            self.fields["proposer"].required = True
        else:
            del self.fields["proposer"]


class CosignAnswerForm(forms.Form):
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class AdmitForm(forms.Form):
    review_opinion = forms.CharField(
        label=_("初审意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    is_key = forms.BooleanField(label=_("重点提案"), required=False)


class NotAdmitForm(forms.Form):
    ground = forms.ChoiceField(label=_("不予立案理由"))
    notice = forms.CharField(
        label=_("告知提案人"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    review_opinion = forms.CharField(
        label=_("初审意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def __init__(self, *args, grounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "——")] + [(g, g) for g in grounds]


class ConvertForm(forms.Form):
    unit = UnitField(label=_("转交单位"), queryset=Organisation.objects.none())
    review_opinion = forms.CharField(
        label=_("初审意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units()


class ReviewNoteForm(forms.Form):
    review_opinion = forms.CharField(
        label=_("初审意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    leader_instruction = forms.CharField(
        label=_("领导批示"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    is_key = forms.BooleanField(label=_("重点提案"), required=False)


class AssignForm(forms.Form):
    lead = UnitField(label=_("主办单位"), queryset=Organisation.objects.none(), required=False)
    co_units = UnitsField(label=_("会办单位"), queryset=Organisation.objects.none(), required=False)
    separate_units = UnitsField(label=_("分办单位"), queryset=Organisation.objects.none(), required=False)
    due_on = forms.DateField(label=_("办理期限"), widget=DateInput(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead", "co_units", "separate_units"):
            self.fields[name].queryset = units()


class ObjectForm(forms.Form):
    reason = forms.CharField(
        label=_("异议理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )


class JoinForm(forms.Form):
    numbers = forms.CharField(
        label=_("并案的其他提案号"),
        max_length=200,
        required=False,
        help_text=_("本届次的提案号，多个用逗号或空格分隔，例如：68, 72"),
    )
    title = forms.CharField(label=_("并案事由"), max_length=200, required=False)

    def clean_numbers(self):
        raw = re.split(r"[\s,，、;；]+", self.cleaned_data["numbers"].strip())
        numbers = []
        for part in filter(None, raw):
            if not part.isdigit():
                raise forms.ValidationError(_("提案号“%(value)s”不是数字") % {"value": part[:20]})
            numbers.append(int(part))
        return numbers


class ExtendForm(forms.Form):
    due_on = forms.DateField(label=_("新的办理期限"), widget=DateInput())
    reason = forms.CharField(label=_("延期理由"), max_length=2000, required=False)


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("沟通日期"), widget=DateInput())
    way = forms.ChoiceField(label=_("沟通方式"), choices=Contact.Way.choices)
    content = forms.CharField(
        label=_("沟通内容"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False
    )


class CoHandlingViewForm(forms.Form):
    content = forms.CharField(
        label=_("会办意见"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000, required=False
    )


class ReplyForm(forms.Form):
    addressee = forms.CharField(label=_("称谓"), max_length=50, required=False)
    acknowledgement = forms.CharField(label=_("开头语"), max_length=300, required=False)
    opening = forms.CharField(
        label=_("正文引言"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20000
    )
    measures = forms.CharField(
        label=_("办理措施"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=50000,
        required=False,
        help_text=_(
            "每条措施一段，段与段之间空一行；段落第一行为小标题（如“一、严格落实领导干部接访制度。”）。"
        ),
    )
    closing = forms.CharField(label=_("结束语"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    unit_name = forms.CharField(label=_("落款单位"), max_length=100, required=False)
    reply_on = forms.DateField(label=_("答复日期"), widget=DateInput(), required=False)
    grade = forms.ChoiceField(
        label=_("答复类别"), choices=[("", "——"), *Proposal.Grade.choices], required=False
    )
    report = forms.CharField(
        label=_("办理情况报告"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000, required=False
    )

    def clean_measures(self):
        return measures_from_text(self.cleaned_data["measures"])


def measures_from_text(text: str) -> list[dict]:
    """Blocks separated by an empty line; a block of several lines has its first line as heading."""
    out = []
    for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1:
            out.append({"heading": "", "body": lines[0]})
        else:
            out.append({"heading": lines[0], "body": "".join(lines[1:])})
    return out


def measures_to_text(measures) -> str:
    blocks = []
    for m in measures or []:
        heading, body = (m.get("heading") or "", m.get("body") or "") if isinstance(m, dict) else ("", str(m))
        blocks.append(f"{heading}\n{body}" if heading else body)
    return "\n\n".join(blocks)


class SignForm(forms.Form):
    signed_by_name = forms.CharField(label=_("承办单位领导签字"), max_length=50, required=False)
    signed_on = forms.DateField(label=_("签字日期"), widget=DateInput())


class RateForm(forms.Form):
    rating = forms.ChoiceField(label=_("满意度"), choices=Proposal.Rating.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class SimilarQueryForm(forms.Form):
    title = forms.CharField(required=False, max_length=200)
    reason = forms.CharField(required=False, max_length=20000)


class StatisticsForm(forms.Form):
    session = forms.ModelChoiceField(label=_("届次"), queryset=None, required=False, empty_label=None)

    def __init__(self, *args, **kwargs):
        from .models import ProposalSession

        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = ProposalSession.objects.all()


class SessionForm(forms.Form):
    name = forms.CharField(label=_("届次名称"), max_length=50, help_text=_("如：二届二次会议"))
    opens_on = forms.DateField(label=_("开幕日期"), widget=DateInput)
    closes_on = forms.DateField(label=_("闭幕日期"), required=False, widget=DateInput)
    make_current = forms.BooleanField(label=_("设为当前届次"), required=False)
