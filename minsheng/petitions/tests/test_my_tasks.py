"""我的待办: each unit sees what it must do next, the most urgent first."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.petitions import selectors, services
from minsheng.petitions.models import Matter


@pytest.fixture
def matters(register, city):
    """Three matters transferred to 云中镇 with different deadlines, and one left at the bureau."""
    made = {}
    for name, days in (("soon", 2), ("late", -3), ("later", 10)):
        matter = register(title=f"事项{name}", concerned_org=city.yunzhong).matter
        services.matter_route(actor=city.supervisor, matter=matter, kind="transfer", to_org=city.yunzhong)
        Matter.objects.filter(pk=matter.pk).update(due_on=timezone.localdate() + dt.timedelta(days=days))
        made[name] = matter
    made["unrouted"] = register(title="事项未转送").matter
    return made


def test_it_lists_a_units_work_overdue_first(city, matters):
    tasks = list(selectors.my_tasks(user=city.yunzhong_handler))

    assert [m.title for m in tasks] == ["事项late", "事项soon", "事项later"]
    assert [m.deadline_state for m in tasks] == ["overdue", "due_soon", "on_time"]


def test_it_leaves_other_units_work_out(city, matters):
    assert list(selectors.my_tasks(user=city.jinshatan_handler)) == []


def test_it_gives_the_bureau_what_still_needs_routing(city, matters):
    titles = [m.title for m in selectors.my_tasks(user=city.supervisor)]

    assert titles == ["事项未转送"]


def test_it_moves_a_matter_off_the_list_once_it_is_answered(city, matters):
    matter = matters["soon"]
    services.matter_accept(actor=city.yunzhong_handler, matter=matter)
    assert matter in selectors.my_tasks(user=city.yunzhong_handler)

    services.matter_reply(
        actor=city.yunzhong_handler,
        matter=matter,
        request="请求",
        facts_and_reasons="事实",
        text="意见",
        basis="依据",
        outcome="explain",
    )

    assert matter not in selectors.my_tasks(user=city.yunzhong_handler)
    assert matter not in selectors.my_tasks(user=city.supervisor)


def test_it_gives_the_bureau_a_review_request_for_the_city(city, matters):
    matter = matters["later"]
    services.matter_accept(actor=city.yunzhong_handler, matter=matter)
    services.matter_reply(
        actor=city.yunzhong_handler,
        matter=matter,
        request="请求",
        facts_and_reasons="事实",
        text="意见",
        basis="依据",
        outcome="explain",
    )
    services.reconsideration_request(actor=city.supervisor, matter=matter, stage="review")

    # Routing is due in 15 days, the review opinion in 30: the nearer deadline comes first.
    assert [m.title for m in selectors.my_tasks(user=city.supervisor)] == ["事项未转送", "事项later"]


def test_it_shows_the_page_and_the_counts_on_the_dashboard(client, city, matters):
    client.force_login(city.yunzhong_handler)

    page = client.get("/tasks/")
    home = client.get("/")

    assert page.status_code == 200
    body = page.content.decode()
    assert body.index("事项late") < body.index("事项soon") < body.index("事项later")
    assert "超期 1" in home.content.decode() and "临期 1" in home.content.decode()
