"""Later submissions about the same matter attach to it; by the same petitioner they are repeats."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.petitions.models import Channel, Matter, MatterEvent, Nature, Submission
from minsheng.petitions.services import PetitionerEntry

from .helpers import beijing


def test_it_attaches_a_repeat_by_the_same_petitioner(register, city):
    first = register(channel=Channel.VISIT, received_at=beijing(2025, 4, 1, 9))
    petitioner = first.petitioners.get()

    second = register(
        channel=Channel.LETTER,
        received_at=beijing(2025, 4, 20, 9),
        matter=first.matter,
        petitioners=[PetitionerEntry(petitioner_id=petitioner.pk)],
    )

    assert second.matter == first.matter
    assert second.is_repeat is True
    assert Matter.objects.count() == 1
    assert Submission.objects.filter(matter=first.matter).count() == 2
    event = first.matter.events.order_by("at", "pk").last()
    assert event.kind == MatterEvent.Kind.SUBMISSION_ATTACHED
    assert event.actor == city.registrar
    assert event.note == "重复信访（来信），信访人：李桂兰"
    assert event.data == {
        "submission": second.pk,
        "channel": "letter",
        "head_count": 1,
        "repeat": True,
        "rule": "",
    }


def test_it_counts_a_repeat_when_the_same_person_is_typed_in_again_by_id_number(register):
    # The register fixture types the same ID number each time: the person is found and it is a repeat.
    first = register()

    second = register(matter=first.matter)

    assert second.is_repeat is True


def test_it_does_not_change_the_matter_when_a_submission_attaches(register):
    first = register(channel=Channel.VISIT, received_at=beijing(2025, 4, 1, 9), title="第一次的标题")
    matter = Matter.objects.get()
    before = {
        f: getattr(matter, f) for f in ("number", "title", "first_channel", "received_at", "due_on", "status")
    }

    register(
        channel=Channel.PHONE, received_at=beijing(2025, 4, 9, 9), title="第二次的标题", matter=first.matter
    )

    matter.refresh_from_db()
    after = {f: getattr(matter, f) for f in before}
    assert after == before
    # An attached submission takes no new number.
    assert Matter.objects.get().number_seq == 1


def test_it_attaches_a_submission_by_another_petitioner_as_not_a_repeat(register, person):
    first = register()

    second = register(matter=first.matter, petitioners=[person("邻居张")])

    assert second.matter == first.matter
    assert second.is_repeat is False
    assert Matter.objects.count() == 1
    event = first.matter.events.order_by("at", "pk").last()
    assert event.kind == MatterEvent.Kind.SUBMISSION_ATTACHED
    assert event.note == "其他信访人就同一事项信访（来访），信访人：邻居张"
    assert event.data["repeat"] is False


def test_it_counts_a_repeat_when_one_of_several_petitioners_came_before(register, person):
    first = register()
    earlier = first.petitioners.get()

    second = register(
        matter=first.matter,
        head_count=2,
        petitioners=[
            person("新来的"),
            PetitionerEntry(petitioner_id=earlier.pk),
        ],
    )

    assert second.is_repeat is True


def test_it_does_not_let_a_township_registrar_attach_to_a_matter_they_cannot_see(register, city, row_counts):
    bureau_matter = register(receiving_org=city.bureau).matter
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(actor=city.yunzhong_registrar, matter=bureau_matter)

    assert caught.value.message_dict == {"matter": ["找不到该信访事项，或您无权查看"]}
    assert row_counts() == before
    assert Matter.objects.count() == 1


def test_it_lets_a_township_registrar_attach_to_a_matter_concerning_the_township(register, city):
    bureau_matter = register(receiving_org=city.bureau, concerned_org=city.yunzhong_village).matter

    second = register(actor=city.yunzhong_registrar, matter=bureau_matter)

    assert second.matter == bureau_matter
    assert second.receiving_org == city.yunzhong
    assert Matter.objects.count() == 1


def test_it_does_not_let_a_township_registrar_attach_to_an_accusation(register, city, row_counts):
    accusation = register(
        nature=Nature.ACCUSATION,
        concerned_org=city.yunzhong,
        title="举报镇干部违规发放补贴",
    ).matter
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(actor=city.yunzhong_registrar, matter=accusation)

    assert caught.value.message_dict == {"matter": ["找不到该信访事项，或您无权查看"]}
    assert row_counts() == before
