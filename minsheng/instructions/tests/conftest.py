"""Fixtures for the instruction tests, on top of the city in minsheng/conftest.py."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.instructions.services import instruction_create


@pytest.fixture
def issue(city):
    """Record an instruction of the city's leader through the service; override any field."""

    def _issue(actor=None, **fields):
        arguments = {
            "leader": city.leader,
            "text": "请云中镇和住建局核实补偿款发放情况，十日内反馈。",
            "issued_on": timezone.localdate(),
            "due_on": timezone.localdate() + dt.timedelta(days=10),
            "units": [city.yunzhong, city.housing],
            **fields,
        }
        return instruction_create(actor=actor or city.supervisor, **arguments)

    return _issue


@pytest.fixture
def tasks():
    def _tasks(instruction):
        return {task.organisation.name: task for task in instruction.tasks.select_related("organisation")}

    return _tasks
