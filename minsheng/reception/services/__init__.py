"""The only write path for leaders' reception. Signatures (all keyword-only, each one transaction):

reception_rota_generate(*, actor, year, month, leaders, organisation=None, place=..., starts_at=...,
                        ends_at=..., today=None) -> RotaResult
reception_day_plan(*, actor, kind, leader, date, organisation=None, place="", starts_at=None,
                   ends_at=None, note="") -> ReceptionDay
reception_day_update(*, actor, day, leader, place, starts_at=None, ends_at=None, note="") -> ReceptionDay
reception_day_remove(*, actor, day) -> None
reception_session_record(*, actor, day=None, leader=None, held_on=None, kind=None, organisation=None,
                         place="", started_at=None, ended_at=None, notes="") -> ReceptionSession
reception_session_update(*, actor, session, started_at, ended_at, notes="") -> ReceptionSession
reception_entry_register(*, actor, session, petitioners, title, content, outcome, demands="",
                         head_count=1, outcome_note="", received_at=None, matter=None, category=None,
                         nature="claim", concerned_org=None, place="", instruction=None) -> ReceptionEntry
reception_entry_attach(*, actor, session, matter, outcome, outcome_note="", instruction=None)
appointment_invite(*, actor, matter, leader, proposed_at, place, invited_by, organisation=None, note="")
appointment_schedule(*, actor, appointment, proposed_at, place="", note="")
appointment_record(*, actor, appointment, held, held_at=None, outcome="", notes="", reason="",
                   instruction=None)
appointment_cancel(*, actor, appointment, reason)
case_ownership_assign(*, actor, matter, leader, note="", on=None) -> CaseOwnership
case_ownership_release(*, actor, ownership, note, on=None) -> CaseOwnership
"""

from .appointments import appointment_cancel, appointment_invite, appointment_record, appointment_schedule
from .entries import reception_entry_attach, reception_entry_register
from .ownership import case_ownership_assign, case_ownership_release
from .rota import (
    RotaResult,
    reception_day_plan,
    reception_day_remove,
    reception_day_update,
    reception_rota_generate,
)
from .sessions import reception_session_record, reception_session_update

__all__ = [
    "RotaResult",
    "appointment_cancel",
    "appointment_invite",
    "appointment_record",
    "appointment_schedule",
    "case_ownership_assign",
    "case_ownership_release",
    "reception_day_plan",
    "reception_day_remove",
    "reception_day_update",
    "reception_entry_attach",
    "reception_entry_register",
    "reception_rota_generate",
    "reception_session_record",
    "reception_session_update",
]
