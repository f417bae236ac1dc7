"""Only administrators change the working-day calendar, through the service."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from minsheng.calendars.models import CalendarOverride, CalendarYear
from minsheng.calendars.selectors import work_calendar
from minsheng.calendars.services import (
    calendar_override_delete,
    calendar_override_save,
    calendar_year_delete,
    calendar_year_save,
)

D = datetime.date
pytestmark = pytest.mark.django_db


def test_it_lets_an_administrator_save_and_delete_an_override(city):
    override = calendar_override_save(
        actor=city.admin, day=D(2026, 3, 17), is_working_day=False, note="地方假日"
    )

    assert override.updated_by == city.admin
    assert not work_calendar().is_working_day(D(2026, 3, 17))

    calendar_override_delete(actor=city.admin, override=override)

    assert not CalendarOverride.objects.exists()
    assert work_calendar().is_working_day(D(2026, 3, 17))


def test_it_updates_the_override_of_a_day_that_already_has_one(city):
    calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=True)
    calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=False, note="更正")

    override = CalendarOverride.objects.get()
    assert (override.is_working_day, override.note) == (False, "更正")


def test_it_refuses_a_registrar(city):
    with pytest.raises(PermissionDenied):
        calendar_override_save(actor=city.registrar, day=D(2026, 3, 17), is_working_day=False)
    override = CalendarOverride.objects.create(day=D(2026, 3, 17), is_working_day=False)
    with pytest.raises(PermissionDenied):
        calendar_override_delete(actor=city.registrar, override=override)
    with pytest.raises(PermissionDenied):
        calendar_year_save(actor=city.supervisor, year=2027)

    assert CalendarOverride.objects.filter(pk=override.pk).exists()
    assert not CalendarYear.objects.exists()


def test_it_lets_an_administrator_confirm_a_year_and_take_it_back(city):
    calendar_year = calendar_year_save(actor=city.admin, year=2027, note="国办发明电")
    assert work_calendar().has_data(2027)

    calendar_year_delete(actor=city.admin, calendar_year=calendar_year)
    assert not work_calendar().has_data(2027)
