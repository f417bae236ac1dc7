"""The intake page (/intake/): the form and its 信访人 rows, the service's errors back on the right fields."""

import re

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Matter, Submission, SubmissionPetitioner
from minsheng.petitions.services import PetitionerEntry

from .helpers import field_block, intake_data

SUMMARY = "尚未登记：请修正下面标红的内容后再提交。"


@pytest.fixture
def registrar_client(client, city):
    client.force_login(city.registrar)
    return client


def test_it_renders_the_form_with_one_petitioner_row(registrar_client):
    response = registrar_client.get("/intake/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="p-TOTAL_FORMS" value="1"' in html
    assert 'name="p-INITIAL_FORMS" value="0"' in html
    for name in ("petitioner_id", "name", "id_number", "phone", "address", "is_representative"):
        assert f'name="p-0-{name}"' in html
    # The template a new row is cloned from, and the search URL the rows use.
    assert 'id="petitioner-row-template"' in html
    assert 'name="p-__prefix__-name"' in html
    assert 'data-search-url="/petitioners/search/"' in html
    assert "信访人" in html
    assert 'name="uploads"' in html and "multiple" in html


def test_it_registers_two_petitioners_one_new_and_one_existing(registrar_client, city, register):
    known_number = make_id_number(sequence="555")
    known = register(
        petitioners=[PetitionerEntry(name="钱秀英", id_number=known_number, phone="13600001111")]
    ).petitioners.get()
    new_number = make_id_number(sequence="556")

    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {
                0: {"name": "孙建国", "id_number": new_number, "phone": "13700002222", "address": "东关村"},
                # As the browser posts a chosen person: the id, and the masked values the search filled in.
                1: {
                    "petitioner_id": str(known.pk),
                    "name": "钱秀英",
                    "id_number": known.id_number_masked,
                    "phone": known.phone_masked,
                },
            },
            head_count="2",
        ),
    )

    submission = Submission.objects.latest("pk")
    matter = submission.matter
    assert response.status_code == 302
    assert response["Location"] == f"/matters/{matter.pk}/"
    assert sorted(submission.petitioners.values_list("name", flat=True)) == ["孙建国", "钱秀英"]
    assert submission.petitioners.get(name="钱秀英") == known
    assert matter.title == "反映小区供暖不达标"
    assert matter.registered_by == city.registrar

    page = registrar_client.get(response["Location"]).content.decode()
    assert matter.number in page
    assert "孙建国" in page and "钱秀英" in page
    assert f"{new_number[:6]}********{new_number[-4:]}" in page
    assert f"{known_number[:6]}********{known_number[-4:]}" in page
    assert "137****2222" in page and "136****1111" in page
    for full in (new_number, known_number, "13700002222", "13600001111"):
        assert full not in page
    assert f"已登记：{matter.number}" in page


def test_it_skips_blank_rows_and_rows_removed_in_the_browser(registrar_client, city):
    # Row 1 was removed in the browser (its fields are not posted) and row 3 was left empty.
    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {
                0: {"name": "甲"},
                2: {"name": "乙"},
                3: {"name": "", "id_number": ""},
            },
            total=4,
            head_count="2",
        ),
    )

    assert response.status_code == 302
    assert sorted(Submission.objects.get().petitioners.values_list("name", flat=True)) == ["乙", "甲"]


def test_it_shows_a_bad_id_number_next_to_its_row_and_saves_nothing(registrar_client, city, row_counts):
    before = row_counts()

    response = registrar_client.post(
        "/intake/", intake_data(city, {0: {"name": "李桂兰", "id_number": "140624198001011"}})
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "身份证号码应为 18 位，当前为 15 位" in field_block(html, "id_p-0-id_number")
    assert "身份证号码应为 18 位" not in field_block(html, "id_p-0-name")
    # What was typed is kept so it can be corrected.
    assert 'value="140624198001011"' in html
    assert row_counts() == before


def test_it_shows_an_error_on_the_row_the_person_was_typed_in_when_rows_have_gaps(registrar_client, city):
    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {
                0: {"name": "甲"},
                2: {"name": "乙", "phone": "12345"},
            },
            total=3,
            head_count="2",
        ),
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "电话号码格式不正确" in field_block(html, "id_p-2-phone")
    assert "电话号码格式不正确" not in field_block(html, "id_p-0-phone")


def test_it_shows_an_empty_title_next_to_the_title_field_and_saves_nothing(
    registrar_client, city, row_counts
):
    before = row_counts()

    response = registrar_client.post("/intake/", intake_data(city, {0: {"name": "李桂兰"}}, title=""))

    assert response.status_code == 422
    assert "请填写标题" in field_block(response.content.decode(), "id_title")
    assert row_counts() == before


def test_it_shows_all_errors_at_once_for_a_bad_id_number_and_an_empty_title(
    registrar_client, city, row_counts
):
    before = row_counts()

    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰", "id_number": "140624198001011230"}},
            title="",
        ),
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert SUMMARY in html
    assert "请填写标题" in field_block(html, "id_title")
    assert "身份证号码校验位不正确，请核对是否输错" in field_block(html, "id_p-0-id_number")
    assert row_counts() == before


def test_it_shows_every_empty_required_field_with_the_services_message(registrar_client, city, row_counts):
    before = row_counts()

    response = registrar_client.post(
        "/intake/",
        intake_data(city, {0: {"name": ""}}, received_at="", receiving_org="", title=" ", content=""),
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert SUMMARY in html
    assert "请填写收到时间" in field_block(html, "id_received_at")
    assert "请选择登记单位" in field_block(html, "id_receiving_org")
    assert "请填写标题" in field_block(html, "id_title")
    assert "请填写信访内容" in field_block(html, "id_content")
    assert "请至少填写一名信访人" in html
    assert row_counts() == before


def test_it_shows_a_group_visit_without_representatives_above_the_rows(registrar_client, city, row_counts):
    before = row_counts()

    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "甲"}, 1: {"name": "乙"}},
            head_count="6",
        ),
    )

    assert response.status_code == 422
    html = response.content.decode()
    section = html[html.index('name="p-TOTAL_FORMS"') : html.index('id="petitioner-rows"')]
    assert "集体访（5 人以上）应推选代表，请勾选代表" in section
    assert row_counts() == before


def test_it_registers_a_group_visit_with_representatives_ticked(registrar_client, city):
    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "甲", "is_representative": "on"}, 1: {"name": "乙"}},
            head_count="6",
        ),
    )

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.head_count == 6
    assert SubmissionPetitioner.objects.get(is_representative=True).petitioner.name == "甲"


def test_it_shows_a_receiving_org_outside_the_users_scope_as_a_choice_error(client, city, row_counts):
    client.force_login(city.yunzhong_registrar)
    before = row_counts()

    response = client.post(
        "/intake/", intake_data(city, {0: {"name": "甲"}}, receiving_org=str(city.bureau.pk))
    )

    assert response.status_code == 422
    assert "选择一个有效的选项" in field_block(response.content.decode(), "id_receiving_org")
    assert row_counts() == before


def test_it_attaches_to_a_matter_given_by_its_number(registrar_client, city, register):
    first = register()

    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰", "id_number": make_id_number()}},
            matter_number=f" {first.matter.number} ",
            channel="phone",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/matters/{first.matter.pk}/"
    assert Matter.objects.count() == 1
    latest = Submission.objects.latest("pk")
    assert latest.matter == first.matter
    assert latest.is_repeat is True
    assert latest.channel == "phone"


def test_it_gives_a_field_error_for_an_unknown_matter_number(registrar_client, city, register, row_counts):
    register()
    before = row_counts()

    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            matter_number="怀信〔2025〕99999",
        ),
    )

    assert response.status_code == 422
    assert "找不到该信访事项，或您无权查看" in field_block(response.content.decode(), "id_matter_number")
    assert row_counts() == before


def test_it_gives_a_field_error_for_a_matter_number_the_registrar_cannot_see(
    client, city, register, row_counts
):
    bureau_matter = register().matter
    client.force_login(city.yunzhong_registrar)
    before = row_counts()

    response = client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            receiving_org=str(city.yunzhong.pk),
            matter_number=bureau_matter.number,
        ),
    )

    assert response.status_code == 422
    assert "找不到该信访事项，或您无权查看" in field_block(response.content.decode(), "id_matter_number")
    assert row_counts() == before


def test_it_shows_an_unknown_chosen_person_above_the_rows(registrar_client, city, row_counts):
    before = row_counts()

    response = registrar_client.post(
        "/intake/", intake_data(city, {0: {"petitioner_id": "999999", "name": "某"}})
    )

    assert response.status_code == 422
    html = response.content.decode()
    section = html[html.index('name="p-TOTAL_FORMS"') : html.index('id="petitioner-rows"')]
    assert "所选信访人不存在，请重新查找" in section
    assert row_counts() == before


def test_it_registers_an_anonymous_accusation_from_the_page(registrar_client, city):
    response = registrar_client.post(
        "/intake/", intake_data(city, {}, nature="accusation", channel="letter", title="举报村干部侵占补偿款")
    )

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.matter.nature == "accusation"
    assert submission.petitioners.count() == 0


def test_it_does_not_send_a_township_registrar_to_a_404_after_registering_an_accusation(client, city):
    # Accusations are hidden from townships (Art 30), so the usual redirect to the matter's page
    # lands on "找不到该信访事项" right after "已登记" — and invites registering it a second time.
    client.force_login(city.yunzhong_registrar)

    response = client.post(
        "/intake/",
        intake_data(city, {}, receiving_org=str(city.yunzhong.pk), nature="accusation", channel="letter"),
        follow=True,
    )

    assert Matter.objects.count() == 1
    assert response.status_code == 200
    assert Matter.objects.get().number in response.content.decode()


@pytest.mark.parametrize("role_user", ["yunzhong_handler", "leader", "lawyer"])
def test_it_forbids_users_who_do_not_register(client, city, role_user, row_counts):
    client.force_login(getattr(city, role_user))
    before = row_counts()

    assert client.get("/intake/").status_code == 403
    assert client.post("/intake/", intake_data(city, {0: {"name": "甲"}})).status_code == 403
    assert row_counts() == before


def test_it_sends_anonymous_users_to_the_login_page(client):
    response = client.get("/intake/")

    assert response.status_code == 302
    assert re.match(r"^/accounts/login/\?next=/intake/", response["Location"])
