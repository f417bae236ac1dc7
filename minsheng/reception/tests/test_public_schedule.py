"""The published schedule: anyone may read it without logging in; it shows nothing personal."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from minsheng.reception.models import Kind
from minsheng.reception.services import reception_day_plan


def plan(city, leader, days_ahead, **fields):
    fields.setdefault("kind", Kind.CENTRE)
    return reception_day_plan(
        actor=city.supervisor,
        leader=leader,
        date=timezone.localdate() + dt.timedelta(days=days_ahead),
        **fields,
    )


def test_it_shows_date_leader_post_place_and_kind_without_login(client, city, leaders):
    plan(city, leaders.liu, 1, note="领导下午另有会议")
    plan(
        city,
        leaders.wang,
        2,
        kind=Kind.FIELD_VISIT,
        organisation=city.yunzhong,
        place="云中镇便民服务中心",
    )

    response = client.get(reverse("reception:schedule"))

    assert response.status_code == 200
    html = response.content.decode()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日" in html
    assert "刘振华" in html and "副市长" in html and "群众来访服务中心" in html and "坐班接访" in html
    assert "王建华" in html and "市委副书记" in html and "云中镇便民服务中心" in html and "下访" in html


def test_it_shows_no_phone_number_account_or_internal_note(client, city, leaders):
    plan(city, leaders.liu, 1, note="领导下午另有会议")

    html = client.get(reverse("reception:schedule")).content.decode()

    assert leaders.liu.phone not in html and "13800001111" not in html
    assert leaders.liu.username not in html
    assert "领导下午另有会议" not in html
    assert "身份证" not in html


def test_it_lists_the_coming_four_weeks_only(client, city, leaders):
    plan(city, leaders.liu, 0)
    plan(city, leaders.wang, 27)
    plan(city, leaders.zhao, 29)

    html = client.get(reverse("reception:schedule")).content.decode()

    assert "刘振华" in html and "王建华" in html
    assert "赵瑞平" not in html


def test_it_says_so_when_nothing_is_planned(client, db):
    html = client.get(reverse("reception:schedule")).content.decode()

    assert "近期暂无接访安排" in html
