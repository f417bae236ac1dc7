"""Art 19 para 3 (level-skipping) and Art 36 (final matters) when a submission is attached at intake."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.petitions import services
from minsheng.petitions.models import Matter, Notice, Submission
from minsheng.petitions.services import PetitionerEntry

OPINION = {
    "request": "请求补偿",
    "facts_and_reasons": "经核实",
    "text": "不予支持",
    "basis": "相关规定",
    "outcome": "not_support",
}


@pytest.fixture
def accepted_at_township(register, city):
    """A matter registered at 云中镇 and accepted there, still within its handling period."""
    first = register(actor=city.yunzhong_registrar, received_at=timezone.now() - dt.timedelta(days=2))
    services.matter_accept(actor=city.yunzhong_handler, matter=first.matter)
    first.matter.refresh_from_db()
    return first


def again(register, city, first, actor=None):
    return register(
        actor=actor or city.registrar,
        matter=first.matter,
        petitioners=[PetitionerEntry(petitioner_id=first.petitioners.get().pk)],
        received_at=timezone.now() - dt.timedelta(minutes=5),
    )


def test_it_flags_a_visit_to_the_bureau_about_a_matter_the_township_is_handling(
    register, city, accepted_at_township
):
    submission = again(register, city, accepted_at_township)

    assert submission.rule == Submission.Rule.LEVEL_SKIPPING
    assert submission.is_repeat
    matter = accepted_at_township.matter
    matter.refresh_from_db()
    assert matter.status == Matter.Status.ACCEPTED  # the township keeps handling it
    notice = Notice.objects.get(matter=matter, kind="level_skipping_notice")
    assert notice.issuer == city.bureau
    text = "".join(notice.paragraphs)
    assert "云中镇" in text and "第十九条第三款" in text
    assert f"{matter.handle_due_on.year}年{matter.handle_due_on.month}月{matter.handle_due_on.day}日" in text
    assert "越级信访" in matter.events.latest("at").note


def test_it_does_not_flag_the_same_level_coming_back(register, city, accepted_at_township):
    submission = again(register, city, accepted_at_township, actor=city.yunzhong_registrar)

    assert submission.rule == ""
    assert not Notice.objects.filter(kind="level_skipping_notice").exists()


def test_it_does_not_flag_once_the_handling_period_has_passed(register, city, accepted_at_township):
    Matter.objects.filter(pk=accepted_at_township.matter_id).update(
        handle_due_on=timezone.localdate() - dt.timedelta(days=1)
    )

    submission = again(register, city, accepted_at_township)

    assert submission.rule == ""


def test_it_does_not_flag_a_matter_not_yet_accepted(register, city):
    first = register(actor=city.yunzhong_registrar)

    assert again(register, city, first).rule == ""


def test_it_refuses_the_same_facts_again_after_the_recheck(register, city):
    first = register(concerned_org=city.yunzhong, received_at=timezone.now() - dt.timedelta(days=5))
    matter = first.matter
    services.matter_route(actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong)
    services.matter_accept(actor=city.yunzhong_handler, matter=matter)
    services.matter_reply(actor=city.yunzhong_handler, matter=matter, **OPINION)
    services.reconsideration_request(actor=city.supervisor, matter=matter, stage="review")
    services.reconsideration_decide(actor=city.supervisor, matter=matter, stage="review", **OPINION)
    services.reconsideration_request(actor=city.supervisor, matter=matter, stage="recheck")
    services.reconsideration_decide(actor=city.supervisor, matter=matter, stage="recheck", **OPINION)

    submission = again(register, city, first)

    assert submission.rule == Submission.Rule.FINAL_REPEAT
    matter.refresh_from_db()
    assert matter.status == Matter.Status.FINAL
    notice = Notice.objects.get(matter=matter, kind="final_rejection_notice")
    assert "第三十六条" in "".join(notice.paragraphs)
    assert notice.issuer == city.bureau
