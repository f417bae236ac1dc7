"""The reception demo data on top of the demo city: built through the services, once."""

from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.petitions.demo import build_demo
from minsheng.petitions.models import Matter
from minsheng.reception.demo import reception_demo_load
from minsheng.reception.models import (
    Appointment,
    CaseOwnership,
    ReceptionDay,
    ReceptionEntry,
    ReceptionSession,
)


def test_it_fills_the_rota_sessions_instructions_ownership_and_appointments_once(db, shared_data):
    build_demo(matters=60)
    matters = Matter.objects.count()

    report = reception_demo_load()

    assert report.days_planned == ReceptionDay.objects.count() > 15
    assert report.sessions == ReceptionSession.objects.count()
    if report.sessions >= 4:
        assert (
            report.people_received == sum(e.submission.head_count for e in ReceptionEntry.objects.all()) > 0
        )
    assert report.instructions == Instruction.objects.count()
    assert report.ownerships == CaseOwnership.objects.count() > 0
    assert report.appointments == Appointment.objects.count()
    assert all(e.submission.channel == "visit" for e in ReceptionEntry.objects.select_related("submission"))
    if InstructionTask.objects.exists():
        assert set(InstructionTask.objects.values_list("status", flat=True)) <= {
            "pending",
            "fed_back",
            "closed",
        }

    # Leaders receive petitioners about the demo's matters; no matter is added.
    assert Matter.objects.count() == matters

    again = reception_demo_load()

    assert again.existing and ReceptionDay.objects.count() == report.days_planned
