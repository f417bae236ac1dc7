from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.lib.forms import apply_errors

from .. import selectors, services
from ..forms import ActivityFilterForm, ActivityForm, PhotoForm, ResultsForm
from ..models import ActivityPhoto
from ..permissions import can_record_for, can_record_outreach
from .common import activity_or_404, query_without_page, require_recording, require_seeing


@login_required
@require_GET
def activity_list(request):
    require_seeing(request.user)
    form = ActivityFilterForm(request.GET or None, user=request.user)
    activities = selectors.activity_list(user=request.user, filters=form.filters())
    page = Paginator(activities, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "outreach/activity_list.html",
        {
            "form": form,
            "page": page,
            "totals": selectors.activity_totals(activities),
            "query": query_without_page(request),
            "can_record": can_record_outreach(request.user),
        },
    )


@login_required
def activity_create(request):
    require_recording(request.user)
    form = ActivityForm(
        request.POST or None, user=request.user, initial={"organiser": request.user.organisation}
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_record(actor=request.user, **form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记宣传活动：%(title)s") % {"title": activity.display_title})
            if "another" in request.POST:
                return redirect("outreach:activity_create")
            return redirect("outreach:activity_detail", activity.pk)
    status = 422 if form.is_bound else 200
    return render(request, "outreach/activity_form.html", {"form": form, "activity": None}, status=status)


@login_required
@require_GET
def activity_detail(request, pk: int):
    activity = activity_or_404(request, pk)
    return render(
        request,
        "outreach/activity_detail.html",
        {
            "activity": activity,
            "results": selectors.activity_results(activity=activity),
            "photos": selectors.photos_of(activity=activity),
            "photo_form": PhotoForm(),
            "can_edit": can_record_for(request.user, activity.organiser),
        },
    )


@login_required
def activity_edit(request, pk: int):
    activity = activity_or_404(request, pk)
    form = ActivityForm(
        request.POST or None,
        user=request.user,
        activity=activity,
        initial=ActivityForm.initial_from(activity),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(actor=request.user, activity=activity, **form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存修改"))
            return redirect("outreach:activity_detail", activity.pk)
    elif request.method == "GET" and not can_record_for(request.user, activity.organiser):
        # The service refuses too; saying so before the form is filled in spares the work.
        raise PermissionDenied(_("您不能修改“%(org)s”的宣传活动") % {"org": activity.organiser.name})
    status = 422 if form.is_bound else 200
    return render(request, "outreach/activity_form.html", {"form": form, "activity": activity}, status=status)


@login_required
@require_POST
def activity_delete(request, pk: int):
    activity = activity_or_404(request, pk)
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("已删除宣传活动：%(title)s") % {"title": activity.display_title})
    return redirect("outreach:activity_list")


@login_required
def results_edit(request, pk: int):
    """Enter the questionnaire's results for one activity: a count per choice."""
    activity = activity_or_404(request, pk)
    if activity.questionnaire_id is None:
        messages.error(request, _("该活动没有选择调查问卷，请先在活动中选择所用的问卷"))
        return redirect("outreach:activity_detail", activity.pk)
    form = ResultsForm(
        request.POST or None,
        questions=selectors.questions_of(activity.questionnaire),
        counts=selectors.activity_counts(activity=activity),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.questionnaire_results_record(actor=request.user, activity=activity, counts=form.counts())
        except ValidationError as exc:
            form.apply_errors(exc)
        else:
            messages.success(request, _("已保存问卷结果"))
            return redirect("outreach:activity_detail", activity.pk)
    elif request.method == "GET" and not can_record_for(request.user, activity.organiser):
        raise PermissionDenied(
            _("您不能为“%(org)s”的宣传活动录入问卷结果") % {"org": activity.organiser.name}
        )
    status = 422 if form.is_bound else 200
    return render(request, "outreach/results_form.html", {"form": form, "activity": activity}, status=status)


@login_required
@require_POST
def results_clear(request, pk: int):
    activity = activity_or_404(request, pk)
    try:
        services.questionnaire_results_clear(actor=request.user, activity=activity)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已清除问卷结果"))
    return redirect("outreach:activity_detail", activity.pk)


@login_required
@require_POST
def photo_upload(request, pk: int):
    activity = activity_or_404(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择照片"))
        return redirect("outreach:activity_detail", activity.pk)
    try:
        services.activity_photo_add(
            actor=request.user,
            activity=activity,
            upload=form.cleaned_data["file"],
            caption=form.cleaned_data["caption"],
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("照片已上传"))
    return redirect("outreach:activity_detail", activity.pk)


def _photo_or_404(request, pk: int) -> ActivityPhoto:
    try:
        return selectors.photo_get(user=request.user, pk=pk)
    except ActivityPhoto.DoesNotExist as exc:
        raise Http404(_("找不到该照片，或您无权查看")) from exc


@login_required
@require_GET
def photo_view(request, pk: int):
    photo = _photo_or_404(request, pk)
    response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_POST
def photo_delete(request, pk: int):
    photo = _photo_or_404(request, pk)
    services.activity_photo_delete(actor=request.user, photo=photo)
    messages.success(request, _("照片已删除"))
    return redirect("outreach:activity_detail", photo.activity_id)
