"""Bad input gets a Chinese message by field and changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.accounts.services import organisation_create
from minsheng.conftest import make_id_number
from minsheng.petitions.models import Category, Channel
from minsheng.petitions.services import PetitionerEntry, category_save

from .helpers import beijing

GOOD_ID = make_id_number()
WRONG_CHECK_ID = GOOD_ID[:-1] + ("1" if GOOD_ID[-1] != "1" else "2")


@pytest.fixture
def refused(register, row_counts):
    """Register with the given fields; assert it is refused and that no row was written."""

    def _refused(**fields) -> dict[str, list[str]]:
        before = row_counts()
        with pytest.raises(ValidationError) as caught:
            register(**fields)
        assert row_counts() == before
        return caught.value.message_dict

    return _refused


def test_it_refuses_an_empty_title(refused):
    assert refused(title="   ") == {"title": ["请填写标题"]}


def test_it_refuses_a_title_of_201_characters(refused):
    assert refused(title="长" * 201) == {"title": ["标题不能超过 200 个字"]}


def test_it_accepts_a_title_of_exactly_200_characters(register):
    assert register(title="长" * 200).matter.title == "长" * 200


def test_it_refuses_empty_content(refused):
    assert refused(content="\n\t ") == {"content": ["请填写信访内容"]}


def test_it_refuses_demands_over_5000_characters(refused):
    assert refused(demands="求" * 5001) == {"demands": ["诉求不能超过 5000 个字"]}


def test_it_refuses_a_place_over_200_characters(refused):
    assert refused(place="地" * 201) == {"place": ["问题发生地不能超过 200 个字"]}


def test_it_refuses_a_received_time_in_the_future(refused):
    assert refused(received_at=timezone.now() + dt.timedelta(hours=1)) == {
        "received_at": ["收到时间不能晚于现在"]
    }


def test_it_refuses_a_received_time_before_2000(refused):
    assert refused(received_at=beijing(1999, 12, 31, 12)) == {"received_at": ["收到时间不能早于 2000 年"]}


def test_it_refuses_a_missing_received_time(refused):
    assert refused(received_at=None) == {"received_at": ["请填写收到时间"]}


def test_it_refuses_a_township_registrar_registering_for_the_bureau(refused, city):
    errors = refused(actor=city.yunzhong_registrar, receiving_org=city.bureau)

    assert errors == {"receiving_org": ["只能以本单位或下级单位的名义登记"]}


def test_it_refuses_a_township_registrar_registering_for_another_township(refused, city):
    errors = refused(actor=city.yunzhong_registrar, receiving_org=city.jinshatan)

    assert errors == {"receiving_org": ["只能以本单位或下级单位的名义登记"]}


def test_it_lets_a_township_registrar_register_for_a_village_below_it(register, city):
    matter = register(actor=city.yunzhong_registrar, receiving_org=city.yunzhong_village).matter

    assert matter.receiving_org == city.yunzhong_village


def test_it_refuses_a_missing_receiving_org(refused):
    assert refused(receiving_org=None) == {"receiving_org": ["请选择登记单位"]}


def test_it_refuses_an_inactive_category(refused):
    old = category_save(category=Category(name="已停用的分类", is_active=False))

    assert refused(category=old) == {"category": ["该分类已停用"]}


def test_it_refuses_an_inactive_concerned_organisation(refused, city):
    closed = organisation_create(name="已撤并的乡", kind="township", parent=city.root, is_active=False)

    assert refused(concerned_org=closed) == {"concerned_org": ["该单位已停用"]}


def test_it_refuses_an_inactive_receiving_organisation(refused, city):
    # The intake form offers only active units; the service (and so the API) must refuse the others too.
    closed = organisation_create(name="已撤并的乡", kind="township", parent=city.root, is_active=False)

    assert refused(receiving_org=closed) == {"receiving_org": ["该单位已停用"]}


def test_it_refuses_an_unknown_channel(refused):
    assert refused(channel="fax") == {"channel": ["请选择信访渠道"]}


def test_it_refuses_an_unknown_nature(refused):
    assert refused(nature="gossip") == {"nature": ["请选择信访事项性质"]}


@pytest.mark.parametrize(
    ("id_number", "message"),
    [
        (GOOD_ID[:17], "身份证号码应为 18 位，当前为 17 位"),
        (WRONG_CHECK_ID, "身份证号码校验位不正确，请核对是否输错"),
        ("14062419800101A23X", "身份证号码前 17 位应为数字，最后一位为数字或 X"),
        (make_id_number(birth="19800231"), "身份证号码中的出生日期 19800231 不是有效日期"),
        (make_id_number(birth="18790101"), "身份证号码中的出生日期 1879-01-01 不合理"),
    ],
)
def test_it_refuses_a_bad_id_number_with_a_specific_message(refused, id_number, message):
    errors = refused(petitioners=[PetitionerEntry(name="李桂兰", id_number=id_number)])

    assert errors == {"petitioners.0.id_number": [message]}


def test_it_puts_a_bad_id_number_under_the_index_of_its_row(refused):
    errors = refused(
        head_count=2,
        petitioners=[
            PetitionerEntry(name="好人", id_number=make_id_number(sequence="111")),
            PetitionerEntry(name="错号", id_number="140624198001011230"),
        ],
    )

    assert list(errors) == ["petitioners.1.id_number"]


@pytest.mark.parametrize("phone", ["1391234567", "23912345678", "12345", "电话号码"])
def test_it_refuses_a_bad_phone_number(refused, phone):
    errors = refused(petitioners=[PetitionerEntry(name="李桂兰", phone=phone)])

    assert errors == {"petitioners.0.phone": ["电话号码格式不正确：手机号为 11 位数字，固定电话请带区号"]}


@pytest.mark.parametrize("phone", ["0349-6021234", "+86 139-1234-5678"])
def test_it_accepts_landlines_and_international_mobile_numbers(register, phone):
    assert register(petitioners=[PetitionerEntry(name="李桂兰", phone=phone)]).petitioners.get().phone_masked


def test_it_refuses_a_name_over_50_characters_and_an_address_over_200(refused):
    errors = refused(petitioners=[PetitionerEntry(name="名" * 51, address="址" * 201)])

    assert errors == {
        "petitioners.0.name": ["姓名不能超过 50 个字"],
        "petitioners.0.address": ["住址不能超过 200 个字"],
    }


def test_it_reports_every_bad_field_at_once(refused):
    errors = refused(
        title="",
        content="",
        received_at=beijing(1990, 1, 1),
        channel=Channel.LETTER,
        petitioners=[PetitionerEntry(name="李桂兰", id_number="123", phone="1")],
    )

    assert set(errors) == {
        "title",
        "content",
        "received_at",
        "petitioners.0.id_number",
        "petitioners.0.phone",
    }


@pytest.mark.parametrize("role_user", ["yunzhong_handler", "housing_handler", "leader", "lawyer"])
def test_it_refuses_roles_that_do_not_register(register, city, row_counts, role_user):
    actor = getattr(city, role_user)
    before = row_counts()

    with pytest.raises(PermissionDenied) as caught:
        register(actor=actor, receiving_org=actor.organisation)

    assert str(caught.value) == "只有登记员、督办员或管理员可以登记信访件"
    assert row_counts() == before
