"""The intake check: the same petitioner's matters first, then anyone's, with reasons; saving nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Matter, MatterEvent, Petitioner, Submission
from minsheng.petitions.services import PetitionerEntry
from minsheng.similarity.check import PersonHint, submission_check
from minsheng.similarity.models import MatchDecision, MatterSignature, MatterTerm

ESTATE = {
    "title": "丽景小区物业乱收停车费",
    "content": "丽景小区物业公司从本月起每月收取地面停车费三百元，没有任何依据，业主多次反映无果。",
    "demands": "请求查处物业乱收费",
}
LOOKALIKE = {
    "title": "金色家园小区物业乱收停车费",
    "content": "金色家园小区物业公司从本月起每月收取地面停车费三百元，没有任何依据，业主多次反映无果。",
    "demands": "请求查处物业乱收费",
}
UNRELATED = {
    "title": "东关村村道破损",
    "content": "东关村通往镇上的村道破损严重，雨天无法通行，学生上学很危险。",
    "demands": "请求修路",
}


def person(name, sequence):
    return PetitionerEntry(name=name, id_number=make_id_number(sequence=sequence), address="云中镇")


@pytest.fixture
def matters(register):
    return {
        "estate": register(petitioners=[person("张建华", "201")], **ESTATE).matter,
        "lookalike": register(petitioners=[person("刘芳", "202")], **LOOKALIKE).matter,
        "unrelated": register(petitioners=[person("赵强", "203")], **UNRELATED).matter,
    }


def numbers(result):
    return [c.candidate.matter.number for c in result.candidates]


def test_the_same_estate_ranks_above_a_look_alike_estate(city, matters):
    result = submission_check(
        user=city.registrar,
        title="丽景小区物业收停车费不合理",
        content="我是丽景小区业主，物业公司每月收地面停车费三百元，请有关部门查一查。",
    )

    assert numbers(result)[0] == matters["estate"].number
    assert matters["unrelated"].number not in numbers(result)
    top = result.candidates[0]
    assert "同一地点：丽景小区" in top.candidate.reasons
    assert top.action == "joint"  # someone else's matter
    lookalike = next(c for c in result.candidates if c.candidate.matter == matters["lookalike"])
    assert "地点不同" in lookalike.candidate.reasons
    assert top.candidate.score > lookalike.candidate.score


def test_the_same_petitioner_by_id_number_comes_first_and_would_be_a_repeat(city, matters):
    id_number = make_id_number(sequence="203")  # 赵强, who raised the village road

    result = submission_check(
        user=city.registrar,
        title="村道还是没修",
        content="上次反映的村道问题还是没有解决。",
        people=[PersonHint(name="赵强", id_number=id_number)],
    )

    assert result.petitioner_ids == (Petitioner.objects.get(name="赵强").pk,)
    first = result.candidates[0]
    assert first.candidate.matter == matters["unrelated"]
    assert first.candidate.same_petitioner and first.action == "repeat"
    assert "同一信访人" in first.candidate.reasons


def test_a_person_is_recognised_by_phone_and_by_name_with_address(city, register):
    register(
        petitioners=[PetitionerEntry(name="孙丽", phone="13800001111", address="云中镇东关村3组")],
        **UNRELATED,
    )
    known = Petitioner.objects.get(name="孙丽").pk

    by_phone = submission_check(
        user=city.registrar, title="x", content="y", people=[PersonHint(phone="138 0000 1111")]
    )
    by_address = submission_check(
        user=city.registrar,
        title="x",
        content="y",
        people=[PersonHint(name="孙丽", address="云中镇东关村三组")],
    )
    by_name_only = submission_check(
        user=city.registrar, title="x", content="y", people=[PersonHint(name="孙丽")]
    )

    assert by_phone.petitioner_ids == (known,)
    assert by_address.petitioner_ids == (known,)
    assert by_name_only.petitioner_ids == ()  # a name alone is not a person


def test_candidates_outside_the_users_scope_are_not_shown(city, register):
    register(actor=city.yunzhong_registrar, **ESTATE)

    seen_by_other_township = submission_check(user=city.jinshatan_handler, **ESTATE)
    seen_by_bureau = submission_check(user=city.registrar, **ESTATE)

    assert seen_by_other_township.candidates == []
    assert len(seen_by_bureau.candidates) == 1


def test_a_new_matter_is_found_at_intake_right_after_it_is_registered(city, register):
    # The index is written in the registration's transaction: no window where it is missed.
    matter = register(**ESTATE).matter
    assert MatterSignature.objects.filter(matter=matter).exists()
    assert numbers(submission_check(user=city.registrar, **ESTATE)) == [matter.number]


def test_empty_and_huge_input_is_answered_without_error(city, matters):
    assert submission_check(user=city.registrar, title="", content="").candidates == []
    huge = submission_check(user=city.registrar, title="丽景小区" * 50, content="物业乱收费" * 2000)
    assert huge.candidates[0].candidate.matter == matters["estate"]
    odd = submission_check(user=city.registrar, title="' OR 1=1; --", content='"*:^()NEAR AND OR NOT -')
    assert isinstance(odd.candidates, list)


def test_registering_after_the_check_records_what_was_shown_and_chosen(city, register, matters):
    shown = [
        {"matter": matters["estate"].pk, "score": 0.81},
        {"matter": matters["lookalike"].pk, "score": 0.4},
    ]

    joint = register(matter=matters["estate"], shown_candidates=shown, petitioners=[person("钱进", "301")])
    new = register(
        shown_candidates=shown, confirmed_new=True, petitioners=[person("钱进", "302")], **UNRELATED
    )

    decision = MatchDecision.objects.get(submission=joint)
    assert decision.choice == MatchDecision.Choice.JOINT
    assert decision.chosen_matter == matters["estate"] and decision.chosen_rank == 1
    assert decision.candidates == shown
    assert decision.actor == city.registrar
    assert MatchDecision.objects.get(submission=new).choice == MatchDecision.Choice.NEW


def test_a_finished_matter_raised_again_as_new_is_attached_under_art_36(city, register):
    first = register(**ESTATE)
    Matter.objects.filter(pk=first.matter_id).update(
        status=Matter.Status.FINAL, closed_on=timezone.localdate() - dt.timedelta(days=30)
    )
    petitioner = first.petitioners.get()

    again = register(petitioners=[PetitionerEntry(petitioner_id=petitioner.pk)], **ESTATE)

    assert again.matter == first.matter
    assert again.rule == Submission.Rule.FINAL_REPEAT and again.is_repeat
    assert Matter.objects.count() == 1
    assert MatterEvent.objects.filter(matter=first.matter, kind=MatterEvent.Kind.SUBMISSION_ATTACHED).exists()


def test_the_registrar_can_still_open_a_new_matter_after_seeing_the_match(city, register):
    first = register(**ESTATE)
    Matter.objects.filter(pk=first.matter_id).update(status=Matter.Status.FINAL)
    petitioner = first.petitioners.get()

    new = register(petitioners=[PetitionerEntry(petitioner_id=petitioner.pk)], confirmed_new=True, **ESTATE)

    assert new.matter != first.matter and new.rule == ""


def test_a_different_matter_of_the_same_person_is_not_pulled_under_the_rule(city, register):
    first = register(**ESTATE)
    Matter.objects.filter(pk=first.matter_id).update(status=Matter.Status.FINAL)
    petitioner = first.petitioners.get()

    other = register(petitioners=[PetitionerEntry(petitioner_id=petitioner.pk)], **UNRELATED)

    assert other.matter != first.matter


def test_the_check_writes_nothing(city, matters, django_assert_max_num_queries):
    tables = (Matter, Submission, Petitioner, MatterEvent, MatchDecision, MatterTerm, MatterSignature)
    before = {model: model.objects.count() for model in tables}
    submission_check(
        user=city.registrar,
        people=[PersonHint(name="新人", id_number=make_id_number(sequence="999"))],
        **ESTATE,
    )
    assert {model: model.objects.count() for model in tables} == before
