"""The workbench (/): counts by status, the latest matters, and the way to intake for those who register."""

from minsheng.petitions.models import Matter

from .helpers import beijing


def test_it_counts_visible_matters_by_status_and_lists_the_latest(client, city, register):
    older = register(received_at=beijing(2025, 3, 1, 9), title="较早的事项").matter
    register(received_at=beijing(2025, 3, 2, 9), title="较新的事项")
    Matter.objects.filter(pk=older.pk).update(status=Matter.Status.CLOSED)
    client.force_login(city.registrar)

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<span class="num">2</span><span>可见事项</span>' in html
    assert 'href="/matters/?status=closed"><span class="num">1</span><span>已办结</span>' in html
    assert 'href="/matters/?status=registered"><span class="num">1</span><span>已登记</span>' in html
    assert "已受理" not in html
    assert html.index("较新的事项") < html.index("较早的事项")
    assert 'href="/intake/"' in html


def test_it_shows_a_handler_no_link_to_the_intake_page_they_may_not_open(client, city, register):
    register()
    client.force_login(city.housing_handler)

    html = client.get("/").content.decode()

    assert '<span class="num">0</span><span>可见事项</span>' in html
    assert client.get("/intake/").status_code == 403
    # Neither the workbench button nor the main navigation may lead to a 403.
    assert 'href="/intake/"' not in html
