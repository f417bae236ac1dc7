"""Every event's default text renders with its own placeholders, fits an SMS, and refuses unknown ones;
the bureau's override (MessageTemplate, edited in the admin) wins and is validated the same way."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.notifications.catalogue import EVENTS, TemplateError, render_text, template_errors
from minsheng.notifications.models import MessageTemplate
from minsheng.notifications.services import message_render, query_hint

SAMPLE = {
    "matter_number": "怀信〔2026〕1234号",
    "unit": "怀仁市住房和城乡建设局",
    "due_on": "2026年12月31日",
    "window_end": "2026年12月31日",
    "days_left": 3,
    "query_code": "K7Q2M9XW4P",
    "password": "58302716",
}


@pytest.mark.parametrize("code", sorted(c for c, spec in EVENTS.items() if spec.audience == "petitioner"))
def test_it_renders_each_default_text_short_enough_for_an_sms(db, code):
    values = {**SAMPLE, "query_hint": query_hint()}

    subject, text = message_render(event=code, channel="sms", values=values)

    assert "{" not in text and "}" not in text and "{" not in subject
    assert SAMPLE["matter_number"] in text or code == "portal_credentials"
    assert len(text) <= 120, f"{code}: {len(text)} characters"
    assert template_errors(EVENTS[code], EVENTS[code].text) == []


def test_it_renders_the_staff_message_about_an_undelivered_sms(db):
    values = {
        "matter_number": "怀信〔2026〕1234号",
        "message": "已受理",
        "attempts": 5,
        "address": "139****5678",
    }

    subject, text = message_render(event="delivery_failed", channel="in_app", values=values)

    assert subject == "短信未送达：信访事项怀信〔2026〕1234号"
    assert text.startswith("信访事项怀信〔2026〕1234号的“已受理”短信经5次尝试仍未送达信访人（139****5678）")


def test_it_fails_loudly_on_an_unknown_placeholder_or_a_missing_value():
    spec = EVENTS["accepted"]

    with pytest.raises(TemplateError, match=r"unknown placeholder \{untis\}"):
        render_text(spec, "由{untis}受理", SAMPLE)
    with pytest.raises(TemplateError, match=r"unknown placeholder \{matter\.title\}"):
        render_text(spec, "{matter.title}", SAMPLE)
    with pytest.raises(TemplateError, match=r"no value for placeholder \{due_on\}"):
        render_text(spec, "期限{due_on}", {"matter_number": "1"})
    with pytest.raises(TemplateError, match="unbalanced"):
        render_text(spec, "期限{due_on", SAMPLE)


def test_it_ends_messages_with_the_portal_address_when_there_is_one(db, settings):
    settings.NOTIFICATION_PORTAL_URL = "https://xf.huairen.gov.cn/public/"

    assert query_hint() == "详情可凭查询码登录 https://xf.huairen.gov.cn/public/ 查询。"


def test_it_puts_the_closing_line_under_an_email(db):
    subject, text = message_render(event="replied", channel="email", values={**SAMPLE, "query_hint": ""})

    assert subject == "信访事项怀信〔2026〕1234号已答复"
    assert text.endswith("\n\n本邮件由系统自动发送，请勿直接回复。")


def test_it_uses_the_bureaus_override_over_the_default(db):
    MessageTemplate.objects.create(
        event="accepted", channel="sms", body="【怀仁信访】{matter_number}已受理，请留意书面告知。"
    )
    MessageTemplate.objects.create(
        event="rejected", channel="sms", body="停用的模板{matter_number}", is_active=False
    )

    _, accepted = message_render(event="accepted", channel="sms", values={**SAMPLE, "query_hint": ""})
    _, rejected = message_render(event="rejected", channel="sms", values={**SAMPLE, "query_hint": ""})

    assert accepted == "【怀仁信访】怀信〔2026〕1234号已受理，请留意书面告知。"
    assert rejected.startswith("您的信访事项怀信〔2026〕1234号经")


def test_it_refuses_an_override_with_an_unknown_placeholder_in_chinese(db):
    template = MessageTemplate(
        event="accepted", channel="sms", body="{matter_number}已由{unit}受理，联系人{handler_phone}"
    )

    with pytest.raises(ValidationError) as caught:
        template.full_clean()

    (message,) = caught.value.message_dict["body"]
    assert message.startswith("不能使用占位符 {handler_phone}；本事件可用的占位符：{matter_number}, {unit}")


def test_it_refuses_an_override_that_drops_a_required_placeholder_or_formats_one(db):
    dropped = MessageTemplate(event="portal_credentials", channel="sms", body="查询码{query_code}")
    formatted = MessageTemplate(event="accepted", channel="sms", body="{matter_number}，期限{due_on:%Y}")
    braces = MessageTemplate(event="accepted", channel="sms", body="{matter_number}}")

    for template, expected in (
        (dropped, "缺少必需的占位符：{password}"),
        (formatted, "占位符不能带格式说明"),
        (braces, "花括号不配对"),
    ):
        with pytest.raises(ValidationError) as caught:
            template.full_clean()
        assert any(expected in m for m in caught.value.message_dict["body"]), caught.value.message_dict


def test_the_admin_refuses_an_unknown_placeholder_and_saves_a_good_override(client, city):
    client.force_login(city.admin)
    url = "/admin/notifications/messagetemplate/add/"
    data = {"event": "replied", "channel": "sms", "subject": "", "is_active": "on"}

    bad = client.post(url, {**data, "body": "{matter_number}已答复，{petitioner_name}请查收"})

    assert bad.status_code == 200
    assert "不能使用占位符 {petitioner_name}" in bad.content.decode()
    assert not MessageTemplate.objects.exists()

    good = client.post(url, {**data, "body": "{matter_number}已答复，请于{window_end}前决定是否请求复查"})

    assert good.status_code == 302
    saved = MessageTemplate.objects.get()
    assert (saved.event, saved.updated_by) == ("replied", city.admin)


def test_a_broken_override_saved_past_validation_falls_back_to_the_default(db, caplog):
    MessageTemplate.objects.create(event="accepted", channel="sms", body="{matter_number}{nonsense}")

    _, text = message_render(event="accepted", channel="sms", values={**SAMPLE, "query_hint": ""})

    assert text.startswith("您的信访事项怀信〔2026〕1234号已由")
