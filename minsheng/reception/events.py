"""The kinds of timeline event (MatterEvent.kind) this app writes on matters.

MatterEvent.Kind in minsheng.petitions names them for the timeline; until it does, the raw kind shows.
"""

from django.utils.translation import gettext_lazy as _

RECEIVED = "leader_reception"
APPOINTMENT_INVITED = "appointment_invited"
APPOINTMENT_SCHEDULED = "appointment_scheduled"
APPOINTMENT_RESCHEDULED = "appointment_rescheduled"
APPOINTMENT_HELD = "appointment_held"
APPOINTMENT_NOT_HELD = "appointment_not_held"
APPOINTMENT_CANCELLED = "appointment_cancelled"
OWNED = "case_owned"
RELEASED = "case_released"

LABELS = {
    RECEIVED: _("领导接访"),
    APPOINTMENT_INVITED: _("领导约访"),
    APPOINTMENT_SCHEDULED: _("约访时间确定"),
    APPOINTMENT_RESCHEDULED: _("约访改期"),
    APPOINTMENT_HELD: _("约访见面"),
    APPOINTMENT_NOT_HELD: _("约访未见面"),
    APPOINTMENT_CANCELLED: _("约访取消"),
    OWNED: _("领导包案"),
    RELEASED: _("解除包案"),
}
