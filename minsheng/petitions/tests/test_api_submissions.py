"""POST /api/v1/submissions: the same registration as the intake page, answered in JSON."""

import json

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Category, Matter, Submission
from minsheng.petitions.services import category_save

URL = "/api/v1/submissions"
NEW_ID = make_id_number(sequence="901")
WRONG_CHECK_ID = NEW_ID[:-1] + ("1" if NEW_ID[-1] != "1" else "2")


def body(**fields) -> dict:
    data = {
        "channel": "online",
        "received_at": "2025-03-10T09:30:00+08:00",
        "title": "反映小区垃圾清运不及时",
        "content": "垃圾站三天没有清运，气味难闻。",
        "demands": "请求按时清运",
        "petitioners": [{"name": "冯晓东", "id_number": NEW_ID, "phone": "13912340901", "address": "东关村"}],
    }
    data.update(fields)
    return data


def post(client, data):
    return client.post(URL, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def api(api_client_for, city):
    return api_client_for(city.registrar)


def test_it_registers_a_submission_and_answers_201_with_the_number_and_masked_people(api, city):
    response = post(api, body())

    assert response.status_code == 201
    data = response.json()
    matter = Matter.objects.get()
    assert data["matter_number"] == matter.number == "怀信〔2025〕00001"
    assert data["id"] == Submission.objects.get().pk
    assert data["channel"] == "online"
    assert data["head_count"] == 1
    assert data["is_repeat"] is False
    assert data["title"] == "反映小区垃圾清运不及时"
    assert data["received_at"].startswith("2025-03-10T")
    [person] = data["petitioners"]
    assert person["name"] == "冯晓东"
    assert person["id_number_masked"] == f"{NEW_ID[:6]}********{NEW_ID[-4:]}"
    assert person["phone_masked"] == "139****0901"
    assert person["is_representative"] is False
    assert NEW_ID not in response.content.decode()
    assert "13912340901" not in response.content.decode()
    assert matter.receiving_org == city.bureau
    assert matter.registered_by == city.registrar
    assert matter.events.get().actor == city.registrar


def test_it_takes_the_receiving_org_concerned_org_and_category_by_id(api, city):
    category = category_save(category=Category(name="环境卫生"))

    response = post(
        api,
        body(
            receiving_org_id=city.yunzhong.pk,
            concerned_org_id=city.yunzhong_village.pk,
            category_id=category.pk,
        ),
    )

    assert response.status_code == 201
    assert response.json()["matter_number"] == "云中信〔2025〕00001"
    matter = Matter.objects.get()
    assert (matter.receiving_org, matter.concerned_org, matter.category) == (
        city.yunzhong,
        city.yunzhong_village,
        category,
    )
    assert matter.due_kind == "accept"


def test_it_registers_a_group_visit_with_representatives(api):
    response = post(
        api,
        body(
            channel="visit",
            head_count=8,
            petitioners=[
                {"name": "代表甲", "is_representative": True},
                {"name": "代表乙", "is_representative": True},
            ],
        ),
    )

    assert response.status_code == 201
    data = response.json()
    assert data["head_count"] == 8
    assert [p["is_representative"] for p in data["petitioners"]] == [True, True]


def test_it_attaches_by_matter_number_and_marks_a_repeat(api):
    first = post(api, body()).json()
    person_id = first["petitioners"][0]["id"]

    response = post(
        api, body(channel="phone", matter_number=first["matter_number"], petitioners=[{"id": person_id}])
    )

    assert response.status_code == 201
    assert response.json()["matter_number"] == first["matter_number"]
    assert response.json()["is_repeat"] is True
    assert Matter.objects.count() == 1
    assert Submission.objects.count() == 2


def test_it_accepts_a_received_time_without_a_time_zone_as_beijing_time(api):
    response = post(api, body(received_at="2025-03-10T09:30:00"))

    assert response.status_code == 201
    assert response.json()["received_at"].startswith("2025-03-10T09:30:00")
    assert response.json()["received_at"].endswith("+08:00")


def assert_refused(api, row_counts, data, status=422) -> dict:
    before = row_counts()
    response = post(api, data)
    assert response.status_code == status, response.content
    assert row_counts() == before
    return response.json()


def test_it_answers_422_with_chinese_errors_by_field_for_a_bad_id_number(api, row_counts):
    data = assert_refused(
        api, row_counts, body(petitioners=[{"name": "冯晓东", "id_number": WRONG_CHECK_ID}])
    )

    assert data == {
        "detail": "提交的数据有误",
        "errors": {"petitioners.0.id_number": ["身份证号码校验位不正确，请核对是否输错"]},
    }


def test_it_answers_422_for_an_unknown_receiving_org_id(api, row_counts):
    data = assert_refused(api, row_counts, body(receiving_org_id=987_654))

    assert data["errors"] == {"receiving_org_id": ["编号 987654 不存在"]}


def test_it_answers_422_for_unknown_concerned_org_and_category_ids_together(api, row_counts):
    data = assert_refused(api, row_counts, body(concerned_org_id=987_654, category_id=123_456))

    assert data["errors"] == {
        "concerned_org_id": ["编号 987654 不存在"],
        "category_id": ["编号 123456 不存在"],
    }


def test_it_answers_422_for_a_receiving_org_outside_the_callers_scope(api_client_for, city, row_counts):
    data = assert_refused(
        api_client_for(city.yunzhong_registrar), row_counts, body(receiving_org_id=city.bureau.pk)
    )

    assert data["errors"] == {"receiving_org_id": ["只能以本单位或下级单位的名义登记"]}


def test_it_answers_422_for_an_unknown_matter_number(api, row_counts):
    data = assert_refused(api, row_counts, body(matter_number="怀信〔2025〕99999"))

    assert data["errors"] == {"matter_number": ["找不到该信访事项，或您无权查看"]}


def test_it_answers_422_for_a_matter_number_the_caller_cannot_see(api, api_client_for, city, row_counts):
    number = post(api, body()).json()["matter_number"]

    data = assert_refused(api_client_for(city.yunzhong_registrar), row_counts, body(matter_number=number))

    assert data["errors"] == {"matter_number": ["找不到该信访事项，或您无权查看"]}


def test_it_answers_422_for_a_claim_without_petitioners(api, row_counts):
    data = assert_refused(api, row_counts, body(petitioners=[]))

    assert data["errors"] == {"petitioners": ["请至少填写一名信访人"]}


def test_it_answers_422_for_an_unknown_petitioner_id(api, row_counts):
    data = assert_refused(api, row_counts, body(petitioners=[{"id": 999_999}]))

    assert data["errors"] == {"petitioners": ["所选信访人不存在，请重新查找"]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", None),
        ("channel", "fax"),
        ("received_at", "昨天"),
        ("head_count", 0),
        ("title", "长" * 201),
    ],
)
def test_it_answers_422_when_the_schema_refuses_a_field(api, row_counts, field, value):
    data = body()
    if value is None:
        del data[field]
    else:
        data[field] = value

    assert_refused(api, row_counts, data)


def test_it_answers_schema_errors_in_the_same_chinese_shape_as_other_errors(api, row_counts):
    data = body()
    del data["title"]

    answer = assert_refused(api, row_counts, data)

    assert answer == {"detail": "提交的数据有误", "errors": {"title": ["此项为必填"]}}


def test_it_names_nested_petitioner_fields_in_schema_errors_like_the_service_does(api, row_counts):
    answer = assert_refused(api, row_counts, body(petitioners=[{"name": "甲" * 51}]))

    assert answer["errors"] == {"petitioners.0.name": ["不能超过 50 个字"]}


def test_it_answers_422_for_a_body_that_is_not_json(api, row_counts):
    before = row_counts()

    response = api.post(URL, data="title=x", content_type="application/json")

    assert response.status_code in (400, 422)
    assert row_counts() == before


@pytest.mark.parametrize("role_user", ["yunzhong_handler", "leader", "lawyer"])
def test_it_answers_403_to_roles_that_do_not_register(api_client_for, city, row_counts, role_user):
    before = row_counts()

    response = post(api_client_for(getattr(city, role_user)), body())

    assert response.status_code == 403
    assert response.json() == {"detail": "只有登记员、督办员或管理员可以登记信访件"}
    assert row_counts() == before


def test_it_answers_401_without_a_token(client, row_counts):
    before = row_counts()

    response = post(client, body())

    assert response.status_code == 401
    assert row_counts() == before


def test_it_answers_401_for_a_wrong_token(city, row_counts):
    from django.test import Client

    before = row_counts()

    response = post(Client(HTTP_AUTHORIZATION="Bearer ms_not-a-real-token"), body())

    assert response.status_code == 401
    assert response.json() == {"detail": "未登录或令牌无效"}
    assert row_counts() == before
