"""Single duty shifts: one lawyer cannot sit twice at once, past shifts stay, lawyers see their own."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.legal import selectors, services
from minsheng.legal.models import DutyShift


def in_days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def test_a_lawyer_on_duty_for_the_whole_day_cannot_also_take_the_morning(city, firm):
    services.duty_shift_create(actor=city.supervisor, day=in_days(3), lawyer=firm.zhang)

    with pytest.raises(ValidationError) as caught:
        services.duty_shift_create(
            actor=city.supervisor, day=in_days(3), lawyer=firm.zhang, session="morning"
        )

    assert caught.value.message_dict["lawyer"] == [f"张明律师 在 {in_days(3):%Y-%m-%d} 已有全天值班"]
    assert DutyShift.objects.count() == 1


def test_two_lawyers_may_share_a_day_and_one_lawyer_may_take_both_halves(city, firm):
    services.duty_shift_create(actor=city.supervisor, day=in_days(2), lawyer=firm.zhang, session="morning")
    services.duty_shift_create(actor=city.supervisor, day=in_days(2), lawyer=firm.zhang, session="afternoon")
    services.duty_shift_create(
        actor=city.supervisor, day=in_days(2), lawyer=firm.wang, place="云中镇信访接待室"
    )

    assert DutyShift.objects.filter(day=in_days(2)).count() == 3


def test_it_refuses_a_day_in_the_past(city, firm):
    with pytest.raises(ValidationError) as caught:
        services.duty_shift_create(actor=city.supervisor, day=in_days(-1), lawyer=firm.zhang)

    assert caught.value.message_dict["day"] == ["不能安排已经过去的日期"]


def test_a_shift_is_cancelled_but_a_past_one_stays_on_record(city, firm):
    shift = services.duty_shift_create(actor=city.supervisor, day=in_days(1), lawyer=firm.zhang)
    past = DutyShift.objects.create(
        organisation=city.bureau, day=in_days(-3), session="full_day", lawyer=firm.wang, place="中心"
    )

    services.duty_shift_delete(actor=city.supervisor, shift=shift)
    with pytest.raises(ValidationError):
        services.duty_shift_delete(actor=city.supervisor, shift=past)

    assert list(DutyShift.objects.all()) == [past]


def test_a_lawyer_sees_only_their_own_duty_days_and_cannot_plan(city, firm):
    services.duty_shift_create(actor=city.supervisor, day=in_days(1), lawyer=firm.zhang)
    services.duty_shift_create(actor=city.supervisor, day=in_days(1), lawyer=firm.wang)

    mine = selectors.duty_shifts_visible_to(user=firm.zhang)

    assert [s.lawyer for s in mine] == [firm.zhang]
    assert selectors.duty_shifts_visible_to(user=city.yunzhong_handler).count() == 0
    assert selectors.duty_shifts_visible_to(user=city.leader).count() == 2
    with pytest.raises(PermissionDenied):
        services.duty_shift_create(actor=firm.zhang, day=in_days(2), lawyer=firm.zhang)
