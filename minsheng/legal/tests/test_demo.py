"""The demo data for the lawyers' pages: built through the services, and only once."""

from minsheng.legal.demo import legal_demo_load
from minsheng.legal.models import Consultation, DutyShift, LawyerAssignment, LegalOpinion, Mediation
from minsheng.petitions import services as petition_services


def accepted_claims(city, register, n):
    matters = []
    for i in range(n):
        person = petition_services.PetitionerEntry(name=f"演示{i}", phone=f"1391234000{i}")
        matter = register(
            title=f"工程款纠纷 {i}", content=f"第 {i} 号工程的工程款对方拒不支付。", petitioners=[person]
        ).matter
        petition_services.matter_route(
            actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong
        )
        matters.append(petition_services.matter_accept(actor=city.yunzhong_handler, matter=matter))
    return matters


def test_it_fills_every_page_once(city, register, firm):
    accepted_claims(city, register, 3)

    first = legal_demo_load()
    counts = (DutyShift.objects.count(), Consultation.objects.count(), LawyerAssignment.objects.count())
    second = legal_demo_load()

    assert first.lawyers_created == 2 and first.shifts_created > 15
    assert 100 < first.consultations_created == Consultation.objects.count() < 300
    assert first.assignments_created == 4
    assert set(LawyerAssignment.objects.values_list("status", flat=True)) == {"active", "conflict", "pending"}
    assert LegalOpinion.objects.count() == 1 and Mediation.objects.count() == 1
    assert (second.lawyers_created, second.shifts_created, second.consultations_created) == (0, 0, 0)
    assert counts == (
        DutyShift.objects.count(),
        Consultation.objects.count(),
        LawyerAssignment.objects.count(),
    )
