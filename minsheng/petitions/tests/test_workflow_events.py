"""Every step writes exactly one timeline event with its actor, the actor's unit, the status it left
and the status it reached, and a note."""

import pytest

from minsheng.accounts.models import Role
from minsheng.petitions import services
from minsheng.petitions.models import Matter, MatterEvent

from .workflow_steps import D, open_matter, reply_parts, set_today, staff, take

Status = Matter.Status
Kind = MatterEvent.Kind


def one_event(matter, step):
    """Run `step` and return the one event it wrote."""
    before = set(MatterEvent.objects.filter(matter=matter).values_list("pk", flat=True))
    step()
    new = MatterEvent.objects.filter(matter=matter).exclude(pk__in=before)
    assert new.count() == 1, [(e.kind, e.note) for e in new]
    return new.get()


def test_it_writes_one_event_for_every_step_of_a_matters_life(city, register, monkeypatch):
    set_today(monkeypatch, D(2026, 7, 1))
    head = staff(city.yunzhong, "yz_zhenzhang", role=Role.LEADER)
    matter = open_matter(register)
    handler, bureau = city.yunzhong_handler, city.supervisor
    walk = [
        (
            lambda: services.matter_route(
                actor=bureau, matter=matter, kind="assign", to_org=city.yunzhong, routed_on=D(2026, 5, 27)
            ),
            bureau,
            Kind.ASSIGNED,
            Status.REGISTERED,
            Status.ASSIGNED,
        ),
        (
            lambda: services.matter_accept(actor=handler, matter=matter, on=D(2026, 6, 1)),
            handler,
            Kind.ACCEPTED,
            Status.ASSIGNED,
            Status.ACCEPTED,
        ),
        (
            lambda: services.handling_note_add(
                actor=handler, matter=matter, kind="investigation", text="走访核实"
            ),
            handler,
            Kind.HANDLING_NOTE,
            Status.ACCEPTED,
            Status.ACCEPTED,
        ),
        (
            lambda: services.handling_note_add(
                actor=handler, matter=matter, kind="mediation", text="调解成功", agreement_reached=True
            ),
            handler,
            Kind.HANDLING_NOTE,
            Status.ACCEPTED,
            Status.ACCEPTED,
        ),
        (
            lambda: services.matter_extend(
                actor=handler, matter=matter, days=20, reason="需补充调查", approved_by=head
            ),
            handler,
            Kind.EXTENDED,
            Status.ACCEPTED,
            Status.ACCEPTED,
        ),
        (
            lambda: services.matter_reply(
                actor=handler, matter=matter, served_on=D(2026, 7, 1), **reply_parts()
            ),
            handler,
            Kind.REPLIED,
            Status.ACCEPTED,
            Status.REPLIED,
        ),
        (
            lambda: services.reconsideration_request(
                actor=city.registrar, matter=matter, stage="review", requested_on=D(2026, 7, 1)
            ),
            city.registrar,
            Kind.REVIEW_REQUESTED,
            Status.REPLIED,
            Status.REVIEW_REQUESTED,
        ),
        (
            lambda: services.reconsideration_decide(
                actor=bureau, matter=matter, stage="review", served_on=D(2026, 7, 1), **reply_parts()
            ),
            bureau,
            Kind.REVIEWED,
            Status.REVIEW_REQUESTED,
            Status.REVIEWED,
        ),
        (
            lambda: services.reconsideration_request(
                actor=bureau, matter=matter, stage="recheck", requested_on=D(2026, 7, 1)
            ),
            bureau,
            Kind.RECHECK_REQUESTED,
            Status.REVIEWED,
            Status.RECHECK_REQUESTED,
        ),
        (
            lambda: services.recheck_hearing_record(actor=bureau, matter=matter, days=7, note="公开听证"),
            bureau,
            Kind.HEARING,
            Status.RECHECK_REQUESTED,
            Status.RECHECK_REQUESTED,
        ),
        (
            lambda: services.reconsideration_decide(
                actor=bureau, matter=matter, stage="recheck", served_on=D(2026, 7, 1), **reply_parts()
            ),
            bureau,
            Kind.FINAL,
            Status.RECHECK_REQUESTED,
            Status.FINAL,
        ),
    ]

    for step, actor, kind, from_status, to_status in walk:
        event = one_event(matter, step)
        assert (event.kind, event.actor, event.organisation) == (kind, actor, actor.organisation), kind
        assert (event.from_status, event.to_status) == (from_status, to_status), kind
        assert event.note.strip(), kind
        matter.refresh_from_db()
        assert matter.status == to_status

    kinds = list(
        MatterEvent.objects.filter(matter=matter).order_by("at", "pk").values_list("kind", flat=True)
    )
    assert kinds == [Kind.REGISTERED, *(row[2] for row in walk)]


def object_(city, matter):
    services.matter_object(
        actor=city.yunzhong_handler, matter=matter, reason="不属于本镇职权", on=D(2026, 5, 29)
    )


def reject(city, matter):
    services.matter_reject(
        actor=city.yunzhong_handler, matter=matter, reason="不属于本镇职权", on=D(2026, 5, 29)
    )


@pytest.mark.parametrize(
    ("step", "kind", "to_status"),
    [(object_, Kind.OBJECTED, Status.REGISTERED), (reject, Kind.REJECTED, Status.REJECTED)],
    ids=["object", "reject"],
)
def test_it_writes_one_event_when_a_unit_turns_a_matter_down(city, register, step, kind, to_status):
    matter = take(city, open_matter(register), to="transferred")

    event = one_event(matter, lambda: step(city, matter))

    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        kind,
        city.yunzhong_handler,
        Status.TRANSFERRED,
        to_status,
    )
    assert "不属于本镇职权" in event.note


def test_it_writes_one_event_for_a_diversion_and_for_closing(city, register):
    diverted = open_matter(register)
    event = one_event(
        diverted,
        lambda: services.matter_route(
            actor=city.supervisor,
            matter=diverted,
            kind="divert",
            route="duty",
            guidance="怀仁市公安局",
            routed_on=D(2026, 5, 27),
        ),
    )
    assert (event.kind, event.from_status, event.to_status) == (
        Kind.DIVERTED,
        Status.REGISTERED,
        Status.DIVERTED,
    )

    closed = take(city, open_matter(register), to="replied")
    event = one_event(
        closed, lambda: services.matter_close(actor=city.supervisor, matter=closed, on=D(2026, 8, 15))
    )
    assert (event.kind, event.actor, event.from_status, event.to_status) == (
        Kind.CLOSED,
        city.supervisor,
        Status.REPLIED,
        Status.CLOSED,
    )
    assert event.note


def test_it_links_each_event_to_the_record_it_wrote(city, register):
    matter = take(city, open_matter(register), to="final")

    events = {e.kind: e.data for e in MatterEvent.objects.filter(matter=matter)}
    routing = matter.routings.get()
    review = matter.reconsiderations.get(stage="review")
    recheck = matter.reconsiderations.get(stage="recheck")
    assert events[Kind.TRANSFERRED] == {"routing": routing.pk, "to_org": city.yunzhong.pk, "route": ""}
    assert events[Kind.REPLIED] == {"reply": matter.replies.get(stage="handling").pk}
    assert events[Kind.REVIEW_REQUESTED] == {"reconsideration": review.pk}
    assert events[Kind.REVIEWED] == {
        "reply": matter.replies.get(stage="review").pk,
        "reconsideration": review.pk,
    }
    assert events[Kind.RECHECK_REQUESTED] == {"reconsideration": recheck.pk}
    assert events[Kind.FINAL] == {
        "reply": matter.replies.get(stage="recheck").pk,
        "reconsideration": recheck.pk,
    }
