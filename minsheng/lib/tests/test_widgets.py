"""Date and time inputs render ISO values whatever the language: the browser's picker takes no other."""

import datetime as dt

import pytest
from django.utils import translation

from minsheng.lib.widgets import DateInput, DateTimeInput, TimeInput


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_prefilled_date_time_and_moment_render_as_the_picker_reads_them(language):
    with translation.override(language):
        date = DateInput().render("on", dt.date(2026, 11, 26))
        time = TimeInput().render("at", dt.time(9, 5))
        moment = DateTimeInput().render("when", dt.datetime(2026, 11, 26, 9, 5))

    assert 'type="date"' in date and 'value="2026-11-26"' in date
    assert 'type="time"' in time and 'value="09:05"' in time
    assert 'type="datetime-local"' in moment and 'value="2026-11-26T09:05"' in moment
