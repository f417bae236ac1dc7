"""Recording an instruction: one task per unit, timeline events, the units told; bad input refused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.accounts.services import user_create
from minsheng.conftest import PASSWORD
from minsheng.instructions.models import Instruction, InstructionTask
from minsheng.notifications.models import Notification
from minsheng.petitions.models import MatterEvent, Nature


def test_an_instruction_opens_a_task_per_unit_with_its_deadline(city, issue, register):
    matter = register().matter

    instruction = issue(matters=[matter])

    assert instruction.number == f"批示〔{timezone.localdate().year}〕1号"
    assert instruction.status == Instruction.Status.OPEN and instruction.organisation == city.root
    assert {(t.organisation, t.due_on) for t in instruction.tasks.all()} == {
        (city.yunzhong, instruction.due_on),
        (city.housing, instruction.due_on),
    }
    event = matter.events.get(kind="instruction_issued")
    assert instruction.number in event.note and "云中镇、怀仁市住房和城乡建设局" in event.note
    assert issue().number.endswith("2号")


def test_the_units_handlers_are_told_in_the_system_and_by_sms_without_the_text(city, issue):
    city.yunzhong_handler.phone = "13611112222"
    city.yunzhong_handler.save()

    instruction = issue()

    inbox = Notification.objects.get(recipient=city.yunzhong_handler, channel="in_app")
    assert instruction.text[:10] in inbox.body
    sms = Notification.objects.get(recipient=city.yunzhong_handler, channel="sms")
    assert instruction.number in sms.body and "补偿款" not in sms.body
    assert not Notification.objects.filter(recipient=city.jinshatan_handler).exists()


def test_a_leader_records_their_own_instruction_but_not_another_leaders(city, issue):
    own = issue(actor=city.leader)
    assert own.recorded_by == city.leader

    other = user_create(
        username="lingdao_sun",
        password=PASSWORD,
        full_name="孙美玲",
        role=Role.LEADER,
        organisation=city.leadership,
    )
    with pytest.raises(ValidationError) as caught:
        issue(actor=city.leader, leader=other)
    assert caught.value.message_dict["leader"] == ["领导只能录入本人的批示"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": "  "}, "text", "请填写批示内容"),
        ({"text": "批" * 5001}, "text", "批示内容不能超过 5000 个字"),
        ({"units": []}, "units", "请选择至少一个承办单位"),
        ({"due_on": -1}, "due_on", "期限不能早于批示日期"),
        ({"due_on": 400}, "due_on", "办理期限不能超过批示日期后一年"),
        ({"due_on": None}, "due_on", "请填写办理期限"),
        ({"issued_on": None}, "issued_on", "请填写批示日期"),
        ({"issued_on": "tomorrow"}, "issued_on", "批示日期不能晚于今天"),
        ({"leader": "registrar"}, "leader", "不是领导机关的领导"),
        ({"leader": None}, "leader", "请选择领导"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(city, issue, fields, field, message):
    today = timezone.localdate()
    if isinstance(fields.get("due_on"), int):
        fields["due_on"] = today + dt.timedelta(days=fields["due_on"])
    if fields.get("issued_on") == "tomorrow":
        fields["issued_on"] = today + dt.timedelta(days=1)
    if fields.get("leader") == "registrar":
        fields["leader"] = city.registrar

    with pytest.raises(ValidationError) as caught:
        issue(**fields)

    assert message in caught.value.message_dict[field][0]
    assert not Instruction.objects.exists() and not InstructionTask.objects.exists()
    assert not Notification.objects.exists()


def test_units_must_be_able_to_act_and_be_active(city, issue):
    city.jinshatan.is_active = False
    city.jinshatan.save()

    with pytest.raises(ValidationError) as caught:
        issue(units=[city.leadership, city.jinshatan])

    messages = caught.value.message_dict["units"]
    assert "怀仁市人民政府 不能作为承办单位" in messages and "金沙滩镇 已停用" in messages


def test_matters_must_be_visible_to_whoever_records(city, issue, register):
    hidden = register(actor=city.registrar, concerned_org=city.jinshatan).matter

    with pytest.raises(ValidationError) as caught:
        issue(actor=city.yunzhong_registrar, matters=[hidden])

    assert "找不到信访事项" in caught.value.message_dict["matters"][0]


def test_a_township_registrar_cannot_record_a_city_leaders_instruction(city, issue):
    with pytest.raises(ValidationError) as caught:
        issue(actor=city.yunzhong_registrar)

    assert caught.value.message_dict["leader"] == ["只能录入本辖区领导的批示"]


def test_an_accusation_is_never_given_to_the_accused_unit_or_below_it(city, issue, register):
    accusation = register(nature=Nature.ACCUSATION, concerned_org=city.yunzhong).matter

    with pytest.raises(ValidationError) as caught:
        issue(matters=[accusation], units=[city.discipline, city.yunzhong_village])

    assert "第三十条" in caught.value.message_dict["units"][0]
    assert not MatterEvent.objects.filter(kind="instruction_issued").exists()
    issue(matters=[accusation], units=[city.discipline])


def test_handlers_lawyers_and_members_cannot_record_instructions(city, issue):
    for actor in (city.yunzhong_handler, city.lawyer):
        with pytest.raises(PermissionDenied):
            issue(actor=actor)
    assert not Instruction.objects.exists()
