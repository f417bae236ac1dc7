from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..forms import (
    QuestionFormSet,
    QuestionnaireForm,
    ResultsFilterForm,
    apply_question_errors,
    question_entries,
    questionnaire_initial,
)
from ..permissions import can_record_for, can_record_outreach
from .common import query_without_page, questionnaire_or_404, require_recording, require_seeing

BLANK_QUESTIONS = 3


@login_required
@require_GET
def questionnaire_list(request):
    require_seeing(request.user)
    questionnaires = selectors.questionnaire_list(user=request.user)
    page = Paginator(questionnaires, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "outreach/questionnaire_list.html",
        {"page": page, "can_record": can_record_outreach(request.user)},
    )


def _form_page(request, *, questionnaire=None, initial_questions=None):
    """The same page makes a new questionnaire and edits one that has no results yet."""
    form = QuestionnaireForm(
        request.POST or None,
        initial={"title": questionnaire.title, "description": questionnaire.description}
        if questionnaire
        else None,
    )
    formset = QuestionFormSet(request.POST or None, prefix="q", initial=initial_questions)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        entries, rows = question_entries(formset)
        values = {
            "actor": request.user,
            "title": form.cleaned_data["title"],
            "description": form.cleaned_data["description"],
            "questions": entries,
        }
        try:
            if questionnaire is None:
                questionnaire = services.questionnaire_create(**values)
            else:
                services.questionnaire_update(questionnaire=questionnaire, **values)
        except ValidationError as exc:
            apply_question_errors(form, formset, rows, exc)
        else:
            messages.success(request, _("已保存调查问卷：%(title)s") % {"title": questionnaire.title})
            return redirect("outreach:questionnaire_detail", questionnaire.pk)
    status = 422 if form.is_bound else 200
    return render(
        request,
        "outreach/questionnaire_form.html",
        {"form": form, "formset": formset, "questionnaire": questionnaire},
        status=status,
    )


@login_required
def questionnaire_create(request):
    require_recording(request.user)
    return _form_page(request, initial_questions=[{}] * BLANK_QUESTIONS)


@login_required
def questionnaire_edit(request, pk: int):
    questionnaire = questionnaire_or_404(request, pk)
    if not can_record_for(request.user, questionnaire.owner):
        raise PermissionDenied(_("只有制作单位的工作人员可以修改该调查问卷"))
    if selectors.questionnaire_is_used(questionnaire=questionnaire):
        messages.error(request, _("已有活动录入了该问卷的结果，题目不能再修改；如需调整，请制作新问卷"))
        return redirect("outreach:questionnaire_detail", questionnaire.pk)
    return _form_page(
        request, questionnaire=questionnaire, initial_questions=questionnaire_initial(questionnaire)
    )


@login_required
@require_GET
def questionnaire_detail(request, pk: int):
    """The questionnaire and its results added up over the activities the user sees, by period and unit."""
    questionnaire = questionnaire_or_404(request, pk)
    form = ResultsFilterForm(request.GET or None, user=request.user)
    activities = selectors.activity_list(user=request.user, filters=form.filters())
    results = selectors.questionnaire_results(questionnaire=questionnaire, activities=activities)
    surveyed = activities.filter(questionnaire=questionnaire, results_recorded_at__isnull=False)
    return render(
        request,
        "outreach/questionnaire_detail.html",
        {
            "questionnaire": questionnaire,
            "form": form,
            "results": results,
            "surveyed": surveyed[:100],
            "query": query_without_page(request),
            "can_edit": can_record_for(request.user, questionnaire.owner),
            "is_used": selectors.questionnaire_is_used(questionnaire=questionnaire),
        },
    )


@login_required
@require_POST
def questionnaire_toggle(request, pk: int):
    questionnaire = questionnaire_or_404(request, pk)
    active = not questionnaire.is_active
    services.questionnaire_set_active(actor=request.user, questionnaire=questionnaire, is_active=active)
    messages.success(request, _("问卷已启用") if active else _("问卷已停用，不再供新活动选用"))
    return redirect("outreach:questionnaire_detail", questionnaire.pk)
