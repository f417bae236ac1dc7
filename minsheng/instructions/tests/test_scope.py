"""Who sees which instructions and tasks: the bureau all, a leader their own, a unit its own tasks."""

import pytest
from django.urls import reverse

from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.instructions.selectors import instruction_list, instruction_tasks, unit_tasks


@pytest.fixture
def two(city, issue):
    return issue(units=[city.yunzhong]), issue(units=[city.jinshatan])


def test_a_township_handler_sees_only_its_own_tasks(city, two, issue):
    shared = issue(units=[city.yunzhong, city.jinshatan])
    yunzhong, _jinshatan = two

    assert set(unit_tasks(user=city.yunzhong_handler).values_list("organisation", flat=True)) == {
        city.yunzhong.pk
    }
    assert set(instruction_list(user=city.yunzhong_handler)) == {yunzhong, shared}
    visible = list(instruction_tasks(user=city.yunzhong_handler, instruction=shared))
    assert [t.organisation for t in visible] == [city.yunzhong]


def test_the_bureau_sees_every_instruction_and_task(city, two):
    assert set(instruction_list(user=city.supervisor)) == set(Instruction.objects.all())
    assert unit_tasks(user=city.registrar).count() == InstructionTask.objects.count()


def test_a_leader_sees_their_own_instructions(city, two):
    assert set(instruction_list(user=city.leader)) == set(two)
    assert not instruction_list(user=city.housing_handler).exists()


def test_another_units_instruction_is_not_found(client, city, two):
    _yunzhong, jinshatan = two
    client.force_login(city.yunzhong_handler)

    assert client.get(reverse("instructions:instruction_detail", args=[jinshatan.pk])).status_code == 404
    task = jinshatan.tasks.get()
    response = client.post(
        reverse("instructions:task_step", args=[task.pk, "feedback"]), {"feedback": "越权反馈"}
    )
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == InstructionTask.Status.PENDING


def test_another_units_instruction_is_a_404_in_the_api(city, two, api_client_for):
    _yunzhong, jinshatan = two
    client = api_client_for(city.yunzhong_handler)

    assert client.get(f"/api/v1/instructions/{jinshatan.pk}").status_code == 404
    response = client.post(
        f"/api/v1/instruction-tasks/{jinshatan.tasks.get().pk}/feedback",
        {"feedback": "越权反馈"},
        content_type="application/json",
    )
    assert response.status_code == 404
