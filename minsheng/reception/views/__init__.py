"""Reception pages, by area; thin: parse input, call one service or selector, render."""

from .appointments import appointment_create, appointment_detail, appointment_list, appointment_step
from .ownership import mine, ownership_assign, ownership_list, ownership_release, schedule
from .rota import day_create, day_edit, day_remove, rota, rota_generate, session_open
from .sessions import entry_add, session_create, session_detail, session_list, session_update

__all__ = [
    "appointment_create",
    "appointment_detail",
    "appointment_list",
    "appointment_step",
    "day_create",
    "day_edit",
    "day_remove",
    "entry_add",
    "mine",
    "ownership_assign",
    "ownership_list",
    "ownership_release",
    "rota",
    "rota_generate",
    "schedule",
    "session_create",
    "session_detail",
    "session_list",
    "session_open",
    "session_update",
]
