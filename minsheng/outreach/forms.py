"""Forms of the publicity pages: they parse input; the services decide what is allowed and valid."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Organisation
from minsheng.accounts.selectors import organisation_choices
from minsheng.lib.widgets import DateInput
from minsheng.petitions.forms import OrganisationChoiceField

from . import selectors
from .models import FIGURES, ActivityKind, Questionnaire
from .services import QuestionEntry
from .services.checks import COUNT_MAX


class CountField(forms.IntegerField):
    """A figure of an activity; left empty it counts 0, which is what a quick entry means. Its range is
    the service's to check, so that a form shows that mistake together with the others."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "min": 0, "max": COUNT_MAX})

    def clean(self, value):
        return super().clean(value) or 0


class QuestionnaireChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}（{obj.owner.display_name}）"


class ActivityFilterForm(forms.Form):
    held_from = forms.DateField(label=_("活动日期自"), required=False, widget=DateInput())
    held_to = forms.DateField(label=_("至"), required=False, widget=DateInput())
    organiser = OrganisationChoiceField(
        label=_("组织单位"), required=False, queryset=Organisation.objects.none(), empty_label=_("全部单位")
    )
    kind = forms.ChoiceField(
        label=_("形式"), required=False, choices=[("", _("全部形式")), *ActivityKind.choices]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisation_choices(user=user)

    def clean(self):
        data = super().clean()
        start, end = data.get("held_from"), data.get("held_to")
        if start and end and start > end:
            raise ValidationError({"held_to": _("截止日期不能早于起始日期")})
        return data

    def filters(self) -> selectors.ActivityFilters:
        if not (self.is_bound and self.is_valid()):
            return selectors.ActivityFilters()
        data = self.cleaned_data
        return selectors.ActivityFilters(
            held_from=data["held_from"],
            held_to=data["held_to"],
            organiser=data["organiser"],
            kind=data.get("kind", ""),
        )


class ActivityForm(forms.Form):
    held_on = forms.DateField(label=_("活动日期"), required=False, widget=DateInput())
    organiser = OrganisationChoiceField(label=_("组织单位"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("形式"), required=False, choices=[("", "—"), *ActivityKind.choices])
    place = forms.CharField(label=_("活动地点"), required=False)
    title = forms.CharField(
        label=_("活动名称"), required=False, help_text=_("可不填，列表中以形式和地点显示")
    )
    description = forms.CharField(
        label=_("活动内容"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    materials_distributed = CountField(label=_("发放宣传资料（份）"))
    questionnaires_collected = CountField(label=_("收回调查问卷（份）"))
    consultations_answered = CountField(label=_("接受群众咨询（人次）"))
    people_reached = CountField(label=_("受益群众（人）"))
    questionnaire = QuestionnaireChoiceField(
        label=_("使用的调查问卷"),
        queryset=Questionnaire.objects.none(),
        required=False,
        empty_label=_("未发放问卷"),
        help_text=_("选择后可在活动页录入问卷结果"),
    )

    def __init__(self, *args, user, activity=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The service says what is missing, in the same words as the API; the form only marks them.
        for name in ("held_on", "kind", "place"):
            self.fields[name].shown_required = True
        self.fields["organiser"].queryset = selectors.organiser_choices(user=user)
        # The activity's own questionnaire stays selectable even when it has been taken out of use.
        current = activity.questionnaire_id if activity is not None else None
        self.fields["questionnaire"].queryset = (
            selectors.questionnaires_visible_to(user=user)
            .filter(Q(is_active=True) | Q(pk=current))
            .select_related("owner")
            .order_by("-created_at", "-pk")
        )

    def values(self) -> dict:
        data = self.cleaned_data
        names = ("held_on", "organiser", "kind", "place", "title", "description", "questionnaire", *FIGURES)
        return {name: data[name] for name in names}

    @classmethod
    def initial_from(cls, activity) -> dict:
        names = ("held_on", "organiser", "kind", "place", "title", "description", "questionnaire", *FIGURES)
        return {name: getattr(activity, name) for name in names}


class ResultsForm(forms.Form):
    """One count per choice of the activity's questionnaire, named choice_<id>."""

    def __init__(self, *args, questions, counts: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.question_errors: dict[int, list[str]] = {}
        counts = counts or {}
        for question in questions:
            for choice in question.choices.all():
                self.fields[f"choice_{choice.pk}"] = CountField(
                    label=choice.text, initial=counts.get(choice.pk, 0)
                )

    def counts(self) -> dict[int, int]:
        return {int(name.split("_", 1)[1]): value for name, value in self.cleaned_data.items()}

    def apply_errors(self, exc: ValidationError) -> None:
        for field, messages in exc.message_dict.items():
            if field.startswith("question_"):
                self.question_errors[int(field.split("_", 1)[1])] = messages
            else:
                self.add_error(field if field in self.fields else None, messages)

    def rows(self):
        """(question, its bound count fields, its own errors), in order, for the template."""
        return [
            (
                question,
                [(choice, self[f"choice_{choice.pk}"]) for choice in question.choices.all()],
                self.question_errors.get(question.pk, []),
            )
            for question in self.questions
        ]


class QuestionnaireForm(forms.Form):
    title = forms.CharField(label=_("问卷名称"), required=False)
    description = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].shown_required = True


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("题目"), required=False)
    choices = forms.CharField(
        label=_("选项（每行一个）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    multiple = forms.BooleanField(label=_("可多选"), required=False)

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("text", "").strip() or data.get("choices", "").strip())


QuestionFormSet = forms.formset_factory(QuestionForm, extra=0, min_num=1, max_num=50, absolute_max=60)


def question_entries(formset) -> tuple[list[QuestionEntry], dict[int, int]]:
    """The filled rows as QuestionEntry, and which row each entry came from (to put errors back)."""
    entries, rows = [], {}
    for position, row in enumerate(formset.forms):
        if row.is_blank():
            continue
        rows[len(entries)] = position
        data = row.cleaned_data
        entries.append(
            QuestionEntry(text=data["text"], choices=data["choices"].splitlines(), multiple=data["multiple"])
        )
    return entries, rows


def apply_question_errors(form, formset, rows: dict[int, int], exc: ValidationError) -> None:
    for field, messages in exc.message_dict.items():
        parts = field.split(".")
        if len(parts) == 3 and parts[0] == "questions" and int(parts[1]) in rows:
            formset.forms[rows[int(parts[1])]].add_error(parts[2], messages)
        elif field == "questions":
            form.add_error(None, messages)
        else:
            form.add_error(field if field in form.fields else None, messages)


def questionnaire_initial(questionnaire) -> list[dict]:
    return [
        {
            "text": q.text,
            "choices": "\n".join(c.text for c in q.choices.all()),
            "multiple": q.multiple,
        }
        for q in selectors.questions_of(questionnaire)
    ]


class PhotoForm(forms.Form):
    file = forms.FileField(label=_("照片（JPG 或 PNG，不超过 10 MB）"))
    caption = forms.CharField(label=_("说明"), max_length=200, required=False)


class ResultsFilterForm(ActivityFilterForm):
    """The results page adds up over a period and a part of the tree, of every kind of activity."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["kind"]
