"""The instructions figure of the period report: by the instruction's date and jurisdiction."""

import datetime as dt

from django.utils import timezone

from minsheng.instructions.reports import period_figures


def test_it_counts_the_instructions_of_the_period_for_the_city_and_above(city, issue):
    today = timezone.localdate()
    issue()
    issue(issued_on=today - dt.timedelta(days=40), due_on=today)
    issue(units=[city.jinshatan])

    assert period_figures(organisation=city.root, start=today - dt.timedelta(days=7), end=today) == {
        "instructions": 2
    }
    assert period_figures(organisation=city.root, start=today - dt.timedelta(days=60), end=today) == {
        "instructions": 3
    }
    # The city's leaders instruct at the city's level: a township's own report counts none of them.
    assert period_figures(organisation=city.yunzhong, start=today - dt.timedelta(days=60), end=today) == {
        "instructions": 0
    }
