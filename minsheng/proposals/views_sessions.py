"""The proposal office's sessions (届次): numbers run per session, and new proposals go to the current one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import SessionForm
from .models import ProposalSession
from .views import apply_errors
from .views_office import _require_office


def _session_or_404(pk: int) -> ProposalSession:
    session = ProposalSession.objects.filter(pk=pk).first()
    if session is None:
        raise Http404(_("找不到该届次"))
    return session


def _render(request, form, *, editing=None, status=200):
    sessions = ProposalSession.objects.annotate(proposal_count=Count("proposals"))
    return render(
        request,
        "proposals/sessions.html",
        {"sessions": sessions, "form": form, "editing": editing},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_list(request):
    """Every session with its proposal count; the form below adds one."""
    _require_office(request.user)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.proposal_session_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已添加届次“%(name)s”") % {"name": session.name})
            return redirect("proposals:sessions")
    return _render(request, form, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, pk: int):
    _require_office(request.user)
    session = _session_or_404(pk)
    initial = {"name": session.name, "opens_on": session.opens_on, "closes_on": session.closes_on}
    form = SessionForm(request.POST or None, initial=initial)
    del form.fields["make_current"]
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_session_update(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("届次已保存"))
            return redirect("proposals:sessions")
    return _render(request, form, editing=session, status=422 if form.errors else 200)


@login_required
@require_POST
def session_make_current(request, pk: int):
    _require_office(request.user)
    session = services.proposal_session_make_current(actor=request.user, session=_session_or_404(pk))
    message = _("“%(name)s”已设为当前届次，新提交的提案将列入该届次") % {"name": session.name}
    messages.success(request, message)
    return redirect("proposals:sessions")
