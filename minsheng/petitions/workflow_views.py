"""The workflow actions on the matter page: one POST endpoint per step, each calling one service."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import services
from . import workflow_forms as wf
from .models import Matter
from .services.satisfaction import RATABLE


@dataclass(frozen=True)
class Step:
    name: str
    label: Any
    statuses: tuple[str, ...]
    form: type
    run: Any  # (actor, matter, cleaned_data) -> object
    stage: str = ""


def _route(actor, matter, d):
    return services.matter_route(
        actor=actor,
        matter=matter,
        kind=d["kind"],
        to_org=d["to_org"],
        route=d["route"],
        guidance=d["guidance"],
        note=d["note"],
        report_due_on=d["report_due_on"],
    )


def _opinion(d) -> dict:
    return {k: d[k] for k in ("request", "facts_and_reasons", "text", "basis", "outcome", "served_on")}


S = Matter.Status
STEPS = {
    step.name: step
    for step in (
        Step("route", _("转送 / 交办 / 导入"), (S.REGISTERED,), wf.RouteForm, _route),
        Step(
            "accept",
            _("受理"),
            (S.REGISTERED, S.TRANSFERRED, S.ASSIGNED),
            wf.AcceptForm,
            lambda a, m, d: services.matter_accept(actor=a, matter=m, note=d["note"]),
        ),
        Step(
            "reject",
            _("不予受理"),
            (S.REGISTERED, S.TRANSFERRED, S.ASSIGNED),
            wf.ReasonForm,
            lambda a, m, d: services.matter_reject(actor=a, matter=m, reason=d["reason"]),
        ),
        Step(
            "object",
            _("提出异议（退回）"),
            (S.TRANSFERRED, S.ASSIGNED),
            wf.ReasonForm,
            lambda a, m, d: services.matter_object(actor=a, matter=m, reason=d["reason"]),
        ),
        Step(
            "note",
            _("记录调查、调解、和解"),
            (S.ACCEPTED,),
            wf.HandlingNoteForm,
            lambda a, m, d: services.handling_note_add(
                actor=a, matter=m, kind=d["kind"], text=d["text"], agreement_reached=d["agreement_reached"]
            ),
        ),
        Step(
            "extend",
            _("延期"),
            (S.ACCEPTED,),
            wf.ExtendForm,
            lambda a, m, d: services.matter_extend(
                actor=a, matter=m, days=d["days"], reason=d["reason"], approved_by=d["approved_by"]
            ),
        ),
        Step(
            "reply",
            _("出具信访处理意见书"),
            (S.ACCEPTED,),
            wf.OpinionForm,
            lambda a, m, d: services.matter_reply(actor=a, matter=m, **_opinion(d)),
        ),
        Step(
            "review_request",
            _("登记复查申请"),
            (S.REPLIED,),
            wf.ReconsiderationRequestForm,
            lambda a, m, d: services.reconsideration_request(
                actor=a, matter=m, stage="review", reason=d["reason"], requested_on=d["requested_on"]
            ),
            stage="review",
        ),
        Step(
            "review",
            _("出具复查意见"),
            (S.REVIEW_REQUESTED,),
            wf.OpinionForm,
            lambda a, m, d: services.reconsideration_decide(actor=a, matter=m, stage="review", **_opinion(d)),
        ),
        Step(
            "recheck_request",
            _("登记复核申请"),
            (S.REVIEWED,),
            wf.ReconsiderationRequestForm,
            lambda a, m, d: services.reconsideration_request(
                actor=a, matter=m, stage="recheck", reason=d["reason"], requested_on=d["requested_on"]
            ),
            stage="recheck",
        ),
        Step(
            "hearing",
            _("记录听证"),
            (S.RECHECK_REQUESTED,),
            wf.HearingForm,
            lambda a, m, d: services.recheck_hearing_record(
                actor=a, matter=m, days=d["days"], note=d["note"]
            ),
        ),
        Step(
            "recheck",
            _("出具复核意见"),
            (S.RECHECK_REQUESTED,),
            wf.OpinionForm,
            lambda a, m, d: services.reconsideration_decide(
                actor=a, matter=m, stage="recheck", **_opinion(d)
            ),
        ),
        Step(
            "close",
            _("办结（请求期限已满）"),
            (S.REPLIED, S.REVIEWED),
            wf.AcceptForm,
            lambda a, m, d: services.matter_close(actor=a, matter=m),
        ),
        Step(
            "rate",
            _("记录满意度评价"),
            RATABLE,
            wf.RatingForm,
            lambda a, m, d: services.matter_rate(actor=a, matter=m, value=d["value"], comment=d["comment"]),
        ),
    )
}


def step_form(step: Step, matter: Matter, data=None):
    kwargs = {"matter": matter} if step.form is wf.ExtendForm else {}
    initial = {"stage": step.stage} if step.stage else None
    return step.form(data, initial=initial, prefix=step.name, **kwargs)


def steps_for(matter: Matter, bound: dict | None = None) -> list[tuple[Step, Any]]:
    """The steps the matter's state allows, each with its form; the services still decide who may."""
    bound = bound or {}
    return [
        (s, bound.get(s.name) or step_form(s, matter)) for s in STEPS.values() if matter.status in s.statuses
    ]


@login_required
@require_POST
def matter_step(request, pk: int, step: str):
    from .views import matter_detail_response, matter_or_404

    matter = matter_or_404(request, pk)
    chosen = STEPS.get(step)
    if chosen is None:
        raise Http404
    form = step_form(chosen, matter, request.POST)
    if form.is_valid():
        try:
            chosen.run(request.user, matter, form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("已办理：%(step)s") % {"step": chosen.label})
            return redirect("petitions:matter_detail", pk=matter.pk)
    matter.refresh_from_db()
    return matter_detail_response(request, matter, bound={step: form}, status=422)
