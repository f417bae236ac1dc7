"""A step is dated on or before today. Replies and review requests already refuse a day to come; a
routing, objection, acceptance or rejection dated ahead would move the statutory deadlines with it."""

import pytest

from minsheng.petitions import services

from .workflow_steps import ANY_FIELD, D, open_matter, refused, set_today, take

TODAY = D(2026, 6, 1)
TOMORROW = D(2026, 6, 2)


def route(city, matter):
    services.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=TOMORROW
    )


def object_(city, matter):
    services.matter_object(actor=city.yunzhong_handler, matter=matter, reason="不属于本镇职权", on=TOMORROW)


def accept(city, matter):
    services.matter_accept(actor=city.yunzhong_handler, matter=matter, on=TOMORROW)


def reject(city, matter):
    services.matter_reject(actor=city.yunzhong_handler, matter=matter, reason="已经终结", on=TOMORROW)


@pytest.mark.parametrize(
    ("step", "status"),
    [(route, "registered"), (object_, "transferred"), (accept, "transferred"), (reject, "transferred")],
    ids=["route", "object", "accept", "reject"],
)
def test_it_refuses_a_step_dated_after_today(city, register, monkeypatch, step, status):
    set_today(monkeypatch, TODAY)
    matter = take(city, open_matter(register), to=status, routed_on=D(2026, 5, 27))

    with refused(matter, ANY_FIELD):
        step(city, matter)
