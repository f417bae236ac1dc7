"""The reception figures of the period report, by where and when sessions were held."""

import datetime as dt

from django.utils import timezone

from minsheng.reception.models import Appointment, Kind, Outcome
from minsheng.reception.reports import period_figures
from minsheng.reception.services import (
    appointment_invite,
    appointment_record,
    reception_entry_register,
    reception_session_record,
)

from .helpers import VISIT, person


def test_it_counts_sessions_field_visits_appointments_batches_and_person_visits(city, leaders, register):
    today = timezone.localdate()
    centre = reception_session_record(
        actor=city.registrar, leader=leaders.liu, held_on=today, kind=Kind.CENTRE
    )
    reception_session_record(
        actor=city.registrar, leader=leaders.wang, held_on=today - dt.timedelta(days=1), kind=Kind.CENTRE
    )
    field = reception_session_record(
        actor=city.registrar,
        leader=leaders.zhao,
        held_on=today,
        kind=Kind.FIELD_VISIT,
        organisation=city.yunzhong,
        place="云中镇便民服务中心",
    )
    for session, head_count, sequence in ((centre, 1, "501"), (centre, 7, "502"), (field, 3, "503")):
        reception_entry_register(
            actor=city.registrar,
            session=session,
            petitioners=[person(sequence=sequence, is_representative=True)],
            head_count=head_count,
            outcome=Outcome.ANSWERED,
            **VISIT,
        )
    appointment = appointment_invite(
        actor=city.registrar,
        matter=register().matter,
        leader=leaders.wang,
        proposed_at=timezone.now() + dt.timedelta(hours=1),
        place="约访室",
        invited_by=Appointment.InvitedBy.PHONE,
    )
    appointment_record(
        actor=city.registrar,
        appointment=appointment,
        held=True,
        held_at=timezone.now(),
        outcome=Outcome.ANSWERED,
        notes="已答复",
    )

    city_figures = period_figures(organisation=city.root, start=today - dt.timedelta(days=1), end=today)
    assert city_figures == {
        "reception_sessions": 2,
        "field_visits": 1,
        "appointments": 1,
        "visit_batches": 3,
        "person_visits": 11,
    }
    township = period_figures(organisation=city.yunzhong, start=today - dt.timedelta(days=1), end=today)
    assert township == {
        "reception_sessions": 0,
        "field_visits": 1,
        "appointments": 0,
        "visit_batches": 1,
        "person_visits": 3,
    }
    assert period_figures(organisation=city.jinshatan, start=today, end=today)["field_visits"] == 0
    only_today = period_figures(organisation=city.root, start=today, end=today)
    assert only_today["reception_sessions"] == 1 and only_today["person_visits"] == 11


def test_an_empty_period_is_all_zeros(city):
    figures = period_figures(organisation=city.root, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))

    assert figures == dict.fromkeys(
        ("reception_sessions", "field_visits", "appointments", "visit_batches", "person_visits"), 0
    )
