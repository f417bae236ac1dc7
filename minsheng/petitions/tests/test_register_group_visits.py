"""Group visits (集体访): five or more people elect at most five representatives (Art 20)."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.petitions.models import Channel, SubmissionPetitioner


def test_it_registers_a_group_visit_of_eight_with_two_representatives(register, person):
    submission = register(
        channel=Channel.VISIT,
        head_count=8,
        petitioners=[
            person("代表甲", is_representative=True),
            person("代表乙", is_representative=True),
            person("群众丙"),
        ],
    )

    submission.refresh_from_db()
    assert submission.head_count == 8
    assert submission.is_group_visit is True
    links = SubmissionPetitioner.objects.filter(submission=submission)
    representatives = links.filter(is_representative=True).values_list("petitioner__name", flat=True)
    assert sorted(representatives) == sorted(["代表甲", "代表乙"])
    assert links.filter(is_representative=False).get().petitioner.name == "群众丙"
    assert submission.matter.events.get().data["head_count"] == 8


def test_it_treats_a_visit_of_four_as_not_a_group_visit(register, person):
    submission = register(channel=Channel.VISIT, head_count=4, petitioners=[person("甲")])

    assert submission.is_group_visit is False


def test_it_treats_a_visit_of_exactly_five_as_a_group_visit(register, person):
    submission = register(
        channel=Channel.VISIT, head_count=5, petitioners=[person("甲", is_representative=True)]
    )

    assert submission.is_group_visit is True


def test_it_allows_exactly_five_representatives(register, person):
    submission = register(
        channel=Channel.VISIT,
        head_count=30,
        petitioners=[person(f"代表{i}", is_representative=True) for i in range(5)],
    )

    assert SubmissionPetitioner.objects.filter(submission=submission, is_representative=True).count() == 5


def test_it_refuses_a_group_visit_without_a_representative(register, person, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(channel=Channel.VISIT, head_count=5, petitioners=[person("甲"), person("乙")])

    assert caught.value.message_dict == {"petitioners": ["集体访（5 人以上）应推选代表，请勾选代表"]}
    assert row_counts() == before


def test_it_refuses_six_representatives(register, person, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(
            channel=Channel.VISIT,
            head_count=40,
            petitioners=[person(f"代表{i}", is_representative=True) for i in range(6)],
        )

    assert caught.value.message_dict == {
        "petitioners": ["集体访推选的代表不得超过 5 人（《信访工作条例》第二十条）"]
    }
    assert row_counts() == before


def test_it_refuses_a_head_count_smaller_than_the_people_registered(register, person, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(channel=Channel.VISIT, head_count=2, petitioners=[person("甲"), person("乙"), person("丙")])

    assert caught.value.message_dict == {"head_count": ["来访人数不能少于登记的信访人数（3 人）"]}
    assert row_counts() == before


@pytest.mark.parametrize(
    ("head_count", "message"),
    [
        (0, "来访人数至少为 1"),
        (-3, "来访人数至少为 1"),
        (10_001, "来访人数不合理"),
    ],
)
def test_it_refuses_an_impossible_head_count(register, head_count, message, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(channel=Channel.VISIT, head_count=head_count)

    assert caught.value.message_dict == {"head_count": [message]}
    assert row_counts() == before


def test_it_does_not_ask_a_group_letter_for_representatives(register, person):
    # Representatives are a rule for visits; a letter signed by many is registered with head count 1.
    submission = register(channel=Channel.LETTER, head_count=12, petitioners=[person("甲"), person("乙")])

    assert submission.head_count == 1
    assert submission.is_group_visit is False
