"""The figures of the period report: sums over the activities held in the period by an organisation
and the units below it."""

import datetime as dt

from minsheng.outreach.reports import period_figures

H1 = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def test_it_sums_the_activities_of_the_period_over_the_organisation_subtree(city, record):
    record(
        actor=city.yunzhong_handler, held_on=dt.date(2026, 1, 1), materials_distributed=300, people_reached=40
    )
    record(
        actor=city.yunzhong_handler,
        organiser=city.yunzhong_village,
        held_on=dt.date(2026, 6, 30),
        materials_distributed=200,
        questionnaires_collected=50,
        consultations_answered=30,
        people_reached=80,
    )
    record(actor=city.yunzhong_handler, held_on=dt.date(2025, 12, 31), materials_distributed=9999)
    record(actor=city.yunzhong_handler, held_on=dt.date(2026, 7, 1), materials_distributed=9999)
    record(actor=city.jinshatan_handler, held_on=dt.date(2026, 3, 1), materials_distributed=7777)

    figures = period_figures(organisation=city.yunzhong, start=H1[0], end=H1[1])

    assert figures == {
        "publicity_activities": 2,
        "materials_distributed": 500,
        "questionnaires_collected": 70,
        "consultations_answered": 45,
        "people_reached": 120,
    }


def test_the_city_counts_every_unit_and_a_village_only_itself(city, record):
    record(actor=city.registrar, materials_distributed=1000)
    record(actor=city.yunzhong_handler, materials_distributed=100)
    record(actor=city.yunzhong_handler, organiser=city.yunzhong_village, materials_distributed=10)
    record(actor=city.jinshatan_handler, materials_distributed=1)

    def materials(org):
        return period_figures(organisation=org, start=H1[0], end=H1[1])["materials_distributed"]

    assert materials(city.root) == 1111
    assert materials(city.bureau) == 1000
    assert materials(city.yunzhong) == 110
    assert materials(city.yunzhong_village) == 10
    assert materials(city.housing) == 0


def test_a_period_without_activities_is_all_zeros(city):
    assert set(period_figures(organisation=city.root, start=H1[0], end=H1[1]).values()) == {0}


def test_the_replys_half_year_figures_add_up(city, record):
    """The bureau's reply: 30,000+ materials, 5,000+ questionnaires, 4,000+ consultations, 1,000+ people."""
    record(
        materials_distributed=12000,
        questionnaires_collected=2000,
        consultations_answered=1500,
        people_reached=400,
    )
    record(
        actor=city.yunzhong_handler,
        held_on=dt.date(2026, 4, 20),
        materials_distributed=10000,
        questionnaires_collected=1800,
        consultations_answered=1500,
        people_reached=300,
    )
    record(
        actor=city.jinshatan_handler,
        held_on=dt.date(2026, 5, 20),
        materials_distributed=8000,
        questionnaires_collected=1200,
        consultations_answered=1000,
        people_reached=300,
    )

    figures = period_figures(organisation=city.root, start=H1[0], end=H1[1])

    assert figures == {
        "publicity_activities": 3,
        "materials_distributed": 30000,
        "questionnaires_collected": 5000,
        "consultations_answered": 4000,
        "people_reached": 1000,
    }
