"""Who petitions: new people are created with encrypted personal data, known people are reused."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.conftest import make_id_number
from minsheng.lib import crypto
from minsheng.petitions.models import Matter, Nature, Petitioner, SubmissionPetitioner
from minsheng.petitions.services import PetitionerEntry


def test_it_creates_a_new_petitioner_with_encrypted_id_and_phone(register, city):
    number = make_id_number(sequence="457")
    submission = register(
        petitioners=[
            PetitionerEntry(
                name="赵小红",
                id_number=number,
                phone="139 1234 5678",
                address="东关村 3 号",
            )
        ]
    )

    person = Petitioner.objects.get()
    assert submission.petitioners.get() == person
    assert person.name == "赵小红"
    assert person.address == "东关村 3 号"
    assert person.created_by == city.registrar
    # Stored encrypted: the ciphertext does not contain the plain value, and decrypts to it.
    assert number not in person.id_number_encrypted
    assert "13912345678" not in person.phone_encrypted
    assert crypto.decrypt(person.id_number_encrypted) == number
    assert crypto.decrypt(person.phone_encrypted) == "13912345678"
    assert person.id_number_hash == crypto.lookup_hash(number)
    assert person.phone_hash == crypto.lookup_hash("13912345678")
    assert person.id_number_masked == number[:6] + "********" + number[-4:]
    assert person.phone_masked == "139****5678"
    # The region code defaults to the ID number's address code.
    assert person.region_code == "140624"


def test_it_accepts_a_lower_case_x_and_spaces_in_the_id_number(register):
    first_17 = "11010519491231002"
    number = make_id_number(region="110105", birth="19491231", sequence="002")
    assert number.endswith("X"), "this case needs an ID number whose check character is X"

    register(petitioners=[PetitionerEntry(name="钱多", id_number=f" {first_17[:6]} {first_17[6:]}x ")])

    person = Petitioner.objects.get()
    assert crypto.decrypt(person.id_number_encrypted) == number


def test_it_reuses_the_person_whose_id_number_is_typed_again(register, city):
    number = make_id_number(sequence="771")
    first = register(petitioners=[PetitionerEntry(name="孙立平", id_number=number, phone="13800000001")])
    second = register(
        actor=city.yunzhong_registrar,
        petitioners=[PetitionerEntry(name="孙立平", id_number=number.lower(), phone="13800000002")],
    )

    assert Petitioner.objects.count() == 1
    assert first.petitioners.get() == second.petitioners.get()
    # The known person is reused as stored; what was typed the second time does not overwrite it.
    assert crypto.decrypt(Petitioner.objects.get().phone_encrypted) == "13800000001"


def test_it_uses_an_existing_person_chosen_by_petitioner_id(register):
    first = register()
    known = first.petitioners.get()

    second = register(petitioners=[PetitionerEntry(petitioner_id=known.pk, name="这些字段被忽略")])

    assert Petitioner.objects.count() == 1
    assert second.petitioners.get() == known
    assert Petitioner.objects.get().name == "李桂兰"
    # A different matter was opened: choosing a person does not attach to their earlier matter.
    assert Matter.objects.count() == 2
    assert second.is_repeat is False


def test_it_creates_two_people_without_id_numbers_as_two_petitioners(register):
    submission = register(
        channel="visit",
        head_count=2,
        petitioners=[
            PetitionerEntry(name="张三", phone="13900000001"),
            PetitionerEntry(name="张三", phone="13900000002"),
        ],
    )

    assert submission.petitioners.count() == 2
    assert set(Petitioner.objects.values_list("id_number_hash", flat=True)) == {None}


def test_it_refuses_an_unknown_petitioner_id(register, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(petitioners=[PetitionerEntry(petitioner_id=999_999)])

    assert caught.value.message_dict == {"petitioners": ["所选信访人不存在，请重新查找"]}
    assert row_counts() == before


def test_it_refuses_the_same_id_number_twice_in_one_submission(register, row_counts):
    number = make_id_number(sequence="333")
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(
            head_count=2,
            petitioners=[
                PetitionerEntry(name="周一", id_number=number),
                PetitionerEntry(name="周一", id_number=number),
            ],
        )

    assert caught.value.message_dict == {"petitioners.1.id_number": ["同一信访人不能重复添加"]}
    assert row_counts() == before


def test_it_refuses_the_same_chosen_person_twice_in_one_submission(register, row_counts):
    known = register().petitioners.get()
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(
            head_count=2,
            petitioners=[
                PetitionerEntry(petitioner_id=known.pk),
                PetitionerEntry(petitioner_id=known.pk),
            ],
        )

    assert caught.value.message_dict == {"petitioners": ["同一信访人不能重复添加"]}
    assert row_counts() == before


def test_it_refuses_a_chosen_person_who_is_also_typed_in_by_id_number(register, row_counts):
    # A registrar picks 李桂兰 from the search in one row and types her ID number in another.
    number = make_id_number()
    known = register(petitioners=[PetitionerEntry(name="李桂兰", id_number=number)]).petitioners.get()
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(
            head_count=2,
            petitioners=[
                PetitionerEntry(petitioner_id=known.pk),
                PetitionerEntry(name="李桂兰", id_number=number),
            ],
        )

    assert "同一信访人不能重复添加" in str(caught.value)
    assert row_counts() == before


def test_it_refuses_a_claim_without_petitioners(register, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(petitioners=[], nature=Nature.CLAIM)

    assert caught.value.message_dict == {"petitioners": ["请至少填写一名信访人"]}
    assert row_counts() == before


def test_it_refuses_a_suggestion_without_petitioners(register):
    with pytest.raises(ValidationError) as caught:
        register(petitioners=[], nature=Nature.SUGGESTION, channel="letter")

    assert caught.value.message_dict == {"petitioners": ["请至少填写一名信访人"]}


def test_it_registers_an_anonymous_accusation(register, city):
    submission = register(
        petitioners=[], nature=Nature.ACCUSATION, channel="letter", title="举报某村干部侵占集体资金"
    )

    matter = submission.matter
    assert matter.nature == Nature.ACCUSATION
    assert submission.petitioners.count() == 0
    assert SubmissionPetitioner.objects.count() == 0
    assert matter.events.get().note == "来信登记，信访人：匿名"


def test_it_refuses_a_petitioner_row_without_a_name(register, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        register(petitioners=[PetitionerEntry(name="  ", id_number=make_id_number())])

    assert caught.value.message_dict == {"petitioners.0.name": ["请填写信访人姓名"]}
    assert row_counts() == before


def test_it_refuses_a_bad_region_code(register):
    with pytest.raises(ValidationError) as caught:
        register(petitioners=[PetitionerEntry(name="吴六", region_code="1406")])

    assert caught.value.message_dict == {"petitioners.0.region_code": ["行政区划代码应为 6、9 或 12 位数字"]}
