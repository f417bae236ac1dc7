"""Portal fixtures: a citizen's valid form, and a way to file it through the real pages."""

import io
import re

import pytest

from minsheng.conftest import make_id_number
from minsheng.portal import botcheck

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%fake but starts like one\n"


@pytest.fixture(autouse=True)
def _portal_settings(settings, tmp_path):
    settings.PORTAL_MIN_FILL_SECONDS = 0
    settings.PORTAL_FAILURE_DELAY_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


def bot_fields(client, url: str = "/public/submit/") -> dict:
    """Answer the question the form shows, as a person would."""
    page = client.get(url).content.decode()
    token = re.search(r'name="bot_token" value="([^"]+)"', page).group(1)
    question = re.search(r"请回答（填数字）：(.)加(.)等于几？", page)
    a, b = (botcheck.DIGITS.index(ch) for ch in question.groups())
    return {"bot_token": token, "bot_answer": str(a + b), "website": ""}


@pytest.fixture
def citizen(city):
    """A valid filled-in form (the city fixture provides the bureau and the townships)."""

    def _fields(**overrides):
        fields = {
            "name": "张秀英",
            "id_number": make_id_number(birth="19520304", sequence="462"),
            "phone": "13812345678",
            "address": "云中镇东关村三组",
            "title": "村里道路损坏多年未修",
            "content": "东关村通往镇上的道路坑洼多年，雨天无法通行，老人孩子出行困难。",
            "demands": "请求尽快维修道路",
            "township": str(city.yunzhong.pk),
            "place": "东关村",
        }
        fields.update(overrides)
        return fields

    return _fields


def upload(name: str, content: bytes):
    f = io.BytesIO(content)
    f.name = name
    return f


@pytest.fixture
def file_online(client, citizen):
    """Fill in, confirm, and return the response of step 3 (with the code and password)."""

    def _file(files=(), **overrides):
        data = {**citizen(**overrides), **bot_fields(client)}
        if files:
            data["files"] = list(files)
        step1 = client.post("/public/submit/", data)
        assert step1.status_code == 302, step1.content.decode()[:3000]
        return client.post("/public/submit/confirm/")

    return _file


def credentials(response) -> tuple[str, str]:
    page = response.content.decode()
    code = re.search(r'id="query-code">([^<]+)<', page).group(1)
    password = re.search(r'id="query-password">([^<]+)<', page).group(1)
    return code, password
