"""Legal opinions (法律意见) and mediation records (调解记录) on a matter, each on its timeline."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.petitions.models import Matter
from minsheng.petitions.services.events import matter_event_record

from ..models import ROUTE_CHOICES, LawyerAssignment, LegalEvent, LegalOpinion, Mediation
from ..permissions import can_assign_lawyers, is_lawyer
from ..selectors import assignable_matters
from ._common import notify, refuse, require_date, require_text

FACTS_MAX = 10000
ANALYSIS_MAX = 20000
BASIS_MAX = 5000
PLACE_MAX = 200
PARTIES_MAX = 2000
RESULT_MAX = 5000
# A mediation is rarely held by more than a handful of lawyers; a long list is a mistake.
MEDIATION_LAWYERS_MAX = 10

ROUTES = dict(ROUTE_CHOICES)


def _lock_matter(matter_id: int) -> Matter:
    return Matter.objects.select_for_update(of=("self",)).get(pk=matter_id)


def _received_on(matter: Matter) -> dt.date:
    return timezone.localdate(matter.received_at)


@transaction.atomic
def legal_opinion_give(
    *,
    actor,
    assignment: LawyerAssignment,
    facts: str,
    analysis: str,
    route: str,
    basis: str,
    given_on: dt.date | None = None,
) -> LegalOpinion:
    """The lawyer of an active assignment gives an opinion; it is kept for whoever drafts the reply."""
    if not is_lawyer(actor) or assignment.lawyer_id != actor.pk:
        raise PermissionDenied(_("只有被指派的律师本人可以出具法律意见"))
    assignment = (
        LawyerAssignment.objects.select_for_update(of=("self",))
        .select_related("matter")
        .get(pk=assignment.pk)
    )
    if assignment.status != LawyerAssignment.Status.ACTIVE:
        refuse(
            "__all__",
            _("该指派当前为“%(status)s”：须先声明无利益冲突，且指派未结束，才能出具法律意见")
            % {"status": assignment.get_status_display()},
        )
    facts = require_text(facts, field="facts", label=_("律师了解的事实"), max_length=FACTS_MAX)
    analysis = require_text(analysis, field="analysis", label=_("法律分析"), max_length=ANALYSIS_MAX)
    if route not in ROUTES:
        refuse("route", _("请选择第三十一条规定的处理途径"))
    basis = require_text(basis, field="basis", label=_("法律依据"), max_length=BASIS_MAX)
    given_on = require_date(given_on or timezone.localdate(), field="given_on", label=_("出具日期"))
    if given_on < timezone.localdate(assignment.declared_at):
        refuse("given_on", _("出具日期不能早于利益冲突声明的日期"))
    matter = _lock_matter(assignment.matter_id)
    opinion = LegalOpinion.objects.create(
        assignment=assignment,
        matter=matter,
        lawyer=actor,
        organisation=assignment.organisation,
        facts=facts,
        analysis=analysis,
        route=route,
        basis=basis,
        given_on=given_on,
    )
    matter_event_record(
        matter=matter,
        kind=LegalEvent.LEGAL_OPINION,
        actor=actor,
        note=_("律师 %(name)s 出具法律意见，建议：%(route)s。依据：%(basis)s")
        % {"name": actor.display_name, "route": ROUTES[route], "basis": _first_line(basis)},
        data={"legal_opinion": opinion.pk, "route": route, "given_on": given_on.isoformat()},
    )
    notify(
        key=f"legal-opinion:{opinion.pk}",
        recipient=assignment.assigned_by,
        subject=_("信访事项 %(number)s 已有法律意见") % {"number": matter.number},
        body=_("律师 %(name)s 已就信访事项 %(number)s 出具法律意见，建议：%(route)s。")
        % {"name": actor.display_name, "number": matter.number, "route": ROUTES[route]},
        matter=matter,
    )
    return opinion


def _first_line(text: str, limit: int = 200) -> str:
    line = text.strip().splitlines()[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


@transaction.atomic
def mediation_record(
    *,
    actor,
    matter: Matter,
    held_on: dt.date | None,
    place: str,
    parties: str,
    lawyers: list,
    outcome: str,
    result: str,
    consent: bool,
) -> Mediation:
    """A mediation led by lawyers on a matter (Art 33), recorded by one of them or by the bureau."""
    if matter is None:
        refuse("matter", _("请选择信访事项"))
    active = set(
        LawyerAssignment.objects.filter(matter=matter, status=LawyerAssignment.Status.ACTIVE).values_list(
            "lawyer_id", flat=True
        )
    )
    if is_lawyer(actor):
        if actor.pk not in active:
            raise PermissionDenied(_("只有参与该事项（已声明无利益冲突）的律师可以记录调解"))
        organisation = (
            LawyerAssignment.objects.filter(
                matter=matter, lawyer=actor, status=LawyerAssignment.Status.ACTIVE
            )
            .values_list("organisation", flat=True)
            .first()
        )
    elif can_assign_lawyers(actor):
        if not assignable_matters(user=actor).filter(pk=matter.pk).exists():
            refuse("matter", _("找不到该事项，或您无权查看"))
        organisation = actor.organisation_id
    else:
        raise PermissionDenied(_("只有参与的律师或信访局督办员可以记录调解"))
    held_on = require_date(held_on, field="held_on", label=_("调解日期"))
    if held_on < _received_on(matter):
        refuse("held_on", _("调解日期不能早于事项的收到日期"))
    place = require_text(place, field="place", label=_("调解地点"), max_length=PLACE_MAX)
    parties = require_text(parties, field="parties", label=_("当事人"), max_length=PARTIES_MAX)
    lawyers = list({lawyer.pk: lawyer for lawyer in (lawyers or [])}.values())
    if not lawyers:
        refuse("lawyers", _("请选择参与调解的律师"))
    if len(lawyers) > MEDIATION_LAWYERS_MAX:
        refuse("lawyers", _("参与调解的律师最多 %(max)d 名") % {"max": MEDIATION_LAWYERS_MAX})
    for lawyer in lawyers:
        if lawyer.pk not in active:
            refuse(
                "lawyers",
                _("%(name)s 没有参与该事项，或尚未声明无利益冲突") % {"name": lawyer.display_name},
            )
    if is_lawyer(actor) and actor.pk not in {lawyer.pk for lawyer in lawyers}:
        refuse("lawyers", _("记录调解的律师应是参与调解的律师之一"))
    if outcome not in Mediation.Outcome.values:
        refuse("outcome", _("请选择调解结果：达成调解协议或调解未成"))
    label = _("协议内容") if outcome == Mediation.Outcome.AGREED else _("未达成协议的原因")
    result = require_text(result, field="result", label=label, max_length=RESULT_MAX)
    if consent is not True:
        refuse("consent", _("调解须经争议双方当事人同意（第三十三条），请确认"))
    matter = _lock_matter(matter.pk)
    mediation = Mediation.objects.create(
        matter=matter,
        organisation_id=organisation,
        held_on=held_on,
        place=place,
        parties=parties,
        outcome=outcome,
        result=result,
        recorded_by=actor,
    )
    mediation.lawyers.set(lawyers)
    names = "、".join(lawyer.display_name for lawyer in lawyers)
    matter_event_record(
        matter=matter,
        kind=LegalEvent.LEGAL_MEDIATION,
        actor=actor,
        note=_("%(day)s 在%(place)s由律师 %(names)s 调解：%(outcome)s")
        % {
            "day": f"{held_on:%Y-%m-%d}",
            "place": place,
            "names": names,
            "outcome": mediation.get_outcome_display(),
        },
        data={"mediation": mediation.pk, "outcome": outcome, "lawyers": [lawyer.pk for lawyer in lawyers]},
    )
    return mediation
