import datetime as dt
import re

import pytest

from minsheng.conftest import CheapArgon2PasswordHasher
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Matter, MatterEvent, Rating, Reconsideration
from minsheng.petitions.tests.workflow_steps import reply_parts, set_today
from minsheng.portal.models import Throttle
from minsheng.portal.selectors import STATUS_SENTENCES
from minsheng.supervision.models import SupervisionItem

from .conftest import bot_fields, credentials

pytestmark = pytest.mark.django_db


def sign_in(client, code, password):
    return client.post("/public/track/", {"query_code": code, "password": password})


def staff_reply(city, matter, served_on):
    """The staff side, through the real services: route to 云中镇, accept, reply."""
    petitions.matter_route(
        actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong, routed_on=served_on
    )
    petitions.matter_accept(actor=city.yunzhong_handler, matter=matter, on=served_on)
    petitions.matter_reply(actor=city.yunzhong_handler, matter=matter, served_on=served_on, **reply_parts())


@pytest.fixture
def filed(client, file_online):
    code, password = credentials(file_online())
    client.cookies.clear()
    return code, password


def test_every_status_has_a_plain_sentence():
    assert set(STATUS_SENTENCES) == set(Matter.Status)


def test_the_code_opens_the_matter_in_the_session_not_the_url(client, filed):
    code, password = filed
    response = sign_in(client, code.lower().replace(" ", "-"), password)
    assert response.status_code == 302 and response.url == "/public/track/matter/"
    page = client.get(response.url)
    text = page.content.decode()
    assert "您的信访事项已经登记" in text and "怀仁市信访局" in text
    assert page["Cache-Control"].startswith("no-store")
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_wrong_and_unknown_codes_get_the_same_answer(client, filed):
    code, _password = filed
    wrong_password = sign_in(client, code, "00000000")
    unknown_code = sign_in(client, "ABCD EFGH JKMN", "00000000")
    assert wrong_password.status_code == unknown_code.status_code == 400

    def page(response, typed):
        # The CSRF token is masked afresh on every response; everything else must be identical.
        text = response.content.decode().replace(typed, "CODE")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

    assert page(wrong_password, code) == page(unknown_code, "ABCD EFGH JKMN")
    assert client.get("/public/track/matter/").url == "/public/track/"


def test_five_failures_lock_the_code_even_with_the_right_password(client, filed):
    code, password = filed
    for _attempt in range(4):
        assert sign_in(client, code, "11111111").status_code == 400
    locked = sign_in(client, code, "11111111")
    assert locked.status_code == 429
    assert "15 分钟后再试" in locked.content.decode()
    assert sign_in(client, code, password).status_code == 429
    # The table holds hashes only.
    assert all(code.replace(" ", "") not in row.key_hash for row in Throttle.objects.all())


def test_one_address_guessing_many_codes_is_locked(client, filed):
    for attempt in range(10):
        response = sign_in(client, f"GUESS{attempt:07d}", "12345678")
    assert response.status_code == 429


def test_submitting_too_often_is_limited(client, file_online, settings):
    settings.PORTAL_SUBMIT_IDENTITY_LIMIT = (2, dt.timedelta(days=1), dt.timedelta(days=1))
    assert file_online().status_code == 200
    assert file_online(title="第二件").status_code == 200
    third = file_online(title="第三件")
    assert third.status_code == 429
    assert "尝试次数过多" in third.content.decode()
    assert Matter.objects.count() == 2


def test_the_bot_check(client, citizen):
    fields = {**citizen(), **bot_fields(client)}
    wrong = client.post("/public/submit/", {**fields, "bot_answer": "99"})
    assert wrong.status_code == 400 and "验证问题的答案不对" in wrong.content.decode()
    honeypot = client.post("/public/submit/", {**fields, "website": "http://spam.example"})
    assert honeypot.status_code == 400
    forged = client.post("/public/submit/", {**fields, "bot_token": "forged"})
    assert forged.status_code == 400 and "页面已过期" in forged.content.decode()


def test_too_fast_is_a_bot(client, citizen, settings):
    settings.PORTAL_MIN_FILL_SECONDS = 30
    response = client.post("/public/submit/", {**citizen(), **bot_fields(client)})
    assert response.status_code == 400 and "提交太快了" in response.content.decode()


def test_the_petitioner_sees_the_reply_rates_it_and_asks_for_review(client, city, filed, monkeypatch):
    code, password = filed
    matter = Matter.objects.get()
    today = dt.date.today()
    staff_reply(city, matter, served_on=today)
    sign_in(client, code, password)
    page = client.get("/public/track/matter/").content.decode()
    assert "责成镇财政所于30日内将补偿款发放到户" in page and "云中镇" in page
    notice = matter.notices.last()
    pdf = client.get(f"/public/track/notices/{notice.pk}/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"

    unsatisfied = client.post("/public/track/rate/", {"value": "unsatisfied", "comment": ""})
    assert unsatisfied.status_code == 400 and "请写下您不满意的理由" in unsatisfied.content.decode()
    client.post("/public/track/rate/", {"value": "unsatisfied", "comment": "补偿款仍未到账"})
    rating = Rating.objects.get(is_current=True)
    assert rating.source == Rating.Source.PETITIONER and rating.recorded_by is None
    assert SupervisionItem.objects.filter(kind=SupervisionItem.Kind.UNSATISFIED, matter=matter).exists()
    client.post("/public/track/rate/", {"value": "basically_satisfied", "comment": ""})
    assert Rating.objects.get(is_current=True).value == "basically_satisfied"
    assert Rating.objects.count() == 2

    response = client.post("/public/track/request/review/", {"reason": "对处理意见不服"})
    assert response.status_code == 302
    matter.refresh_from_db()
    assert matter.status == Matter.Status.REVIEW_REQUESTED
    case = Reconsideration.objects.get()
    assert case.requested_on == today and case.actor is None and case.organisation == city.root
    assert matter.events.filter(kind=MatterEvent.Kind.REVIEW_REQUESTED).exists()
    # Asking twice is refused without a change.
    again = client.post("/public/track/request/review/", {"reason": "再次"})
    assert again.status_code == 400 and Reconsideration.objects.count() == 1


def test_after_the_window_the_button_is_replaced_by_the_reason(client, city, filed, monkeypatch):
    code, password = filed
    matter = Matter.objects.get()
    today = dt.date.today()
    staff_reply(city, matter, served_on=today)
    matter.refresh_from_db()
    set_today(monkeypatch, matter.review_request_due_on + dt.timedelta(days=1))
    sign_in(client, code, password)
    page = client.get("/public/track/matter/").content.decode()
    assert 'id="window-closed"' in page and "第三十五条" in page and "提交复查请求" not in page
    assert "评价期限已过" in page
    refused = client.post("/public/track/rate/", {"value": "satisfied"})
    assert refused.status_code == 400 and not Rating.objects.exists()


def test_another_matters_notice_is_not_found(client, city, filed, register):
    code, password = filed
    other = register().matter
    petitions.matter_route(
        actor=city.supervisor, matter=other, kind="transfer", to_org=city.yunzhong, routed_on=dt.date.today()
    )
    petitions.matter_accept(actor=city.yunzhong_handler, matter=other, on=dt.date.today())
    sign_in(client, code, password)
    assert (
        client.get(f"/public/track/notices/{other.notices.get(kind='acceptance_notice').pk}/").status_code
        == 404
    )


def test_leaving_ends_the_access(client, filed):
    sign_in(client, *filed)
    assert client.get("/public/track/matter/").status_code == 200
    client.post("/public/track/logout/")
    assert client.get("/public/track/matter/").url == "/public/track/"


def test_a_track_session_expires(client, filed, monkeypatch):
    sign_in(client, *filed)
    import time

    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 31 * 60)
    assert client.get("/public/track/matter/").url == "/public/track/"


def test_after_the_review_opinion_the_petitioner_asks_for_a_recheck(client, city, filed):
    code, password = filed
    matter = Matter.objects.get()
    today = dt.date.today()
    staff_reply(city, matter, served_on=today)
    sign_in(client, code, password)
    client.post("/public/track/request/review/", {"reason": "不服"})
    petitions.reconsideration_decide(
        actor=city.supervisor,
        matter=matter,
        stage="review",
        served_on=today,
        **reply_parts(text="维持原处理意见。"),
    )
    page = client.get("/public/track/matter/").content.decode()
    assert "复查意见已经作出" in page and "维持原处理意见" in page and "第三十六条" in page
    # Asking for the wrong step is refused.
    assert client.post("/public/track/request/review/", {}).status_code == 400
    assert client.post("/public/track/request/recheck/", {"reason": "仍然不服"}).status_code == 302
    matter.refresh_from_db()
    assert matter.status == Matter.Status.RECHECK_REQUESTED
    assert matter.reconsiderations.get(stage="recheck").requested_on == today


class CountingHasher(CheapArgon2PasswordHasher):
    calls = 0

    def verify(self, password, encoded):
        CountingHasher.calls += 1
        return super().verify(password, encoded)


def test_an_unknown_code_costs_the_same_password_check(client, filed, settings):
    code, _password = filed
    settings.PASSWORD_HASHERS = ["minsheng.portal.tests.test_track.CountingHasher"]
    CountingHasher.calls = 0
    sign_in(client, code, "00000000")
    known = CountingHasher.calls
    sign_in(client, "ABCD EFGH JKMN", "00000000")
    assert known == 1 and CountingHasher.calls - known == 1


def test_repeated_failures_are_answered_more_slowly(client, filed, settings):
    import time

    settings.PORTAL_FAILURE_DELAY_SECONDS = 0.1
    code, _password = filed
    started = time.monotonic()
    sign_in(client, code, "00000000")
    first = time.monotonic() - started
    for _attempt in range(2):
        sign_in(client, code, "00000000")
    started = time.monotonic()
    sign_in(client, code, "00000000")
    assert time.monotonic() - started >= first + 0.25  # three earlier failures: 0.3 s more
