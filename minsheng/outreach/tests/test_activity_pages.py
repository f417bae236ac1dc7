"""The activity pages: the list with its filters and totals, recording, correcting and deleting."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from minsheng.outreach.models import Activity


def logged_in(client, user):
    client.force_login(user)
    return client


def test_the_list_shows_the_activities_in_scope_with_a_totals_row_over_every_page(client, city, record):
    for day in range(1, 31):
        record(held_on=dt.date(2026, 4, day), materials_distributed=10, people_reached=2)
    record(actor=city.jinshatan_handler, title="金沙滩镇进村宣传", materials_distributed=5)

    page = logged_in(client, city.supervisor).get(reverse("outreach:activity_list")).content.decode()

    totals = page[page.index("<tfoot>") : page.index("</tfoot>")]
    assert "共 31 次活动" in page
    assert "合计（31 次活动）" in totals
    # Every page's activities, not only the first 25: 30 × 10 + 5 materials, 30 × 2 + 60 people.
    assert re.findall(r'<td class="num">(\d+)</td>', totals) == ["305", "620", "465", "120"]
    assert "第 1 / 2 页" in page
    assert page.count('href="/outreach/') >= 25


def test_the_list_filters_by_period_organiser_and_kind(client, city, record):
    record(held_on=dt.date(2026, 1, 5), title="一月展板", kind="display_board")
    record(actor=city.yunzhong_handler, held_on=dt.date(2026, 5, 5), title="云中镇入户", kind="door_to_door")
    record(actor=city.jinshatan_handler, held_on=dt.date(2026, 5, 6), title="金沙滩条幅", kind="banner")
    client = logged_in(client, city.supervisor)

    def titles(**query):
        page = client.get(reverse("outreach:activity_list"), query).content.decode()
        return {t for t in ("一月展板", "云中镇入户", "金沙滩条幅") if t in page}

    assert titles(held_from="2026-05-01", held_to="2026-05-31") == {"云中镇入户", "金沙滩条幅"}
    assert titles(organiser=city.yunzhong.pk) == {"云中镇入户"}
    assert titles(kind="banner") == {"金沙滩条幅"}
    bad = client.get(reverse("outreach:activity_list"), {"held_from": "2026-05-01", "held_to": "2026-04-01"})
    assert "截止日期不能早于起始日期" in bad.content.decode()


def test_a_township_sees_only_its_own_activities_and_gets_404_for_others(client, city, record):
    own = record(actor=city.yunzhong_handler, title="云中镇宣传")
    other = record(actor=city.jinshatan_handler, title="金沙滩镇宣传")
    client = logged_in(client, city.yunzhong_handler)

    page = client.get(reverse("outreach:activity_list")).content.decode()

    assert "云中镇宣传" in page and "金沙滩镇宣传" not in page
    assert client.get(reverse("outreach:activity_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("outreach:activity_detail", args=[other.pk])).status_code == 404


def test_the_list_needs_a_login(client):
    response = client.get(reverse("outreach:activity_list"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def form_data(**changes):
    data = {
        "held_on": "2026-03-15",
        "organiser": "",
        "kind": "on_site_qa",
        "place": "群众来访服务中心",
        "title": "现场答疑",
        "description": "为来访群众讲解条例",
        "materials_distributed": "120",
        "questionnaires_collected": "",
        "consultations_answered": "35",
        "people_reached": "80",
        "questionnaire": "",
    }
    data.update(changes)
    return data


def test_a_registrar_records_an_activity_through_the_form(client, city):
    client = logged_in(client, city.yunzhong_registrar)
    assert client.get(reverse("outreach:activity_create")).status_code == 200

    response = client.post(reverse("outreach:activity_create"), form_data(organiser=city.yunzhong_village.pk))

    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "outreach:activity_detail", args=[activity.pk]
    )
    assert activity.organiser == city.yunzhong_village
    assert (activity.materials_distributed, activity.questionnaires_collected) == (120, 0)
    page = client.get(response["Location"]).content.decode()
    assert "已登记宣传活动：现场答疑" in page and "东关村" in page


def test_save_and_continue_opens_an_empty_form_again(client, city):
    client = logged_in(client, city.registrar)

    response = client.post(
        reverse("outreach:activity_create"), form_data(organiser=city.bureau.pk, another="1")
    )

    assert response["Location"] == reverse("outreach:activity_create")


def test_mistakes_are_shown_beside_their_fields_and_nothing_is_saved(client, city):
    client = logged_in(client, city.registrar)

    response = client.post(
        reverse("outreach:activity_create"),
        form_data(
            organiser=city.bureau.pk,
            held_on="2099-01-01",
            place="",
            kind="",
            materials_distributed="-5",
            title="名" * 300,
        ),
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "活动日期不能晚于今天" in page
    assert "请填写活动地点" in page
    assert "请选择宣传形式" in page
    assert "活动名称不能超过 200 个字" in page
    assert page.count('class="field has-error') >= 4
    assert not Activity.objects.exists()


def test_an_organiser_outside_the_users_subtree_is_not_offered_and_not_accepted(client, city):
    client = logged_in(client, city.yunzhong_registrar)

    page = client.get(reverse("outreach:activity_create")).content.decode()
    response = client.post(reverse("outreach:activity_create"), form_data(organiser=city.jinshatan.pk))

    assert "金沙滩镇" not in page
    assert response.status_code == 422
    assert not Activity.objects.exists()


@pytest.mark.parametrize("who", ["lawyer", "leader", "housing_handler"])
def test_users_who_do_not_organise_publicity_cannot_open_the_form(client, city, who):
    client = logged_in(client, getattr(city, who))

    assert client.get(reverse("outreach:activity_create")).status_code == 403
    assert client.post(reverse("outreach:activity_create"), form_data()).status_code == 403


def test_the_leader_sees_the_list_but_has_no_record_button(client, city, record):
    record()

    page = logged_in(client, city.leader).get(reverse("outreach:activity_list")).content.decode()

    assert "群众来访服务中心" in page
    assert reverse("outreach:activity_create") not in page


def test_the_organisers_staff_correct_an_activity(client, city, record):
    activity = record(actor=city.yunzhong_handler)
    client = logged_in(client, city.yunzhong_registrar)
    assert client.get(reverse("outreach:activity_edit", args=[activity.pk])).status_code == 200

    response = client.post(
        reverse("outreach:activity_edit", args=[activity.pk]),
        form_data(organiser=city.yunzhong.pk, materials_distributed="999"),
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.materials_distributed == 999


def test_another_unit_cannot_correct_or_delete_an_activity_it_can_see(client, city, record):
    activity = record(actor=city.yunzhong_handler)
    client = logged_in(client, city.supervisor)  # the bureau sees the township's activity

    assert client.get(reverse("outreach:activity_edit", args=[activity.pk])).status_code == 403
    assert client.post(reverse("outreach:activity_delete", args=[activity.pk])).status_code == 403
    page = client.get(reverse("outreach:activity_detail", args=[activity.pk])).content.decode()
    assert reverse("outreach:activity_edit", args=[activity.pk]) not in page
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_an_activity_is_deleted_from_its_page(client, city, record):
    activity = record()

    response = logged_in(client, city.registrar).post(reverse("outreach:activity_delete", args=[activity.pk]))

    assert response["Location"] == reverse("outreach:activity_list")
    assert not Activity.objects.exists()


def test_the_edit_form_keeps_offering_a_questionnaire_taken_out_of_use(client, city, record, questionnaire):
    from minsheng.outreach.services import questionnaire_set_active

    activity = record(questionnaire=questionnaire)
    questionnaire_set_active(actor=city.registrar, questionnaire=questionnaire, is_active=False)
    client = logged_in(client, city.registrar)

    edit = client.get(reverse("outreach:activity_edit", args=[activity.pk])).content.decode()
    new = client.get(reverse("outreach:activity_create")).content.decode()
    saved = client.post(
        reverse("outreach:activity_edit", args=[activity.pk]),
        form_data(organiser=city.bureau.pk, questionnaire=questionnaire.pk, people_reached="81"),
    )

    assert questionnaire.title in edit and questionnaire.title not in new
    assert saved.status_code == 302
    activity.refresh_from_db()
    assert (activity.questionnaire, activity.people_reached) == (questionnaire, 81)
