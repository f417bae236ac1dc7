"""Mediation records (调解记录, Art 33): date, place, parties, lawyers, what was agreed or why not."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.legal import services
from minsheng.legal.models import LegalEvent, Mediation
from minsheng.petitions.models import MatterEvent


def fields(**extra):
    values = {
        "held_on": timezone.localdate(),
        "place": "群众来访服务中心调解室",
        "parties": "申请人李桂兰；被申请人云中镇东关村村民委员会",
        "outcome": Mediation.Outcome.AGREED,
        "result": "村委会同意于本月底前一次性发放补偿款三万元。",
        "consent": True,
    }
    values.update(extra)
    return values


def test_the_lawyer_records_an_agreed_mediation_on_the_matters_timeline(city, claim, firm, active):
    mediation = services.mediation_record(actor=firm.zhang, matter=claim, lawyers=[firm.zhang], **fields())

    assert list(mediation.lawyers.all()) == [firm.zhang]
    assert mediation.organisation == city.bureau
    event = MatterEvent.objects.get(matter=claim, kind=LegalEvent.LEGAL_MEDIATION)
    assert "由律师 张明律师 调解：达成调解协议" in event.note


def test_the_bureau_records_a_failed_mediation_with_two_lawyers(city, claim, firm, active):
    second = services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.wang)
    services.conflict_declaration_record(
        actor=firm.wang, assignment=second, has_conflict=False, confirmed=True
    )

    mediation = services.mediation_record(
        actor=city.supervisor,
        matter=claim,
        lawyers=[firm.zhang, firm.wang],
        **fields(outcome="failed", result="村委会坚持补偿款已用于修路，双方分歧较大。"),
    )

    assert mediation.get_outcome_display() == "调解未成"
    assert set(mediation.lawyers.all()) == {firm.zhang, firm.wang}


def test_only_lawyers_who_declared_on_the_matter_take_part(city, claim, firm, active):
    pending = services.lawyer_assignment_create(actor=city.supervisor, matter=claim, lawyer=firm.wang)

    with pytest.raises(ValidationError) as caught:
        services.mediation_record(actor=firm.zhang, matter=claim, lawyers=[firm.zhang, firm.wang], **fields())
    assert caught.value.message_dict["lawyers"] == ["王芳律师 没有参与该事项，或尚未声明无利益冲突"]
    with pytest.raises(PermissionDenied):
        services.mediation_record(actor=firm.wang, matter=claim, lawyers=[firm.zhang], **fields())
    assert pending.status == "pending"
    assert Mediation.objects.count() == 0


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ({"consent": False}, "consent"),
        ({"place": ""}, "place"),
        ({"parties": ""}, "parties"),
        ({"result": " "}, "result"),
        ({"outcome": "maybe"}, "outcome"),
        ({"held_on": timezone.localdate() + dt.timedelta(days=1)}, "held_on"),
        ({"held_on": dt.date(2000, 1, 1)}, "held_on"),
        ({"held_on": None}, "held_on"),
        ({"parties": "人" * 2001}, "parties"),
    ],
)
def test_it_refuses_bad_input_and_records_nothing(claim, firm, active, extra, key):
    with pytest.raises(ValidationError) as caught:
        services.mediation_record(actor=firm.zhang, matter=claim, lawyers=[firm.zhang], **fields(**extra))

    assert key in caught.value.message_dict
    assert Mediation.objects.count() == 0
    assert not MatterEvent.objects.filter(kind=LegalEvent.LEGAL_MEDIATION).exists()


def test_no_lawyer_means_no_mediation_record(claim, firm, active):
    with pytest.raises(ValidationError) as caught:
        services.mediation_record(actor=firm.zhang, matter=claim, lawyers=[], **fields())

    assert caught.value.message_dict["lawyers"] == ["请选择参与调解的律师"]


@pytest.mark.parametrize("who", ["registrar", "yunzhong_handler"])
def test_other_staff_do_not_record_mediations(city, claim, firm, active, who):
    with pytest.raises(PermissionDenied):
        services.mediation_record(actor=getattr(city, who), matter=claim, lawyers=[firm.zhang], **fields())
