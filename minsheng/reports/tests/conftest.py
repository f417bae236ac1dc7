"""A September of petition work whose figures were counted by hand (see SEPTEMBER_TRUTH).

Everything goes through the real petitions services, with the dates the services let staff record
(received, routed, accepted on, served on), so the report reads what the workflow really writes.

    matter  received         where     what happened                           counts in September
    M1      09-01 visit ×3   bureau    → 云中镇 09-02, accepted 09-05,           received; accepted and
                                       replied 09-25; a repeat visit ×2 by the    completed on time
                                       same person 09-12, a letter by another
                                       09-13
    M2      09-02 letter     bureau    → 金沙滩镇 09-03, accepted 09-25          received; accepted late
                                       (due 09-18), replied 10-20
    M3      09-03 phone      bureau    → 住建局 09-04, never decided             received; accepted late
    M4      08-20 online     bureau    → 云中镇 08-25, rejected 09-08            accepted on time
    M5      09-20 visit ×1   bureau    → 云中镇 09-28 (due in October)           received
    M6      09-10 visit ×4   云中镇     accepted on its last day                  received; accepted on time
    M7      07-01 letter     云中镇     accepted 07-10, replied 09-15 (due 09-08)  completed late
    M8      07-05 letter     云中镇     accepted 07-06, never replied (due 09-04)  completed late
    M9      07-15 letter     云中镇     accepted 07-20, replied 08-30 (due 09-18)  — (settled in August)
    M10     09-15 letter     东关村     never decided (due 09-30)                 received; accepted late

Ratings are recorded now (the service stamps them): M1 满意, M2 满意, M7 不满意 then 基本满意, M9 不满意.
"""

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest
from django.utils import timezone

from minsheng.conftest import make_id_number
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Channel, Reply

SEPTEMBER = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))

SEPTEMBER_TRUTH = {
    "matters_received": 6,
    "submissions": 8,
    "channel_letter": 3,
    "channel_phone": 1,
    "channel_online": 0,
    "petition_visit_batches": 4,
    "petition_person_visits": 10,
    "repeat_submissions": 1,
    "repeat_rate": 12.5,
    "accept_due": 6,
    "accepted_on_time": 3,
    "accepted_on_time_rate": 50.0,
    "handle_due": 3,
    "completed_on_time": 1,
    "completed_on_time_rate": 33.3,
}
# The ratings, over a period that contains the day the test runs.
RATINGS_TRUTH = {
    "rated_matters": 4,
    "satisfied": 2,
    "basically_satisfied": 1,
    "unsatisfied": 1,
    "satisfaction_rate": 75.0,
}

_sequence = itertools.count(100)


def on(month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, month, day, hour))


def day(month: int, dd: int) -> dt.date:
    return dt.date(2026, month, dd)


def person(name: str) -> petitions.PetitionerEntry:
    return petitions.PetitionerEntry(
        name=name, id_number=make_id_number(sequence=f"{next(_sequence):03d}"), address="云中镇"
    )


def reply(actor, matter, served_on: dt.date) -> Reply:
    return petitions.matter_reply(
        actor=actor,
        matter=matter,
        request="请求解决问题",
        facts_and_reasons="经调查核实，情况属实。",
        text="已协调有关部门解决。",
        basis="《信访工作条例》第三十二条",
        outcome=Reply.Outcome.SUPPORT,
        served_on=served_on,
    )


@pytest.fixture
def register_at(city):
    def _register(actor, *, when, channel=Channel.LETTER, head_count=1, people=None, org=None, **extra):
        return petitions.submission_register(
            actor=actor,
            channel=channel,
            received_at=when,
            receiving_org=org or actor.organisation,
            petitioners=people or [person(f"信访人{next(_sequence)}")],
            title=extra.pop("title", f"反映问题{next(_sequence)}"),
            content=extra.pop("content", "具体情况如下，请予以处理。"),
            head_count=head_count,
            confirmed_new=extra.pop("confirmed_new", True),
            **extra,
        )

    return _register


@pytest.fixture
def september(city, register_at):
    """The matters of the table above, and who handled what."""
    bureau, supervisor = city.registrar, city.supervisor
    yz, jst = city.yunzhong_handler, city.jinshatan_handler
    m = SimpleNamespace()

    def route(matter, to_org, routed_on):
        petitions.matter_route(
            actor=supervisor, matter=matter, kind="transfer", to_org=to_org, routed_on=routed_on
        )

    zhang = person("张秀英")
    m.m1 = register_at(bureau, when=on(9, 1), channel=Channel.VISIT, head_count=3, people=[zhang]).matter
    route(m.m1, city.yunzhong, day(9, 2))
    petitions.matter_accept(actor=yz, matter=m.m1, on=day(9, 5))
    register_at(
        bureau,
        when=on(9, 12),
        channel=Channel.VISIT,
        head_count=2,
        people=[petitions.PetitionerEntry(petitioner_id=m.m1.submissions.get().petitioners.get().pk)],
        matter=m.m1,
    )
    register_at(bureau, when=on(9, 13), matter=m.m1)
    reply(yz, m.m1, day(9, 25))

    m.m2 = register_at(bureau, when=on(9, 2)).matter
    route(m.m2, city.jinshatan, day(9, 3))
    petitions.matter_accept(actor=jst, matter=m.m2, on=day(9, 25))
    reply(jst, m.m2, day(10, 20))

    m.m3 = register_at(bureau, when=on(9, 3), channel=Channel.PHONE).matter
    route(m.m3, city.housing, day(9, 4))

    m.m4 = register_at(bureau, when=on(8, 20), channel=Channel.ONLINE).matter
    route(m.m4, city.yunzhong, day(8, 25))
    petitions.matter_reject(actor=yz, matter=m.m4, reason="不属于信访事项受理范围", on=day(9, 8))

    m.m5 = register_at(bureau, when=on(9, 20), channel=Channel.VISIT).matter
    route(m.m5, city.yunzhong, day(9, 28))

    township = city.yunzhong_registrar
    m.m6 = register_at(township, when=on(9, 10), channel=Channel.VISIT, head_count=4).matter
    petitions.matter_accept(actor=yz, matter=m.m6, on=m.m6.accept_due_on)

    m.m7 = register_at(township, when=on(7, 1)).matter
    petitions.matter_accept(actor=yz, matter=m.m7, on=day(7, 10))
    reply(yz, m.m7, day(9, 15))

    m.m8 = register_at(township, when=on(7, 5)).matter
    petitions.matter_accept(actor=yz, matter=m.m8, on=day(7, 6))

    m.m9 = register_at(township, when=on(7, 15)).matter
    petitions.matter_accept(actor=yz, matter=m.m9, on=day(7, 20))
    reply(yz, m.m9, day(8, 30))

    m.m10 = register_at(township, when=on(9, 15), org=city.yunzhong_village).matter

    petitions.matter_rate(actor=yz, matter=m.m1, value="satisfied")
    petitions.matter_rate(actor=jst, matter=m.m2, value="satisfied")
    petitions.matter_rate(actor=yz, matter=m.m7, value="unsatisfied", comment="答复不解决问题")
    petitions.matter_rate(actor=yz, matter=m.m7, value="basically_satisfied")
    petitions.matter_rate(actor=yz, matter=m.m9, value="unsatisfied", comment="不认可处理意见")
    return m
