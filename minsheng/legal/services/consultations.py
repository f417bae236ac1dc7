"""The free legal consultation log (免费法律咨询): many short entries a day, anonymous if the person
wishes; a phone number is encrypted at rest like a petitioner's."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.accounts.models import Organisation
from minsheng.audit.models import AuditEntry
from minsheng.audit.services import audit_record
from minsheng.lib import crypto, phone
from minsheng.petitions.models import Matter
from minsheng.petitions.permissions import can_reveal_personal_data
from minsheng.petitions.selectors import matters_visible_to
from minsheng.petitions.services.events import matter_event_record

from ..models import Consultation, ConsultationTopic, LegalEvent
from ..permissions import can_record_consultations, is_lawyer
from ..selectors import (
    centre_default,
    consultation_places,
    consultations_visible_to,
    matters_open_to_lawyer,
)
from ._common import refuse, require_date, require_lawyer, require_text

NAME_MAX = 50
QUESTION_MAX = 500
ADVICE_MAX = 2000


@transaction.atomic
def consultation_record(
    *,
    actor,
    consulted_on: dt.date | None,
    topic: str,
    question: str,
    advice: str,
    lawyer=None,
    organisation: Organisation | None = None,
    person_name: str = "",
    phone_number: str = "",
    matter: Matter | None = None,
) -> Consultation:
    """Log one consultation. A lawyer logs their own; bureau or township staff log a lawyer's."""
    if not can_record_consultations(actor):
        raise PermissionDenied(_("只有律师或信访工作人员可以记录法律咨询"))
    if is_lawyer(actor):
        if lawyer is not None and lawyer.pk != actor.pk:
            refuse("lawyer", _("律师只能记录本人解答的咨询"))
        lawyer = actor
    lawyer = require_lawyer(lawyer)
    consulted_on = require_date(consulted_on, field="consulted_on", label=_("咨询日期"))
    organisation = organisation or (actor.organisation if not is_lawyer(actor) else None) or centre_default()
    if organisation is None or not consultation_places(user=actor).filter(pk=organisation.pk).exists():
        refuse("organisation", _("请选择您可以记录的咨询地点"))
    if topic not in ConsultationTopic.values:
        refuse("topic", _("请选择咨询类别"))
    person_name = require_text(
        person_name, field="person_name", label=_("咨询人"), max_length=NAME_MAX, required=False
    )
    number = ""
    if (phone_number or "").strip():
        try:
            number = phone.validate(phone_number)
        except phone.InvalidPhone as exc:
            refuse("phone", str(exc))
    question = require_text(question, field="question", label=_("咨询问题"), max_length=QUESTION_MAX)
    advice = require_text(advice, field="advice", label=_("解答意见"), max_length=ADVICE_MAX)
    if matter is not None:
        visible = matters_open_to_lawyer(lawyer=actor) if is_lawyer(actor) else matters_visible_to(user=actor)
        if not visible.filter(pk=matter.pk).exists():
            refuse("matter", _("找不到该事项，或您无权查看"))
    consultation = Consultation.objects.create(
        consulted_on=consulted_on,
        organisation=organisation,
        lawyer=lawyer,
        person_name=person_name,
        phone_encrypted=crypto.encrypt(number),
        topic=topic,
        question=question,
        advice=advice,
        matter=matter,
        recorded_by=actor,
    )
    if matter is not None:
        # The timeline names the topic and the lawyer, not the person: many read it.
        matter_event_record(
            matter=matter,
            kind=LegalEvent.LEGAL_CONSULTATION,
            actor=actor,
            note=_("%(day)s 律师 %(name)s 解答法律咨询（%(topic)s）")
            % {
                "day": f"{consulted_on:%Y-%m-%d}",
                "name": lawyer.display_name,
                "topic": consultation.get_topic_display(),
            },
            data={"consultation": consultation.pk},
        )
    return consultation


@transaction.atomic
def consultation_phone_reveal(*, actor, consultation: Consultation, request=None) -> str:
    """The full phone number, for the lawyer who answered and the roles that may see personal data;
    each look is written to the audit log."""
    if not (is_lawyer(actor) and consultation.lawyer_id == actor.pk) and not can_reveal_personal_data(actor):
        raise PermissionDenied(_("您的角色无权查看完整的个人信息"))
    if not consultations_visible_to(user=actor).filter(pk=consultation.pk).exists():
        raise PermissionDenied(_("您无权查看该咨询记录"))
    value = crypto.decrypt(consultation.phone_encrypted)
    audit_record(
        action=AuditEntry.Action.PERSONAL_DATA_VIEW,
        actor=actor,
        obj=consultation,
        detail={"field": "phone"},
        request=request,
    )
    return value


@transaction.atomic
def consultations_rotate_keys(*, batch_size: int = 500) -> int:
    """Re-encrypt every stored phone number under the newest key (see manage.py rotate_field_keys)."""
    changed = 0
    rows = Consultation.objects.exclude(phone_encrypted="").only("pk", "phone_encrypted").order_by("pk")
    for consultation in rows.iterator(chunk_size=batch_size):
        consultation.phone_encrypted = crypto.rotate(consultation.phone_encrypted)
        consultation.save(update_fields=["phone_encrypted"])
        changed += 1
    return changed
