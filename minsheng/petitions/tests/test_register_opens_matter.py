"""Registering a first submission opens a numbered matter, on every channel (Art 19, 22, 23)."""

import datetime as dt

import pytest

from minsheng.petitions.models import Channel, Matter, MatterEvent, Submission

from .helpers import beijing

ALL_CHANNELS = [c.value for c in Channel]


def test_it_knows_six_channels():
    # The parametrised tests below are only complete if they run on every channel there is.
    assert sorted(ALL_CHANNELS) == sorted(
        ["letter", "visit", "phone", "online", "leader_mailbox", "transferred_in"]
    )


@pytest.mark.parametrize("channel", ALL_CHANNELS)
def test_it_opens_a_registered_matter_on_every_channel(register, city, channel):
    received = beijing(2025, 3, 10, 9, 30)
    submission = register(channel=channel, received_at=received)

    matter = submission.matter
    assert matter.number == "怀信〔2025〕00001"
    assert (matter.number_prefix, matter.number_year, matter.number_seq) == ("怀信", 2025, 1)
    assert matter.status == Matter.Status.REGISTERED
    assert matter.first_channel == channel
    assert matter.receiving_org == city.bureau
    assert matter.registered_by == city.registrar
    assert matter.received_at == received
    assert matter.source == Matter.Source.INTAKE
    assert submission.channel == channel
    assert submission.registered_by == city.registrar
    assert submission.is_repeat is False
    assert list(matter.submissions.all()) == [submission]


@pytest.mark.parametrize("channel", ALL_CHANNELS)
def test_it_writes_a_registered_event_with_actor_and_note(register, city, channel):
    submission = register(channel=channel)

    event = submission.matter.events.get()
    assert event.kind == MatterEvent.Kind.REGISTERED
    assert event.actor == city.registrar
    assert event.organisation == city.bureau
    assert event.to_status == Matter.Status.REGISTERED
    assert event.note == f"{Channel(channel).label}登记，信访人：李桂兰"
    assert event.data["submission"] == submission.pk
    assert event.data["channel"] == channel


@pytest.mark.parametrize("channel", [c for c in ALL_CHANNELS if c != Channel.VISIT])
def test_it_stores_a_head_count_of_one_for_channels_other_than_visits(register, channel):
    submission = register(channel=channel, head_count=7)

    submission.refresh_from_db()
    assert submission.head_count == 1
    assert submission.is_group_visit is False
    assert submission.matter.events.get().data["head_count"] == 1


def test_it_keeps_the_head_count_of_a_visit(register, person):
    submission = register(channel=Channel.VISIT, head_count=3, petitioners=[person("甲"), person("乙")])

    submission.refresh_from_db()
    assert submission.head_count == 3
    assert submission.is_group_visit is False


def test_it_numbers_matters_one_after_another(register):
    numbers = [
        register(channel=Channel.LETTER, received_at=beijing(2025, 5, day, 10)).matter.number
        for day in (1, 2, 3)
    ]

    assert numbers == ["怀信〔2025〕00001", "怀信〔2025〕00002", "怀信〔2025〕00003"]


def test_it_gives_a_township_registrar_the_townships_prefix_and_own_sequence(register, city):
    bureau_first = register(received_at=beijing(2025, 5, 1, 10)).matter
    bureau_second = register(received_at=beijing(2025, 5, 1, 11)).matter
    township_first = register(actor=city.yunzhong_registrar, received_at=beijing(2025, 5, 1, 12)).matter

    assert bureau_first.number == "怀信〔2025〕00001"
    assert bureau_second.number == "怀信〔2025〕00002"
    assert township_first.number == "云中信〔2025〕00001"
    assert township_first.receiving_org == city.yunzhong


def test_it_restarts_the_sequence_in_a_new_year(register):
    register(received_at=beijing(2024, 12, 30, 10))
    last_of_2024 = register(received_at=beijing(2024, 12, 31, 10)).matter
    first_of_2025 = register(received_at=beijing(2025, 1, 2, 10)).matter
    late_2024_entry = register(received_at=beijing(2024, 12, 31, 16)).matter

    assert last_of_2024.number == "怀信〔2024〕00002"
    assert first_of_2025.number == "怀信〔2025〕00001"
    # A letter of last year registered after new year's day still takes last year's next number.
    assert late_2024_entry.number == "怀信〔2024〕00003"


def test_it_takes_the_year_from_beijing_time_not_utc(register):
    # 00:30 on 1 January in Beijing is still 31 December in UTC.
    matter = register(received_at=beijing(2025, 1, 1, 0, 30)).matter

    assert matter.number == "怀信〔2025〕00001"
    assert matter.number_year == 2025


def test_it_gives_the_bureau_fifteen_days_to_route(register):
    matter = register(received_at=beijing(2025, 3, 10, 9, 30)).matter

    assert matter.route_due_on == dt.date(2025, 3, 25)
    assert matter.due_on == dt.date(2025, 3, 25)
    assert matter.due_kind == "route"
    assert matter.accept_due_on is None
    assert matter.handle_due_on is None


def test_it_counts_the_route_deadline_from_the_beijing_date(register):
    # 23:30 in Beijing is 15:30 UTC on the same day; 00:30 in Beijing is the previous day in UTC.
    late = register(received_at=beijing(2025, 3, 10, 23, 30)).matter
    early = register(received_at=beijing(2025, 3, 11, 0, 30)).matter

    assert late.route_due_on == dt.date(2025, 3, 25)
    assert early.route_due_on == dt.date(2025, 3, 26)


def test_it_gives_a_township_fifteen_days_to_tell_the_petitioner_whether_it_accepts(register, city):
    matter = register(actor=city.yunzhong_registrar, received_at=beijing(2025, 3, 10, 9, 30)).matter

    assert matter.accept_due_on == dt.date(2025, 3, 25)
    assert matter.due_on == dt.date(2025, 3, 25)
    assert matter.due_kind == "accept"
    assert matter.route_due_on is None


def test_it_follows_the_route_deadline_setting(register, settings):
    settings.DEADLINES = {**settings.DEADLINES, "route": (10, "calendar_days")}

    matter = register(received_at=beijing(2025, 3, 10, 9, 30)).matter

    assert matter.route_due_on == dt.date(2025, 3, 20)


def test_it_stores_the_submission_fields_stripped(register, city):
    submission = register(
        channel=Channel.LETTER,
        title="  反映供暖不热  ",
        content="\n 小区暖气温度不达标。 \n",
        demands="  请求维修  ",
        place=" 东关村 ",
        concerned_org=city.yunzhong_village,
    )

    submission.refresh_from_db()
    matter = submission.matter
    assert (submission.title, submission.content, submission.demands, submission.place) == (
        "反映供暖不热",
        "小区暖气温度不达标。",
        "请求维修",
        "东关村",
    )
    assert (matter.title, matter.content, matter.demands, matter.place) == (
        "反映供暖不热",
        "小区暖气温度不达标。",
        "请求维修",
        "东关村",
    )
    assert matter.concerned_org == city.yunzhong_village
    assert Submission.objects.count() == 1


def test_it_lets_a_supervisor_and_an_admin_register_too(register, city):
    by_supervisor = register(actor=city.supervisor).matter
    by_admin = register(actor=city.admin).matter

    assert by_supervisor.registered_by == city.supervisor
    assert by_admin.registered_by == city.admin
    assert [by_supervisor.number_seq, by_admin.number_seq] == [1, 2]
