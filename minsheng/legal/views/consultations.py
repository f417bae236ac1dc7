from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from minsheng.lib.forms import apply_errors
from minsheng.petitions.selectors import matters_visible_to

from .. import selectors, services
from ..forms import ConsultationFilterForm, ConsultationForm
from ..models import Consultation, ConsultationTopic
from ..permissions import can_record_consultations, is_lawyer
from ._common import PAGE_SIZE, query_without_page, require_seeing

# What the quick entry keeps for the next entry (many consultations a day, same lawyer and place).
STICKY = ("consulted_on", "lawyer", "organisation", "topic")
SESSION_KEY = "legal_consultation_entry"


def _entry_form(request, data=None) -> ConsultationForm:
    user = request.user
    initial = {}
    if data is None:
        initial = dict(request.session.get(SESSION_KEY, {}))
        initial.setdefault("organisation", _default_place(user))
    return ConsultationForm(
        data,
        initial=initial,
        lawyers=selectors.lawyers_available(),
        places=selectors.consultation_places(user=user),
        lawyer_fixed=is_lawyer(user),
    )


def _default_place(user):
    if not is_lawyer(user) and user.organisation_id:
        return user.organisation_id
    centre = selectors.centre_default()
    return centre.pk if centre else None


def _filters(request, filter_form) -> selectors.ConsultationFilters:
    if filter_form.is_bound and filter_form.is_valid():
        data = filter_form.cleaned_data
        return selectors.ConsultationFilters(
            consulted_from=data["consulted_from"],
            consulted_to=data["consulted_to"],
            lawyer=data["lawyer"],
            topic=data["topic"],
        )
    return selectors.ConsultationFilters()


def _list_page(request, entry_form=None, status=200):
    user = request.user
    filter_form = ConsultationFilterForm(request.GET or None, lawyers=selectors.lawyers_available())
    consultations = selectors.consultation_list(user=user, filters=_filters(request, filter_form))
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.consultation_topic_counts(consultations)
    can_record = can_record_consultations(user)
    if can_record and entry_form is None:
        entry_form = _entry_form(request)
    return render(
        request,
        "legal/consultation_list.html",
        {
            "filter_form": filter_form,
            "page": page,
            "query": query_without_page(request),
            "topic_counts": [
                (label, counts[value]) for value, label in ConsultationTopic.choices if counts.get(value)
            ],
            "is_lawyer": is_lawyer(user),
            "can_record": can_record,
            "entry_form": entry_form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_list(request):
    """The consultation log with its filters, and the quick entry form above it."""
    require_seeing(request.user)
    if request.method == "GET":
        return _list_page(request)
    form = _entry_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        matter = None
        number = data["matter_number"].strip()
        if number:
            matter = matters_visible_to(user=request.user).filter(number=number).first()
            if matter is None:
                form.add_error("matter_number", _("找不到事项 %(number)s，或您无权查看") % {"number": number})
        if not form.errors:
            try:
                consultation = services.consultation_record(
                    actor=request.user,
                    consulted_on=data["consulted_on"],
                    lawyer=data.get("lawyer"),
                    organisation=data["organisation"],
                    person_name=data["person_name"],
                    phone_number=data["phone"],
                    topic=data["topic"],
                    question=data["question"],
                    advice=data["advice"],
                    matter=matter,
                )
            except ValidationError as exc:
                apply_errors(form, exc, {"matter": "matter_number", "phone": "phone"})
            else:
                request.session[SESSION_KEY] = {
                    "consulted_on": consultation.consulted_on.isoformat(),
                    "lawyer": consultation.lawyer_id,
                    "organisation": consultation.organisation_id,
                    "topic": consultation.topic,
                }
                messages.success(
                    request,
                    _("已记录 %(day)s 的法律咨询（%(topic)s）")
                    % {
                        "day": f"{consultation.consulted_on:%Y-%m-%d}",
                        "topic": consultation.get_topic_display(),
                    },
                )
                return redirect(f"{reverse('legal:consultation_list')}#entry")
    return _list_page(request, entry_form=form, status=422)


def _consultation_or_404(request, pk: int) -> Consultation:
    require_seeing(request.user)
    try:
        return selectors.consultation_get(user=request.user, pk=pk)
    except Consultation.DoesNotExist as exc:
        raise Http404(_("找不到该咨询记录，或您无权查看")) from exc


@login_required
@require_GET
def consultation_detail(request, pk: int):
    consultation = _consultation_or_404(request, pk)
    return render(request, "legal/consultation_detail.html", {"consultation": consultation, "phone": ""})


@login_required
@require_POST
def consultation_phone(request, pk: int):
    """Show the full phone number once, and log that it was looked at."""
    consultation = _consultation_or_404(request, pk)
    phone = services.consultation_phone_reveal(actor=request.user, consultation=consultation, request=request)
    return render(request, "legal/consultation_detail.html", {"consultation": consultation, "phone": phone})
