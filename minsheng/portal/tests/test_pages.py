import datetime as dt
import logging
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from minsheng.petitions import services as petitions
from minsheng.petitions.models import Channel, Matter
from minsheng.petitions.tests.workflow_steps import reply_parts

from .conftest import PNG, bot_fields, credentials, upload

pytestmark = pytest.mark.django_db


def test_the_home_page_has_every_entry_point(client):
    page = client.get("/public/").content.decode()
    main = page[page.index('<ul class="entries">') :]
    for label, name in [
        ("我要信访", "portal:submit"),
        ("查询办理进度", "portal:track"),
        ("领导接访安排", "reception:schedule"),
        ("信访指南", "policies:guide"),
        ("政策法规", "policies:library"),
        ("常见问题", "policies:faq"),
    ]:
        assert f'href="{reverse(name)}">{label}<small>' in main


def test_the_home_page_shows_the_bureaus_contact_from_the_one_setting(client, settings):
    page = client.get("/public/").content.decode()
    assert "演示信息" in page
    settings.PETITION_BUREAU_CONTACT = {
        "visit_place": "怀仁市群众来访接待大厅",
        "visit_address": "怀仁市开发路 8 号",
        "phone": "0349-6021234",
    }
    page = client.get("/public/").content.decode()
    assert "怀仁市群众来访接待大厅（怀仁市开发路 8 号）" in page and 'href="tel:0349-6021234"' in page
    assert "演示信息" not in page


def test_portal_pages_carry_the_security_headers(client):
    response = client.get("/public/submit/")
    assert response["Cache-Control"].startswith("no-store")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_forms_refuse_a_post_without_the_csrf_token(city, citizen):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/public/submit/", citizen()).status_code == 403
    assert strict.post("/public/track/", {"query_code": "X", "password": "1"}).status_code == 403


def test_large_type_is_remembered_without_javascript(client):
    response = client.post("/public/large-type/", {"next": "/public/track/"})
    assert response.status_code == 302 and response.url == "/public/track/"
    assert response.cookies["portal_large_type"].value == "1"
    page = client.get("/public/track/").content.decode()
    assert '<html lang="zh-hans" class="large-type">' in page
    off = client.post("/public/large-type/", {"next": "https://evil.example/"})
    assert off.url == "/public/" and off.cookies["portal_large_type"].value == "0"


def test_the_submission_limit_per_address(client, citizen, settings):
    settings.PORTAL_SUBMIT_IP_LIMIT = (1, dt.timedelta(hours=1), dt.timedelta(hours=1))
    client.post("/public/submit/", {**citizen(), **bot_fields(client)})
    assert client.post("/public/submit/confirm/").status_code == 200
    blocked = client.post("/public/submit/", {**citizen(title="再来一件"), **bot_fields(client)})
    assert blocked.status_code == 429
    assert "尝试次数过多" in blocked.content.decode()


def test_the_waiting_files_are_removed_once_submitted(client, citizen, settings):
    data = {**citizen(), **bot_fields(client), "files": [upload("照片.png", PNG)]}
    client.post("/public/submit/", data)
    waiting = Path(settings.MEDIA_ROOT) / "portal-pending"
    assert len(list(waiting.iterdir())) == 1
    client.post("/public/submit/confirm/")
    assert list(waiting.iterdir()) == []
    assert Matter.objects.get().attachments.count() == 1


def test_going_back_keeps_what_was_typed_and_the_files(client, citizen):
    client.post("/public/submit/", {**citizen(), **bot_fields(client), "files": [upload("照片.png", PNG)]})
    page = client.get("/public/submit/?edit=1").content.decode()
    assert 'value="村里道路损坏多年未修"' in page and "已选好 1 个文件" in page
    client.post(
        "/public/submit/", {**citizen(title="改过的标题"), **bot_fields(client, "/public/submit/?edit=1")}
    )
    client.post("/public/submit/confirm/")
    matter = Matter.objects.get()
    assert matter.title == "改过的标题" and matter.attachments.count() == 1


def test_staff_see_an_online_matter_and_its_reply_reaches_the_track_page(client, city, file_online):
    code, password = credentials(file_online())
    matter = Matter.objects.get()
    client.force_login(city.registrar)
    listing = client.get("/matters/").content.decode()
    assert matter.title in listing and "网上信访" in listing
    detail = client.get(f"/matters/{matter.pk}/")
    assert detail.status_code == 200 and "网上信访：查询码已发放" in detail.content.decode()
    client.logout()
    today = dt.date.today()
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=today
    )
    petitions.matter_accept(actor=city.yunzhong_handler, matter=matter, on=today)
    petitions.matter_reply(actor=city.yunzhong_handler, matter=matter, served_on=today, **reply_parts())
    client.post("/public/track/", {"query_code": code, "password": password})
    page = client.get("/public/track/matter/").content.decode()
    assert "责成镇财政所" in page
    for notice in matter.notices.all():
        shown = f"/public/track/notices/{notice.pk}/" in page
        # The transfer form goes from the bureau to the township, not to the petitioner.
        assert shown == (notice.kind != "transfer_form"), notice.kind
        assert client.get(f"/public/track/notices/{notice.pk}/").status_code == (200 if shown else 404)


def test_the_petitions_online_paths_refuse_a_staff_actor(city, register):
    matter = register().matter
    with pytest.raises(PermissionDenied):
        petitions.submission_register(
            actor=city.registrar,
            by_petitioner_online=True,
            channel=Channel.ONLINE,
            received_at=None,
            receiving_org=city.bureau,
            petitioners=[],
            title="t",
            content="c",
        )
    with pytest.raises(PermissionDenied):
        petitions.matter_rate(
            actor=city.registrar, matter=matter, value="satisfied", by_petitioner_online=True
        )
    with pytest.raises(PermissionDenied):
        petitions.reconsideration_request(
            actor=None, matter=matter, stage="review", requested_on=dt.date.today(), by_petitioner_online=True
        )
    # Without the online flag there is no way in without a staff account.
    with pytest.raises(PermissionDenied):
        petitions.submission_register(
            actor=None,
            channel=Channel.ONLINE,
            received_at=None,
            receiving_org=city.bureau,
            petitioners=[],
            title="t",
            content="c",
        )


def test_failed_queries_log_no_code_or_password(client, city, file_online, caplog):
    code, password = credentials(file_online())
    caplog.set_level(logging.DEBUG)
    client.post("/public/track/", {"query_code": code, "password": "99999999"})
    client.post("/public/track/", {"query_code": code, "password": password})
    assert code not in caplog.text and code.replace(" ", "") not in caplog.text
    assert password not in caplog.text and "99999999" not in caplog.text
    assert django_settings.SESSION_COOKIE_HTTPONLY
