"""Fixtures shared by every app's tests: a small city with each kind of organisation and a user per role.

Built through the real services, so the tests exercise the same paths as the application.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import api_token_create, organisation_create, user_create
from minsheng.lib.idnumber import check_character
from minsheng.petitions import services as petition_services
from minsheng.petitions.models import Channel

PASSWORD = "Minsheng@2026"


class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    """Real argon2, with parameters small enough that a fixture with ten users does not take seconds.

    Production keeps Django's defaults (100 MiB, 2 passes, 8 lanes)."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@pytest.fixture(autouse=True)
def _cheap_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["minsheng.conftest.CheapArgon2PasswordHasher", *settings.PASSWORD_HASHERS]


def make_id_number(region: str = "140624", birth: str = "19800101", sequence: str = "123") -> str:
    first = region + birth + sequence
    return first + check_character(first)


@pytest.fixture
def shared_data() -> Path:
    """The real public data in ../shared/data; tests that need it skip cleanly without it."""
    path = Path(settings.SHARED_DATA_DIR)
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}; these tests read the real public data from it")
    return path


class City:
    """Namespace of the organisations and users of the test city."""


@pytest.fixture
def city(db) -> City:
    c = City()
    c.root = organisation_create(name="怀仁市", kind=Organisation.Kind.CITY, region_code="140624")
    c.leadership = organisation_create(
        name="怀仁市人民政府", kind=Organisation.Kind.LEADERSHIP, parent=c.root
    )
    c.bureau = organisation_create(
        name="怀仁市信访局", kind=Organisation.Kind.PETITION_BUREAU, parent=c.root, number_prefix="怀信"
    )
    c.housing = organisation_create(
        name="怀仁市住房和城乡建设局",
        short_name="住建局",
        kind=Organisation.Kind.DEPARTMENT,
        parent=c.root,
        number_prefix="怀住建信",
    )
    c.discipline = organisation_create(name="市纪委监委", kind=Organisation.Kind.DISCIPLINE, parent=c.root)
    c.yunzhong = organisation_create(
        name="云中镇",
        kind=Organisation.Kind.TOWNSHIP,
        parent=c.root,
        region_code="140624100",
        number_prefix="云中信",
    )
    c.yunzhong_village = organisation_create(
        name="东关村", kind=Organisation.Kind.VILLAGE, parent=c.yunzhong, region_code="140624100201"
    )
    c.jinshatan = organisation_create(
        name="金沙滩镇",
        kind=Organisation.Kind.TOWNSHIP,
        parent=c.root,
        region_code="140624101",
        number_prefix="金沙信",
    )
    c.jinshatan_village = organisation_create(
        name="西村", kind=Organisation.Kind.VILLAGE, parent=c.jinshatan, region_code="140624101201"
    )

    def user(username, role, organisation, **extra):
        return user_create(
            username=username,
            password=PASSWORD,
            full_name=username,
            role=role,
            organisation=organisation,
            **extra,
        )

    c.registrar = user("dengji", Role.REGISTRAR, c.bureau)
    c.supervisor = user("duban", Role.SUPERVISOR, c.bureau)
    c.leader = user("lingdao", Role.LEADER, c.leadership)
    c.yunzhong_registrar = user("yz_dengji", Role.REGISTRAR, c.yunzhong)
    c.yunzhong_handler = user("yz_chengban", Role.HANDLER, c.yunzhong)
    c.jinshatan_handler = user("jst_chengban", Role.HANDLER, c.jinshatan)
    c.housing_handler = user("zj_chengban", Role.HANDLER, c.housing)
    c.discipline_handler = user("jw_chengban", Role.HANDLER, c.discipline)
    c.lawyer = user("lvshi", Role.LAWYER, c.root)
    c.admin = user("admin", Role.ADMIN, c.bureau, is_staff=True, is_superuser=True)
    return c


@pytest.fixture
def register(city):
    """Register a submission through the service with sensible defaults; override any field."""

    def _register(actor=None, petitioners=None, **fields):
        actor = actor or city.registrar
        defaults = {
            "channel": Channel.VISIT,
            "received_at": timezone.now() - dt.timedelta(hours=1),
            "receiving_org": actor.organisation,
            "title": "反映征地拆迁补偿款未发放",
            "content": "本人房屋于去年被征收，补偿款至今未发放到位。",
            "demands": "请求尽快发放补偿款",
            "head_count": 1,
        }
        defaults.update(fields)
        if petitioners is None:
            petitioners = [
                petition_services.PetitionerEntry(
                    name="李桂兰", id_number=make_id_number(), phone="13912345678", address="云中镇东关村"
                )
            ]
        return petition_services.submission_register(actor=actor, petitioners=petitioners, **defaults)

    return _register


@pytest.fixture
def api_client_for(client):
    """A Django test client that authenticates API calls with a bearer token of the given user."""
    from django.test import Client

    def _for(user):
        _token, raw = api_token_create(user=user, name="test")
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    return _for


CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser build."""
    import os

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around
    # it are still synchronous, so Django's async-safety guard does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser, live_server):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    yield page
    context.close()


def browser_switch_user(page, username: str, password: str = PASSWORD) -> None:
    """Log out by forgetting the cookies, then log in as `username`. The page is left first, so that a
    request still in flight (an htmx box loading) cannot set the previous user's session cookie again
    after the cookies were cleared."""
    page.goto("about:blank")
    page.context.clear_cookies()
    browser_login(page, username, password)


_HTMX_QUIET = """(quiet) => {
  const state = window.__htmxQuiet || (window.__htmxQuiet = (() => {
    const s = { last: Date.now() };
    const touch = () => { s.last = Date.now(); };
    for (const name of ["input", "change", "htmx:beforeRequest", "htmx:afterRequest"]) {
      document.addEventListener(name, touch, true);
    }
    return s;
  })());
  // htmx marks an element with .htmx-request while its request is in flight.
  return !document.querySelector(".htmx-request") && Date.now() - state.last > quiet;
}"""


def browser_htmx_settle(page, quiet_ms: int = 1000) -> None:
    """Wait until the page's htmx boxes have answered and nothing was typed or asked for `quiet_ms`
    (longer than the boxes' 700 ms typing delay). Submitting while a box's request is in flight makes
    two requests at once, which the test server's shared in-memory SQLite connection cannot serve."""
    page.wait_for_function(_HTMX_QUIET, arg=quiet_ms, polling=100)


def browser_login(page, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")
