"""Fixtures for the reception tests, on top of the city in minsheng/conftest.py."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD
from minsheng.reception import services
from minsheng.reception.models import Kind


@pytest.fixture
def leaders(city):
    """Three leaders of the city's leading bodies with their posts, and the fixture's own leader."""
    party = organisation_create(name="中共怀仁市委", kind=Organisation.Kind.LEADERSHIP, parent=city.root)
    city.leader.full_name, city.leader.title = "刘振华", "副市长"
    city.leader.phone = "13800001111"
    city.leader.save()

    def leader(username, name, title, organisation):
        return user_create(
            username=username,
            password=PASSWORD,
            full_name=name,
            role=Role.LEADER,
            organisation=organisation,
            title=title,
            phone="13900002222",
        )

    return SimpleNamespace(
        liu=city.leader,
        wang=leader("lingdao_wang", "王建华", "市委副书记", party),
        zhao=leader("lingdao_zhao", "赵瑞平", "市人大常委会副主任", party),
    )


@pytest.fixture
def today_session(city, leaders):
    """Today's session at the visitor service centre, opened from today's reception day."""
    day = services.reception_day_plan(
        actor=city.supervisor, kind=Kind.CENTRE, leader=leaders.liu, date=timezone.localdate()
    )
    return services.reception_session_record(actor=city.registrar, day=day)


@pytest.fixture
def past_session(city, leaders):
    """A session held at the centre three days ago, recorded afterwards."""
    return services.reception_session_record(
        actor=city.registrar,
        leader=leaders.wang,
        held_on=timezone.localdate() - dt.timedelta(days=3),
        kind=Kind.CENTRE,
        started_at=dt.time(9, 0),
    )
