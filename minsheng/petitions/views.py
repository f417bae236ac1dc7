from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.calendars.deadlines import deadline_state
from minsheng.classify.services import intake_feedback_record
from minsheng.documents.views import pdf_response, preview_response
from minsheng.search import selectors as search_selectors

from . import selectors, services
from .documents import notice_as_document
from .forms import AttachmentForm, IntakeForm, MatterFilterForm, PetitionerFormSet, apply_service_errors
from .models import Attachment, Matter, Notice, Petitioner
from .permissions import can_register, can_reveal_personal_data, can_take_steps


def matter_or_404(request, pk) -> Matter:
    try:
        return selectors.matter_get(user=request.user, pk=pk)
    except Matter.DoesNotExist as exc:
        raise Http404(_("找不到该信访事项，或您无权查看")) from exc


@login_required
@require_GET
def home(request):
    counts = selectors.matter_status_counts(user=request.user)
    task_states = Counter(selectors.my_tasks(user=request.user).values_list("deadline_state", flat=True))
    recent = selectors.matter_list(user=request.user, filters=selectors.MatterFilters())[:10]
    return render(
        request,
        "petitions/home.html",
        {
            "status_counts": [(s, counts.get(s.value, 0)) for s in Matter.Status if counts.get(s.value)],
            "total": sum(counts.values()),
            "recent": recent,
            "tasks_total": sum(task_states.values()),
            "tasks_overdue": task_states.get("overdue", 0),
            "tasks_due_soon": task_states.get("due_soon", 0),
        },
    )


@login_required
@require_GET
def tasks(request):
    """我的待办: what the user's unit must do next, overdue first."""
    matters = selectors.my_tasks(user=request.user)
    page = Paginator(matters, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "petitions/tasks.html", {"page": page, "query": ""})


@login_required
@require_GET
def matter_list(request):
    form = MatterFilterForm(request.GET or None, user=request.user)
    filters = selectors.MatterFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.MatterFilters(
            status=data["status"],
            organisation=data["organisation"],
            category=data["category"],
            channel=data["channel"],
            received_from=data["received_from"],
            received_to=data["received_to"],
            text=data["q"],
            deadline_state=data["deadline_state"],
            sort=data["sort"],
        )
    # Full-text search when words are typed; the rows shown come with their hits marked.
    results = search_selectors.matter_results(user=request.user, filters=filters)
    page = Paginator(results, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = (
        "petitions/_matter_table.html" if request.headers.get("HX-Request") else "petitions/matter_list.html"
    )
    return render(
        request, template, {"form": form, "page": page, "query": query.urlencode(), "search": results}
    )


@login_required
@require_GET
def matter_detail(request, pk: int):
    return matter_detail_response(request, matter_or_404(request, pk))


def matter_detail_response(request, matter: Matter, *, bound: dict | None = None, status: int = 200):
    """The matter page; `bound` carries a step form that came back with errors."""
    from minsheng.instructions.selectors import matter_instructions_box
    from minsheng.reception.selectors import matter_reception_box

    from .workflow_views import steps_for

    return render(
        request,
        "petitions/matter_detail.html",
        {
            "matter": matter,
            "deadline_state": deadline_state(due=matter.due_on),
            "submissions": selectors.matter_submissions(matter=matter),
            "events": selectors.matter_events(matter=matter),
            "attachments": selectors.matter_attachments(matter=matter),
            "replies": matter.replies.select_related("organisation"),
            "notices": matter.notices.select_related("issuer"),
            "routings": matter.routings.select_related("from_org", "to_org"),
            "handling_notes": matter.handling_notes.select_related("actor"),
            "steps": steps_for(matter, bound) if can_take_steps(request.user) else [],
            "attachment_form": AttachmentForm(),
            "can_reveal": can_reveal_personal_data(request.user),
            "reception_box": matter_reception_box(matter=matter, user=request.user),
            "instructions_box": matter_instructions_box(matter=matter, user=request.user),
        },
        status=status,
    )


@login_required
@require_GET
def notice_document(request, pk: int, fmt: str):
    """A notice as a PDF or as a print preview, for users who may see its matter."""
    try:
        notice = selectors.notice_get(user=request.user, pk=pk)
    except Notice.DoesNotExist as exc:
        raise Http404(_("找不到该文书，或您无权查看")) from exc
    document = notice_as_document(notice)
    if fmt == "pdf":
        return pdf_response(document, filename=f"{notice.title}-{notice.matter.number}.pdf")
    return preview_response(request, document)


@login_required
@require_POST
def attachment_upload(request, pk: int):
    matter = matter_or_404(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(actor=request.user, matter=matter, upload=form.cleaned_data["file"])
            messages.success(request, _("附件已上传"))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    else:
        messages.error(request, _("请选择要上传的文件"))
    return redirect("petitions:matter_detail", pk=matter.pk)


@login_required
@require_GET
def attachment_download(request, pk: int):
    try:
        attachment = selectors.attachment_get(user=request.user, pk=pk)
    except Attachment.DoesNotExist as exc:
        raise Http404(_("找不到该附件，或您无权查看")) from exc
    response = FileResponse(
        services.attachment_open(actor=request.user, attachment=attachment, request=request),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def intake(request):
    if not can_register(request.user):
        raise PermissionDenied(_("只有登记员、督办员或管理员可以登记信访件"))
    form = IntakeForm(request.POST or None, request.FILES or None, user=request.user)
    formset = PetitionerFormSet(request.POST or None, prefix="p")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        entries, row_index = [], {}
        for position, row in enumerate(formset.forms):
            if row.is_blank():
                continue
            row_index[len(entries)] = position
            data = row.cleaned_data
            entries.append(
                services.PetitionerEntry(
                    petitioner_id=data.get("petitioner_id"),
                    name=data["name"],
                    id_number=data["id_number"],
                    phone=data["phone"],
                    address=data["address"],
                    is_representative=data["is_representative"],
                )
            )
        data = form.cleaned_data
        matter = None
        if data["matter_number"]:
            try:
                matter = selectors.matter_get_by_number(user=request.user, number=data["matter_number"])
            except Matter.DoesNotExist:
                form.add_error("matter_number", _("找不到该信访事项，或您无权查看"))
        if not form.errors:
            try:
                submission = services.submission_register(
                    actor=request.user,
                    channel=data["channel"],
                    received_at=data["received_at"],
                    receiving_org=data["receiving_org"],
                    petitioners=entries,
                    head_count=data["head_count"],
                    title=data["title"],
                    content=data["content"],
                    demands=data["demands"],
                    concerned_org=data["concerned_org"],
                    place=data["place"],
                    category=data["category"],
                    nature=data["nature"],
                    matter=matter,
                    uploads=data["uploads"],
                    shown_candidates=data["shown_candidates"],
                    confirmed_new=data["confirmed_new"],
                )
            except ValidationError as exc:
                apply_service_errors(exc, form, formset, row_index)
            else:
                intake_feedback_record(
                    actor=request.user,
                    submission=submission,
                    shown=request.POST.get("classify_shown", ""),
                    category=data["category"],
                    unit=data["concerned_org"],
                )
                messages.success(request, _("已登记：%(number)s") % {"number": submission.matter.number})
                if (
                    not selectors.matters_visible_to(user=request.user)
                    .filter(pk=submission.matter_id)
                    .exists()
                ):
                    # An accusation registered at a township leaves its hands at once (Art 30).
                    messages.info(request, _("检举控告类事项仅信访局和纪检监察机关可以查看。"))
                    return redirect("petitions:intake")
                return redirect("petitions:matter_detail", pk=submission.matter_id)
    status = 422 if request.method == "POST" else 200
    return render(request, "petitions/intake.html", {"form": form, "formset": formset}, status=status)


@login_required
@require_GET
def petitioner_search(request):
    """Candidates as the registrar types, rendered as a listbox with why each matched.

    q is the field being typed (an ID number, a phone number or a name); name, address, id_number
    and phone are what the rest of the row already holds."""
    params = request.GET
    people = selectors.petitioner_search(
        user=request.user,
        query=params.get("q", ""),
        name=params.get("name", ""),
        address=params.get("address", ""),
        id_number=params.get("id_number", ""),
        phone_number=params.get("phone", ""),
    )
    return render(request, "petitions/_petitioner_candidates.html", {"people": people})


@login_required
@require_GET
def petitioner_detail(request, pk: int):
    try:
        person = selectors.petitioner_get(user=request.user, pk=pk)
    except Petitioner.DoesNotExist as exc:
        raise Http404(_("找不到该信访人，或您无权查看")) from exc
    return render(
        request,
        "petitions/petitioner_detail.html",
        {
            "person": person,
            "matters": selectors.petitioner_matters(user=request.user, petitioner=person)[:100],
            "can_reveal": can_reveal_personal_data(request.user),
        },
    )


@login_required
@require_POST
def petitioner_reveal(request, pk: int):
    try:
        person = selectors.petitioner_get(user=request.user, pk=pk)
    except Petitioner.DoesNotExist as exc:
        raise Http404(_("找不到该信访人，或您无权查看")) from exc
    field = request.POST.get("field", "")
    try:
        value = services.petitioner_reveal(
            actor=request.user, petitioner=person, field=field, request=request
        )
    except ValidationError as exc:
        return HttpResponseBadRequest("；".join(exc.messages))
    return render(request, "petitions/_revealed_value.html", {"value": value, "field": field})
