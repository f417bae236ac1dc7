"""legal/reports.py: consultations, opinions and mediations for a period and an organisation subtree."""

import datetime as dt

from django.utils import timezone

from minsheng.legal import services
from minsheng.legal.reports import period_figures

from .conftest import opinion_fields


def test_it_counts_what_was_done_in_the_period_at_the_organisation_or_below(city, firm, claim, active):
    today = timezone.localdate()
    long_ago = today - dt.timedelta(days=60)
    common = {"topic": "labour", "question": "问题", "advice": "解答"}
    services.consultation_record(actor=firm.zhang, consulted_on=today, **common)
    services.consultation_record(actor=firm.zhang, consulted_on=long_ago, **common)
    services.consultation_record(
        actor=firm.zhang, consulted_on=today, organisation=city.yunzhong_village, **common
    )
    services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields())
    services.mediation_record(
        actor=firm.zhang,
        matter=claim,
        held_on=today,
        place="调解室",
        parties="双方",
        lawyers=[firm.zhang],
        outcome="agreed",
        result="达成协议",
        consent=True,
    )
    week = (today - dt.timedelta(days=6), today)

    assert period_figures(organisation=city.root, start=week[0], end=week[1]) == {
        "legal_consultations": 2,
        "legal_opinions": 1,
        "mediations": 1,
    }
    assert period_figures(organisation=city.bureau, start=week[0], end=week[1]) == {
        "legal_consultations": 1,
        "legal_opinions": 1,
        "mediations": 1,
    }
    assert period_figures(organisation=city.yunzhong, start=week[0], end=week[1]) == {
        "legal_consultations": 1,
        "legal_opinions": 0,
        "mediations": 0,
    }
    assert period_figures(organisation=city.root, start=long_ago, end=long_ago)["legal_consultations"] == 1
    assert period_figures(organisation=city.jinshatan, start=long_ago, end=today) == {
        "legal_consultations": 0,
        "legal_opinions": 0,
        "mediations": 0,
    }
