"""The instruction pages: the list, recording one, its page with feedback and the bureau's decision."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from minsheng.instructions.models import Instruction, InstructionTask


def login(client, user):
    client.force_login(user)
    return client


def test_the_bureau_records_an_instruction_from_the_page(client, city, register):
    matter = register().matter
    data = {
        "leader": city.leader.pk,
        "issued_on": timezone.localdate().isoformat(),
        "due_on": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        "text": "请住建局核实处理。",
        "units": [city.housing.pk],
        "matter_numbers": matter.number,
    }

    response = login(client, city.supervisor).post(reverse("instructions:instruction_create"), data)

    instruction = Instruction.objects.get()
    assert response["Location"] == reverse("instructions:instruction_detail", args=[instruction.pk])
    assert list(instruction.matters.all()) == [matter]


def test_a_bad_instruction_shows_its_errors_beside_the_fields(client, city):
    data = {
        "leader": city.leader.pk,
        "issued_on": timezone.localdate().isoformat(),
        "due_on": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "text": "",
        "matter_numbers": "怀信〔2026〕99999",
    }

    response = login(client, city.supervisor).post(reverse("instructions:instruction_create"), data)

    assert response.status_code == 422
    html = response.content.decode()
    assert "找不到信访事项 怀信〔2026〕99999" in html
    assert not Instruction.objects.exists()

    data["matter_numbers"] = ""
    html = client.post(reverse("instructions:instruction_create"), data).content.decode()
    assert "请填写批示内容" in html and "期限不能早于批示日期" in html and "请选择至少一个承办单位" in html


def test_a_handler_may_not_record_instructions(client, city):
    assert (
        login(client, city.yunzhong_handler).get(reverse("instructions:instruction_create")).status_code
        == 403
    )


def test_a_unit_feeds_back_and_the_bureau_closes_on_the_page(client, city, issue):
    instruction = issue(units=[city.yunzhong])
    task = instruction.tasks.get()

    handler = login(client, city.yunzhong_handler)
    html = handler.get(reverse("instructions:instruction_detail", args=[instruction.pk])).content.decode()
    assert "提交办理情况" in html and "办结" not in html.split("承办单位办理情况")[1].split("提交办理情况")[0]
    empty = handler.post(reverse("instructions:task_step", args=[task.pk, "feedback"]), {"feedback": ""})
    assert empty.status_code == 422 and "请填写办理情况" in empty.content.decode()
    handler.post(reverse("instructions:task_step", args=[task.pk, "feedback"]), {"feedback": "已入户核实。"})

    bureau = login(client, city.supervisor)
    html = bureau.get(reverse("instructions:instruction_detail", args=[instruction.pk])).content.decode()
    assert "已入户核实。" in html and "退回重办" in html
    bureau.post(reverse("instructions:task_step", args=[task.pk, "close"]), {"note": "同意办结"})

    task.refresh_from_db()
    instruction.refresh_from_db()
    assert task.status == InstructionTask.Status.CLOSED and instruction.status == Instruction.Status.CLOSED


def test_the_units_task_list_shows_its_pending_tasks_first(client, city, issue):
    instruction = issue(units=[city.yunzhong, city.jinshatan])

    html = login(client, city.yunzhong_handler).get(reverse("instructions:task_list")).content.decode()

    assert instruction.number in html and "云中镇" in html and "金沙滩镇" not in html
    assert "共 1 项" in html


def test_the_list_filters_by_status(client, city, issue):
    issue()

    client = login(client, city.supervisor)
    assert "共 1 件批示" in client.get(reverse("instructions:instruction_list")).content.decode()
    closed = client.get(reverse("instructions:instruction_list"), {"status": "closed"}).content.decode()
    assert "共 0 件批示" in closed


def test_the_matter_box_lists_the_instructions_about_a_matter(city, issue, register):
    from django.template.loader import render_to_string

    from minsheng.instructions.selectors import matter_instructions_box

    matter = register().matter
    instruction = issue(matters=[matter])

    html = render_to_string(
        "instructions/_matter_box.html",
        {"box": matter_instructions_box(matter=matter, user=city.yunzhong_handler)},
    )

    assert instruction.number in html and "云中镇" in html and "住房和城乡建设局" not in html
