import logging

import pytest
from django.contrib.auth.hashers import check_password

from minsheng.petitions.models import Attachment, Channel, Matter, MatterEvent
from minsheng.portal.models import OnlineAccess
from minsheng.portal.services import CODE_ALPHABET, normalise_code

from .conftest import PDF, PNG, bot_fields, credentials, upload

pytestmark = pytest.mark.django_db


def test_it_registers_an_online_matter_at_the_bureau_and_shows_the_code_once(client, city, file_online):
    response = file_online(files=[upload("路面.png", PNG), upload("材料.pdf", PDF)])
    assert response.status_code == 200
    code, password = credentials(response)
    matter = Matter.objects.get()
    assert matter.first_channel == Channel.ONLINE
    assert matter.receiving_org == city.bureau
    assert matter.concerned_org is None  # the bureau decides that when routing (Art 30)
    assert matter.place == "云中镇东关村"
    assert matter.registered_by is None
    assert matter.submissions.get().petitioners.get().name == "张秀英"
    assert Attachment.objects.filter(matter=matter).count() == 2
    access = OnlineAccess.objects.get()
    raw_code = normalise_code(code)
    assert len(raw_code) == 12 and set(raw_code) <= set(CODE_ALPHABET)
    assert access.query_code == raw_code
    assert password not in access.password_hash and check_password(password, access.password_hash)
    assert "请记下或截图保存" in response.content.decode()
    # Shown once: the confirm page has nothing left to submit.
    again = client.get("/public/submit/confirm/")
    assert again.status_code == 302 and again.url == "/public/submit/"
    assert matter.events.filter(kind=MatterEvent.Kind.REGISTERED).exists()


def test_it_saves_nothing_until_the_petitioner_confirms(client, citizen):
    response = client.post("/public/submit/", {**citizen(), **bot_fields(client)})
    assert response.status_code == 302
    confirm = client.get("/public/submit/confirm/")
    page = confirm.content.decode()
    assert "村里道路损坏多年未修" in page and "确认提交" in page
    assert Matter.objects.count() == 0


def test_two_submissions_get_different_codes(client, file_online):
    first = credentials(file_online())
    second = credentials(file_online(title="另一件事"))
    assert first[0] != second[0]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "请填写姓名"),
        ("name", "张" * 51, "姓名不能超过 50 个字"),
        ("id_number", "", "请填写身份证号码"),
        ("id_number", "140624195203044620", "身份证"),
        ("phone", "", "请填写手机号码"),
        ("phone", "12345", "号码"),
        ("address", "", "请填写住址"),
        ("title", "", "请填写"),
        ("title", "字" * 201, "不能超过 200 个字"),
        ("content", "", "请填写事情经过"),
        ("demands", "", "请填写您的诉求"),
        ("place", "地" * 151, "不能超过 150 个字"),
        ("township", "999999", "选择"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, citizen, field, value, message):
    response = client.post("/public/submit/", {**citizen(**{field: value}), **bot_fields(client)})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert message in page
    assert 'id="error-summary"' in page and f'href="#id_{field}"' in page
    assert Matter.objects.count() == 0


def test_script_tags_are_shown_as_text(client, citizen):
    client.post("/public/submit/", {**citizen(title="<script>alert(1)</script>"), **bot_fields(client)})
    page = client.get("/public/submit/confirm/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("照片.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),  # a Windows program
        ("照片.jpg", b"<html><script>alert(1)</script></html>"),
        ("材料.pdf", PNG),  # a real picture under a PDF name
        ("说明.txt", b"plain text is not accepted on the portal"),
    ],
)
def test_uploads_are_checked_by_their_content(client, citizen, name, content):
    data = {**citizen(), **bot_fields(client), "files": [upload(name, content)]}
    response = client.post("/public/submit/", data)
    assert response.status_code == 400
    assert "不支持的文件类型，或文件内容与扩展名不符" in response.content.decode()
    assert Matter.objects.count() == 0


def test_a_matter_for_the_courts_is_told_its_route_and_still_registered(client, file_online):
    data_title = "不服法院判决"
    response = file_online(content="去年法院判决后对方拒不履行，想再起诉。", title=data_title)
    page = response.content.decode()
    assert response.status_code == 200
    assert "/public/library/?q=第三十一条" in page
    assert Matter.objects.get().title == data_title


def test_the_confirm_page_names_the_legal_route(client, citizen):
    client.post(
        "/public/submit/", {**citizen(content="劳动仲裁裁决下来了，单位不执行"), **bot_fields(client)}
    )
    page = client.get("/public/submit/confirm/").content.decode()
    assert 'id="legal-route"' in page and "仲裁" in page and "第三十一条" in page


def test_personal_data_never_reaches_the_logs(client, file_online, caplog):
    caplog.set_level(logging.DEBUG)
    response = file_online()
    code, password = credentials(response)
    logged = caplog.text
    for secret in ("张秀英", "13812345678", "140624195203044", normalise_code(code), password):
        assert secret not in logged


def test_the_code_and_password_are_queued_by_sms(client, file_online):
    from minsheng.notifications.models import Notification

    response = file_online()
    _code, password = credentials(response)
    matter = Matter.objects.get()
    sms = Notification.objects.get(matter=matter, event="portal_credentials")
    assert sms.channel == Notification.Channel.SMS
    # What staff can read of it never shows the password.
    assert password not in (sms.body or "") and password not in str(sms)
