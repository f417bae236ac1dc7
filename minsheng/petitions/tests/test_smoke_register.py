from minsheng.petitions.models import Matter, MatterEvent


def test_it_registers_a_visit_and_opens_a_numbered_matter(register, city):
    submission = register()
    matter = submission.matter
    assert matter.number.startswith("怀信〔")
    assert matter.status == Matter.Status.REGISTERED
    assert matter.events.get().kind == MatterEvent.Kind.REGISTERED
    assert submission.petitioners.get().name == "李桂兰"
