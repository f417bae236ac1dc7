"""A city with matters at every distance from their deadline, for the deadline sweep."""

import datetime as dt
from types import SimpleNamespace

import pytest

from minsheng.accounts.models import Role, User
from minsheng.notifications.tests.logs import notification_log  # noqa: F401  (a fixture)
from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, staff, take

TODAY = dt.date(2026, 6, 15)  # a Monday


def due(matter: Matter, days: int) -> Matter:
    """Put the matter's current deadline `days` from TODAY (negative: passed), keeping its kind.

    The workflow computes real deadlines on the official calendar; the sweep only reads `due_on`, so
    the fixture places each one exactly where the test needs it."""
    Matter.objects.filter(pk=matter.pk).update(due_on=TODAY + dt.timedelta(days=days))
    matter.refresh_from_db()
    return matter


@pytest.fixture
def people(city):
    """Who may be reminded, with the addresses they have: the bureau's supervisor (phone and e-mail),
    云中镇's handler (phone) and supervisor (e-mail), 住建局's handler (neither), and people who must
    never be reminded (registrars, an inactive handler)."""
    User.objects.filter(pk=city.supervisor.pk).update(phone="13900000001", email="duban@huairen.gov.cn")
    User.objects.filter(pk=city.yunzhong_handler.pk).update(phone="13900000002")
    yunzhong_supervisor = staff(city.yunzhong, "yz_duban", role=Role.SUPERVISOR)
    User.objects.filter(pk=yunzhong_supervisor.pk).update(email="yz_duban@huairen.gov.cn")
    retired = staff(city.housing, "zj_tuixiu", phone="13900000009")
    User.objects.filter(pk=retired.pk).update(is_active=False)
    return SimpleNamespace(
        bureau_supervisor=User.objects.get(pk=city.supervisor.pk),
        yunzhong_handler=User.objects.get(pk=city.yunzhong_handler.pk),
        yunzhong_supervisor=User.objects.get(pk=yunzhong_supervisor.pk),
        housing_handler=city.housing_handler,
        retired=retired,
    )


@pytest.fixture
def matters(city, register, people):
    """One matter per case the sweep distinguishes, as of TODAY."""
    housing = {"unit": city.housing, "handler": city.housing_handler}
    ended = take(city, open_matter(register, title="已不予受理的事项"), to=Matter.Status.TRANSFERRED)
    ended = due(ended, -5)
    Matter.objects.filter(pk=ended.pk).update(status=Matter.Status.REJECTED)
    return SimpleNamespace(
        # 云中镇 must tell the petitioner whether it accepts: due in 3 days.
        soon=due(take(city, open_matter(register, title="三日后到期"), to=Matter.Status.TRANSFERRED), 3),
        # The bureau must route it: due today.
        today=due(open_matter(register, title="今日到期"), 0),
        # 住建局 must reply: one day past.
        overdue_1=due(
            take(city, open_matter(register, title="超期一日"), to=Matter.Status.ACCEPTED, **housing), -1
        ),
        # 云中镇 must reply: ten days past.
        overdue_10=due(take(city, open_matter(register, title="超期十日"), to=Matter.Status.ACCEPTED), -10),
        # 住建局 must reply: four days to go, one day outside the window.
        later=due(
            take(city, open_matter(register, title="四日后到期"), to=Matter.Status.ACCEPTED, **housing), 4
        ),
        # Replied: no current deadline.
        none=take(city, open_matter(register, title="已答复"), to=Matter.Status.REPLIED),
        # Rejected after its deadline was set: the workflow has ended.
        ended=ended,
    )
