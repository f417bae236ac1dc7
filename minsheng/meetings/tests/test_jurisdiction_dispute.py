"""A special-topic meeting decides which unit must handle a disputed matter (Art 24), and the decision
is applied to the matter through the routing service, with the meeting named on its timeline."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from minsheng.meetings import services
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter, MatterEvent, Routing
from minsheng.petitions.tests.workflow_steps import refused

from .conftest import decision, record

D = dt.date
LABEL = "2026年6月10日联席会议（专题会议）"


@pytest.fixture
def disputed(city, matter):
    """Sent to 金沙滩镇, which says within five working days that it is not theirs (Art 23)."""
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.jinshatan, routed_on=D(2026, 5, 27)
    )
    petitions.matter_object(
        actor=city.jinshatan_handler, matter=matter, reason="该地块属云中镇管辖", on=D(2026, 5, 29)
    )
    matter.refresh_from_db()
    assert (matter.status, matter.handling_org) == (Matter.Status.REGISTERED, None)
    return matter


def jurisdiction_meeting(city, matter, unit):
    meeting = record(
        city,
        title="协调东关村征地补偿事项的受理单位",
        matter_numbers=[matter.number],
        decisions=[
            decision(
                unit,
                text=f"该事项由{unit.name}负责受理办理",
                kind="jurisdiction",
                matter_number=matter.number,
                due_on=D(2026, 7, 10),
            )
        ],
    )
    return meeting.tasks.get()


def test_it_assigns_the_matter_to_the_unit_the_meeting_decided(city, disputed):
    task = jurisdiction_meeting(city, disputed, city.yunzhong)

    services.meeting_jurisdiction_apply(
        actor=city.supervisor, task=task, route_kind="assign", on=D(2026, 6, 11)
    )

    disputed.refresh_from_db()
    task.refresh_from_db()
    assert (disputed.status, disputed.handling_org) == (Matter.Status.ASSIGNED, city.yunzhong)
    routing = Routing.objects.filter(matter=disputed).latest("pk")
    assert (routing.kind, routing.to_org, routing.routed_on, routing.report_due_on) == (
        "assign",
        city.yunzhong,
        D(2026, 6, 11),
        D(2026, 7, 10),
    )
    assert routing.note.startswith(f"依据{LABEL}决定（《信访工作条例》第二十四条）")
    assert (task.routing, task.applied_on, task.applied_by) == (routing, D(2026, 6, 11), city.supervisor)
    events = list(MatterEvent.objects.filter(matter=disputed).order_by("pk").values_list("kind", "note"))
    assert events[-2][0] == "assigned" and events[-2][1].startswith(f"交办至云中镇：依据{LABEL}决定")
    assert events[-1] == (
        "joint_meeting",
        f"{LABEL}确定由云中镇受理办理，已交办该单位。该事项由云中镇负责受理办理",
    )
    assert task.entries.get().kind == "applied"


def test_it_transfers_when_asked_and_refuses_to_apply_twice(city, disputed):
    task = jurisdiction_meeting(city, disputed, city.yunzhong)
    services.meeting_jurisdiction_apply(
        actor=city.supervisor, task=task, route_kind="transfer", on=D(2026, 6, 11)
    )

    with refused(disputed, "status"):
        services.meeting_jurisdiction_apply(actor=city.supervisor, task=task, on=D(2026, 6, 12))

    disputed.refresh_from_db()
    assert (disputed.status, disputed.handling_org) == (Matter.Status.TRANSFERRED, city.yunzhong)


def test_it_refuses_while_the_matter_is_still_with_another_unit(city, matter):
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.jinshatan, routed_on=D(2026, 5, 27)
    )
    task = jurisdiction_meeting(city, matter, city.yunzhong)

    with refused(matter, "matter") as caught:
        services.meeting_jurisdiction_apply(actor=city.supervisor, task=task, on=D(2026, 6, 11))

    assert (
        "须由其提出异议" in caught.value.message_dict["matter"][0]
        or "提出异议" in caught.value.message_dict["matter"][0]
    )
    task.refresh_from_db()
    assert task.applied_on is None


def test_it_confirms_without_routing_when_the_matter_is_already_with_that_unit(city, matter):
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=D(2026, 5, 27)
    )
    task = jurisdiction_meeting(city, matter, city.yunzhong)
    routings = Routing.objects.count()

    services.meeting_jurisdiction_apply(actor=city.supervisor, task=task, on=D(2026, 6, 11))

    task.refresh_from_db()
    assert (task.applied_on, task.routing) == (D(2026, 6, 11), None)
    assert Routing.objects.count() == routings
    assert (
        MatterEvent.objects.filter(matter=matter)
        .latest("pk")
        .note.startswith(f"{LABEL}确定由云中镇受理办理，该事项已由其承办，维持不变")
    )


@pytest.mark.parametrize("who", ["yunzhong_handler", "leader", "registrar"])
def test_it_lets_only_the_bureau_apply_the_decision(city, disputed, who):
    task = jurisdiction_meeting(city, disputed, city.yunzhong)

    with refused(disputed):
        services.meeting_jurisdiction_apply(actor=getattr(city, who), task=task, on=D(2026, 6, 11))


def test_it_refuses_a_bad_route_kind_and_an_ordinary_decision(city, disputed, task):
    jurisdiction = jurisdiction_meeting(city, disputed, city.yunzhong)

    with refused(disputed, "route_kind"):
        services.meeting_jurisdiction_apply(actor=city.supervisor, task=jurisdiction, route_kind="divert")
    with pytest.raises(ValidationError) as caught:
        services.meeting_jurisdiction_apply(actor=city.supervisor, task=task)
    assert caught.value.message_dict == {"kind": ["该决定不是确定受理单位的决定"]}
