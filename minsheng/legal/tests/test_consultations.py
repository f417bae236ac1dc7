"""The free legal consultation log: anonymous allowed, phone encrypted, filters and counts."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.audit.models import AuditEntry
from minsheng.legal import selectors, services
from minsheng.legal.models import Consultation, LegalEvent
from minsheng.petitions.models import MatterEvent


def today() -> dt.date:
    return timezone.localdate()


def consult(actor, **extra):
    values = {
        "consulted_on": today(),
        "topic": "labour",
        "question": "工地拖欠工资，包工头失联，找谁要？",
        "advice": "可向劳动保障监察机构投诉，或申请劳动仲裁；总承包单位应先行清偿。",
    }
    values.update(extra)
    return services.consultation_record(actor=actor, **values)


def test_a_lawyer_logs_an_anonymous_consultation_at_the_centre(city, firm):
    consultation = consult(firm.zhang)

    assert consultation.is_anonymous and consultation.person_name == ""
    assert consultation.lawyer == firm.zhang
    assert consultation.organisation == city.bureau
    assert consultation.phone_encrypted == "" and consultation.phone_masked == ""


def test_a_phone_number_is_encrypted_shown_masked_and_revealed_with_a_log_entry(city, firm):
    consultation = consult(firm.zhang, person_name="赵大爷", phone_number="139 1234 5678")

    stored = Consultation.objects.get(pk=consultation.pk)
    assert "13912345678" not in stored.phone_encrypted
    assert stored.phone_masked == "139****5678"
    assert services.consultation_phone_reveal(actor=city.registrar, consultation=stored) == "13912345678"
    assert services.consultation_phone_reveal(actor=firm.zhang, consultation=stored) == "13912345678"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PERSONAL_DATA_VIEW).count() == 2
    for actor in (firm.wang, city.leader):
        with pytest.raises(PermissionDenied):
            services.consultation_phone_reveal(actor=actor, consultation=stored)


def test_the_keys_can_be_rotated_without_losing_a_number(settings, firm):
    from cryptography.fernet import Fernet

    consultation = consult(firm.zhang, phone_number="13800001111")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.FIELD_ENCRYPTION_KEYS]

    assert services.consultations_rotate_keys() == 1
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    assert Consultation.objects.get(pk=consultation.pk).phone_masked == "138****1111"


def test_staff_log_a_lawyers_consultation_at_their_township_and_link_a_matter(city, register, firm):
    matter = register(actor=city.yunzhong_registrar).matter

    consultation = consult(city.yunzhong_registrar, lawyer=firm.wang, matter=matter, topic="land")

    assert consultation.organisation == city.yunzhong and consultation.lawyer == firm.wang
    event = MatterEvent.objects.get(matter=matter, kind=LegalEvent.LEGAL_CONSULTATION)
    assert "律师 王芳律师 解答法律咨询（土地承包与征地补偿）" in event.note


def test_many_a_day_counted_and_filtered_by_period_lawyer_and_topic(city, firm):
    for _ in range(3):
        consult(firm.zhang)
    consult(firm.wang, topic="marriage")
    consult(firm.wang, topic="marriage", consulted_on=today() - dt.timedelta(days=40))

    everything = selectors.consultation_list(user=city.supervisor, filters=selectors.ConsultationFilters())
    recent = selectors.consultation_list(
        user=city.supervisor,
        filters=selectors.ConsultationFilters(
            consulted_from=today() - dt.timedelta(days=7), consulted_to=today()
        ),
    )
    by_wang = selectors.ConsultationFilters(lawyer=firm.wang, topic="marriage")

    assert everything.count() == 5 and recent.count() == 4
    assert selectors.consultation_topic_counts(recent) == {"labour": 3, "marriage": 1}
    assert selectors.consultation_list(user=city.supervisor, filters=by_wang).count() == 2
    assert selectors.consultations_visible_to(user=firm.zhang).count() == 3
    assert selectors.consultations_visible_to(user=city.yunzhong_handler).count() == 0


def test_a_lawyer_links_only_a_matter_of_their_own_active_assignment(register, claim, firm, active):
    other = register(title="另一件事项").matter

    linked = consult(firm.zhang, matter=claim)
    with pytest.raises(ValidationError) as caught:
        consult(firm.zhang, matter=other)

    assert linked.matter == claim
    assert caught.value.message_dict["matter"] == ["找不到该事项，或您无权查看"]


@pytest.mark.parametrize(
    ("extra", "key", "message"),
    [
        ({"question": ""}, "question", "请填写咨询问题"),
        ({"advice": " "}, "advice", "请填写解答意见"),
        ({"question": "问" * 501}, "question", "咨询问题不能超过 500 个字"),
        ({"topic": "weather"}, "topic", "请选择咨询类别"),
        ({"phone_number": "12345"}, "phone", "电话号码格式不正确：手机号为 11 位数字，固定电话请带区号"),
        ({"consulted_on": today() + dt.timedelta(days=1)}, "consulted_on", "咨询日期不能晚于今天"),
        ({"person_name": "名" * 51}, "person_name", "咨询人不能超过 50 个字"),
    ],
)
def test_it_refuses_bad_input_and_logs_nothing(firm, extra, key, message):
    with pytest.raises(ValidationError) as caught:
        consult(firm.zhang, **extra)

    assert caught.value.message_dict[key] == [message]
    assert Consultation.objects.count() == 0


def test_a_lawyer_logs_only_their_own_and_staff_must_name_the_lawyer(city, firm):
    with pytest.raises(ValidationError) as caught:
        consult(firm.zhang, lawyer=firm.wang)
    assert caught.value.message_dict["lawyer"] == ["律师只能记录本人解答的咨询"]
    with pytest.raises(ValidationError) as caught:
        consult(city.registrar)
    assert caught.value.message_dict["lawyer"] == ["请选择律师"]


def test_staff_cannot_log_at_an_organisation_outside_their_scope(city, firm):
    with pytest.raises(ValidationError) as caught:
        consult(city.yunzhong_registrar, lawyer=firm.zhang, organisation=city.jinshatan)

    assert caught.value.message_dict["organisation"] == ["请选择您可以记录的咨询地点"]


@pytest.mark.parametrize("who", ["yunzhong_handler", "leader"])
def test_handlers_and_leaders_do_not_log_consultations(city, firm, who):
    with pytest.raises(PermissionDenied):
        consult(getattr(city, who), lawyer=firm.zhang)
