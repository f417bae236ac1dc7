"""/supervision/ lists the open items of the matters a supervisor, leader or administrator may see."""

import datetime as dt

import pytest
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.petitions import services as petition_services
from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, staff, take
from minsheng.supervision.models import SupervisionItem
from minsheng.supervision.services import supervision_item_open


@pytest.fixture
def items(city, register):
    """An overdue item on a matter 云中镇 handles, and an unsatisfied one on a matter 住建局 answered."""
    late = take(city, open_matter(register, title="超期未办结"), to=Matter.Status.ACCEPTED)
    overdue, _ = supervision_item_open(
        matter=late,
        kind="overdue",
        deadline_kind="handle",
        due_on=timezone.localdate() - dt.timedelta(days=4),
        note="办理期限已届满",
    )
    answered = take(
        city,
        open_matter(register, title="对答复不满意"),
        to=Matter.Status.REPLIED,
        unit=city.housing,
        handler=city.housing_handler,
    )
    petition_services.matter_rate(
        actor=city.registrar, matter=answered, value="unsatisfied", comment="补偿标准过低"
    )
    return overdue, SupervisionItem.objects.get(kind="unsatisfied")


def page(client, user):
    client.force_login(user)
    return client.get("/supervision/")


def test_it_lists_open_items_for_the_supervisor(client, city, items):
    overdue, _ = items

    response = page(client, city.supervisor)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="/matters/{overdue.matter_id}/">{overdue.matter.number}</a>' in html
    assert "超期未办结" in html and "对答复不满意" in html
    assert "超期 · 办理" in html and "不满意回访" in html
    assert overdue.due_on.strftime("%Y-%m-%d") in html
    assert "4 日" in html
    assert "补偿标准过低" in html
    assert html.count('action="/supervision/') == 2
    assert html.index("超期未办结") < html.index("对答复不满意")


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_it_shows_the_list_to_leaders_and_administrators(client, city, items, who):
    html = page(client, getattr(city, who)).content.decode()

    assert "超期未办结" in html
    assert ('action="/supervision/' in html) is (who == "admin")


def test_it_shows_a_township_supervisor_only_the_items_of_its_matters(client, city, items):
    html = page(client, staff(city.yunzhong, "yz_duban", role=Role.SUPERVISOR)).content.decode()

    assert "超期未办结" in html
    assert "对答复不满意" not in html


@pytest.mark.parametrize("who", ["registrar", "lawyer"])
def test_it_refuses_other_roles(client, city, items, who):
    assert page(client, getattr(city, who)).status_code == 403


def test_it_sends_a_handler_to_the_items_addressed_to_their_unit(client, city, items):
    response = page(client, city.yunzhong_handler)

    assert response.status_code == 302
    assert response["Location"] == "/supervision/unit/"


def test_it_sends_anonymous_visitors_to_the_login(client, db):
    response = client.get("/supervision/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("who", "shown"), [("supervisor", True), ("leader", True), ("registrar", False)])
def test_it_links_the_page_from_the_navigation_for_those_who_may_see_it(client, city, who, shown):
    client.force_login(getattr(city, who))

    html = client.get("/matters/").content.decode()

    assert ('href="/supervision/"' in html) is shown


def test_it_closes_an_item_from_the_page(client, city, items):
    overdue, _ = items
    client.force_login(city.supervisor)

    response = client.post(f"/supervision/{overdue.pk}/close/", {"note": "已约谈承办人，限期办结"})

    assert response.status_code == 302
    overdue.refresh_from_db()
    assert (overdue.closed_on, overdue.closed_by, overdue.close_note) == (
        timezone.localdate(),
        city.supervisor,
        "已约谈承办人，限期办结",
    )
    assert "超期未办结" not in client.get("/supervision/").content.decode()


def test_it_refuses_to_let_a_leader_close_an_item(client, city, items):
    overdue, _ = items
    client.force_login(city.leader)

    assert client.post(f"/supervision/{overdue.pk}/close/").status_code == 403
    overdue.refresh_from_db()
    assert overdue.closed_on is None


def test_it_answers_404_for_an_item_out_of_sight(client, city, items):
    _, unsatisfied = items
    client.force_login(staff(city.yunzhong, "yz_duban", role=Role.SUPERVISOR))

    assert client.post(f"/supervision/{unsatisfied.pk}/close/").status_code == 404
