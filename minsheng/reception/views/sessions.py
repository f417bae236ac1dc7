"""Sessions: the list, an unplanned session, and the session page where the people received are
registered with the leader's outcome."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import matter_get_by_number
from minsheng.petitions.services import PetitionerEntry

from .. import selectors, services
from ..forms import EntryForm, SessionFilterForm, SessionForm, SessionUpdateForm, apply_errors
from ..models import Outcome, ReceptionSession
from ..permissions import can_record_reception
from .common import draft_from, get_or_404, query_without_page, require_seeing

# A group of five or more received together: the person registered on the compact form speaks for
# them (Art 20 asks a group visit to name its representatives).
GROUP_VISIT_MIN_PEOPLE = 5


@login_required
@require_GET
def session_list(request):
    require_seeing(request.user)
    form = SessionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    sessions = selectors.session_list(
        user=request.user,
        start=filters.get("held_from"),
        end=filters.get("held_to"),
        kind=filters.get("kind", ""),
    )
    page = Paginator(sessions, settings.MATTER_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/session_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_record": can_record_reception(request.user),
        },
    )


@login_required
def session_create(request):
    require_seeing(request.user)
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        leaders=selectors.leaders_available(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.reception_session_record(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已记录接访"))
            return redirect("reception:session_detail", session.pk)
    return render(
        request,
        "reception/session_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def _session_or_404(request, pk: int) -> ReceptionSession:
    return get_or_404(
        selectors.session_get, ReceptionSession, _("找不到该接访记录，或您无权查看"), user=request.user, pk=pk
    )


def _session_page(request, session, entry_form=None, update_form=None, status=200):
    can_record = can_record_reception(request.user)
    if entry_form is None and can_record:
        entry_form = EntryForm()
    if update_form is None and can_record:
        update_form = SessionUpdateForm(
            initial={"started_at": session.started_at, "ended_at": session.ended_at, "notes": session.notes}
        )
    entries = selectors.session_entries(user=request.user, session=session)
    return render(
        request,
        "reception/session_detail.html",
        {
            "session": session,
            "entries": entries,
            "people": sum(e.submission.head_count for e in entries),
            "entry_form": entry_form,
            "update_form": update_form,
            "can_record": can_record,
            "instructed": Outcome.INSTRUCTED,
        },
        status=status,
    )


@login_required
@require_GET
def session_detail(request, pk: int):
    require_seeing(request.user)
    return _session_page(request, _session_or_404(request, pk))


def _matter(request, form, field: str, number: str, required: bool) -> Matter | None:
    if not number.strip():
        if required:
            form.add_error(field, _("请填写事项编号"))
        return None
    try:
        return matter_get_by_number(user=request.user, number=number)
    except Matter.DoesNotExist:
        form.add_error(field, _("找不到该信访事项，或您无权查看"))
        return None


@login_required
@require_POST
def entry_add(request, pk: int):
    """Register the people the leader received (or link their visit registered at the desk) with the
    leader's outcome."""
    require_seeing(request.user)
    session = _session_or_404(request, pk)
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _session_page(request, session, entry_form=form, status=422)
    data = form.cleaned_data
    outcome = data["outcome"]
    draft = draft_from(data) if outcome == Outcome.INSTRUCTED else None
    attaching = data["mode"] == "attach"
    matter = _matter(
        request,
        form,
        "attach_number" if attaching else "matter_number",
        data["attach_number"] if attaching else data["matter_number"],
        required=attaching,
    )
    if form.errors:
        return _session_page(request, session, entry_form=form, status=422)
    try:
        if attaching:
            entry = services.reception_entry_attach(
                actor=request.user,
                session=session,
                matter=matter,
                outcome=outcome,
                outcome_note=data["outcome_note"],
                instruction=draft,
            )
        else:
            person = {k: data[k].strip() for k in ("name", "id_number", "phone", "address")}
            people = (
                [PetitionerEntry(**person, is_representative=data["head_count"] >= GROUP_VISIT_MIN_PEOPLE)]
                if any(person.values())
                else []
            )
            entry = services.reception_entry_register(
                actor=request.user,
                session=session,
                petitioners=people,
                head_count=data["head_count"],
                title=data["title"],
                content=data["content"],
                demands=data["demands"],
                matter=matter,
                outcome=outcome,
                outcome_note=data["outcome_note"],
                instruction=draft,
            )
    except ValidationError as exc:
        apply_errors(form, exc, {"matter": "attach_number" if attaching else "matter_number"})
        return _session_page(request, session, entry_form=form, status=422)
    messages.success(
        request,
        _("已记录：%(number)s，%(outcome)s")
        % {"number": entry.matter.number, "outcome": entry.get_outcome_display()},
    )
    return redirect(f"{reverse('reception:session_detail', args=[session.pk])}#entries")


@login_required
@require_POST
def session_update(request, pk: int):
    require_seeing(request.user)
    session = _session_or_404(request, pk)
    form = SessionUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.reception_session_update(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存接访情况"))
            return redirect("reception:session_detail", session.pk)
    return _session_page(request, session, update_form=form, status=422)
