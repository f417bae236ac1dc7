"""The interface is Chinese whatever the browser asks for, until the user picks another language."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

LOGIN = reverse("accounts:login")


@pytest.fixture
def english_compiled():
    if not (Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.mo").exists():
        pytest.fail("locale/en/LC_MESSAGES/django.mo is missing: run `make messages` (compilemessages) first")


def test_it_shows_chinese_to_a_browser_set_to_english(client, db):
    response = client.get(LOGIN, headers={"accept-language": "en-US,en;q=0.9"})
    page = response.content.decode()
    assert '<html lang="zh-hans">' in page
    assert "登录民声" in page
    assert "Sign in" not in page


def test_it_shows_chinese_without_any_language_preference(client, db):
    page = client.get(LOGIN).content.decode()
    assert '<html lang="zh-hans">' in page
    assert "用户名" in page


def test_it_switches_to_english_when_the_user_picks_it(client, db, english_compiled):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    assert response["Location"] == LOGIN

    page = client.get(LOGIN, headers={"accept-language": "zh-CN"}).content.decode()
    assert '<html lang="en">' in page
    assert "Sign in to Minsheng" in page
    assert "Username" in page
    assert "登录民声" not in page


def test_it_switches_back_to_chinese(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    client.post(reverse("set_language"), {"language": "zh-hans", "next": LOGIN})
    page = client.get(LOGIN).content.decode()
    assert '<html lang="zh-hans">' in page
    assert "登录民声" in page


def test_it_ignores_a_language_cookie_it_does_not_offer(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(LOGIN).content.decode()
    assert '<html lang="zh-hans">' in page
    assert "登录民声" in page


def test_it_shows_the_locked_out_page_in_english_to_an_english_user(client, db, english_compiled):
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    for n in range(5):
        response = client.post(LOGIN, {"username": "somebody", "password": f"wrong-{n}"})
    assert response.status_code == 429
    assert "Account temporarily locked" in response.content.decode()
