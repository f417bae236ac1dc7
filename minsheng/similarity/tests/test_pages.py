"""The intake panel of possibly-same matters, and the similar closed cases on a matter's page."""

import pytest
from django.urls import reverse

from minsheng.petitions.models import Matter
from minsheng.petitions.services import PetitionerEntry


@pytest.fixture
def estate(register):
    return register(
        petitioners=[PetitionerEntry(name="张建华", phone="13800001111")],
        title="丽景小区物业乱收停车费",
        content="丽景小区物业公司每月收取地面停车费三百元，业主多次反映无果。",
    ).matter


def panel(client, user, **fields):
    client.force_login(user)
    data = {"p-TOTAL_FORMS": "1", "p-0-name": "", "title": "", "content": "", **fields}
    return client.post(reverse("similarity:intake_check"), data)


def test_the_panel_offers_the_same_matter_with_a_button_to_attach(client, city, estate):
    response = panel(
        client,
        city.registrar,
        title="丽景小区停车费",
        content="丽景小区物业收停车费",
        **{"p-0-phone": "13800001111"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert estate.number in html and "同一信访人" in html
    assert f'data-attach-number="{estate.number}"' in html
    assert "作为重复信访附加" in html
    assert f"&quot;matter&quot;: {estate.pk}" in html  # what was shown goes back with the form


def test_the_panel_says_so_when_nothing_is_alike(client, city, estate):
    response = panel(client, city.registrar, title="东关村村道破损", content="村道雨天无法通行")
    assert "未发现可能是同一事项的已有事项" in response.content.decode()


def test_the_panel_is_for_registrars(client, city, estate):
    assert panel(client, city.yunzhong_handler, title="丽景小区").status_code == 403


def test_the_intake_form_records_the_registrars_choice(client, city, estate):
    client.force_login(city.registrar)
    response = client.post(
        reverse("petitions:intake"),
        {
            "channel": "visit",
            "received_at": "2026-11-20 09:30",
            "receiving_org": city.bureau.pk,
            "nature": "claim",
            "head_count": "1",
            "title": "丽景小区停车费",
            "content": "丽景小区物业收停车费",
            "matter_number": "",
            "confirmed_new": "on",
            "shown_candidates": f'[{{"matter": {estate.pk}, "score": 0.7}}]',
            "p-TOTAL_FORMS": "1",
            "p-INITIAL_FORMS": "0",
            "p-0-name": "刘芳",
        },
    )

    assert response.status_code == 302
    new = Matter.objects.exclude(pk=estate.pk).get()
    decision = new.submissions.get().match_decision
    assert decision.choice == "new" and decision.candidates == [{"matter": estate.pk, "score": 0.7}]


def test_similar_closed_cases_show_replies_of_closed_matters_only(client, city, register, estate):
    closed = register(title="丽景小区物业停车费问题", content="丽景小区物业收取停车费，业主不满。").matter
    Matter.objects.filter(pk=closed.pk).update(status=Matter.Status.CLOSED)
    client.force_login(city.registrar)

    response = client.get(reverse("similarity:similar_cases", args=[estate.pk]))

    html = response.content.decode()
    assert closed.number in html
    assert estate.number not in html  # itself, and still open anyway


def test_similar_cases_of_a_matter_outside_the_scope_are_not_found(client, city, estate):
    client.force_login(city.jinshatan_handler)
    assert client.get(reverse("similarity:similar_cases", args=[estate.pk])).status_code == 404


def test_administrators_read_the_decisions_in_the_admin(client, city, register, estate):
    register(
        matter=estate,
        petitioners=[PetitionerEntry(name="刘芳", phone="13800002222")],
        shown_candidates=[{"matter": estate.pk, "score": 0.9}],
    )
    client.force_login(city.admin)

    response = client.get(reverse("admin:similarity_matchdecision_changelist"))

    assert response.status_code == 200
    assert estate.number in response.content.decode()
