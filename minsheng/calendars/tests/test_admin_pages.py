"""Administrators maintain the working-day calendar on the admin pages, through the services."""

import datetime

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.accounts.services import user_create
from minsheng.calendars.models import CalendarOverride, CalendarYear
from minsheng.calendars.services import calendar_override_save
from minsheng.conftest import PASSWORD

D = datetime.date
pytestmark = pytest.mark.django_db


def test_it_lists_overrides_with_the_year_coverage_for_an_administrator(client, city):
    calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=True, note="春节调休上班")
    client.force_login(city.admin)

    response = client.get(reverse("admin:calendars_calendaroverride_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "春节调休上班" in content
    assert "调休" in content and "放假安排数据" in content


def test_it_filters_overrides_by_year_and_status(client, city):
    calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=True, note="二〇二七调休")
    calendar_override_save(actor=city.admin, day=D(2026, 3, 17), is_working_day=False, note="二〇二六假日")
    client.force_login(city.admin)
    url = reverse("admin:calendars_calendaroverride_changelist")

    by_year = client.get(url, {"year": "2027"}).content.decode()
    by_status = client.get(url, {"is_working_day__exact": "0"}).content.decode()

    assert "二〇二七调休" in by_year and "二〇二六假日" not in by_year
    assert "二〇二六假日" in by_status and "二〇二七调休" not in by_status


def test_it_saves_an_override_added_in_the_admin_with_its_author(client, city):
    client.force_login(city.admin)

    response = client.post(
        reverse("admin:calendars_calendaroverride_add"),
        {"day": "2027-02-06", "is_working_day": "on", "note": "春节调休上班"},
    )

    assert response.status_code == 302
    override = CalendarOverride.objects.get(day=D(2027, 2, 6))
    assert override.is_working_day
    assert override.updated_by == city.admin


def test_it_refuses_a_second_override_for_the_same_day_in_the_admin(client, city):
    calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=True)
    client.force_login(city.admin)

    response = client.post(
        reverse("admin:calendars_calendaroverride_add"), {"day": "2027-02-06", "note": "重复"}
    )

    assert response.status_code == 200
    assert CalendarOverride.objects.count() == 1


def test_it_deletes_an_override_in_the_admin(client, city):
    override = calendar_override_save(actor=city.admin, day=D(2027, 2, 6), is_working_day=True)
    client.force_login(city.admin)

    response = client.post(
        reverse("admin:calendars_calendaroverride_delete", args=[override.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not CalendarOverride.objects.exists()


def test_it_confirms_a_year_in_the_admin(client, city):
    client.force_login(city.admin)

    response = client.post(reverse("admin:calendars_calendaryear_add"), {"year": "2027", "note": ""})

    assert response.status_code == 302
    assert CalendarYear.objects.get().updated_by == city.admin


def test_it_keeps_staff_without_the_admin_role_out_of_the_calendar(client, city):
    city.supervisor.is_staff = True
    city.supervisor.save()
    client.force_login(city.supervisor)

    response = client.get(reverse("admin:calendars_calendaroverride_changelist"))

    assert response.status_code == 403


def test_it_opens_the_add_and_change_pages_for_an_admin_who_is_not_a_superuser(client, city):
    clerk = user_create(
        username="rili",
        password=PASSWORD,
        full_name="日历管理员",
        role=Role.ADMIN,
        organisation=city.bureau,
        is_staff=True,
    )
    override = calendar_override_save(actor=clerk, day=D(2027, 2, 6), is_working_day=True)
    client.force_login(clerk)

    assert client.get(reverse("admin:calendars_calendaroverride_add")).status_code == 200
    change = client.get(reverse("admin:calendars_calendaroverride_change", args=[override.pk]))
    assert change.status_code == 200
    assert "日历管理员" in change.content.decode()  # who changed it last
