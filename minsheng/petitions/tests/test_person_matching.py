"""Person matching at intake (/petitioners/search/): who is offered as the registrar types, why, and in
which order — by exact ID or phone number through the keyed hash, and by a name and address that are
close, same-sounding or one character off."""

import html as html_lib
import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from minsheng.conftest import make_id_number
from minsheng.petitions import matching, selectors
from minsheng.petitions.models import Channel, Petitioner
from minsheng.petitions.services import PetitionerEntry, messages_import

LI_ID = make_id_number(sequence="801")
LI_PHONE = "13912340801"
OTHER_ID = make_id_number(sequence="803")


@pytest.fixture
def people(register):
    """李桂兰 of 东关村 (ID, phone, two matters, one visit), and people easily confused with her."""
    li = register(
        channel=Channel.VISIT,
        petitioners=[
            PetitionerEntry(name="李桂兰", id_number=LI_ID, phone=LI_PHONE, address="云中镇东关村三组5号")
        ],
    ).petitioners.get()
    register(channel=Channel.LETTER, petitioners=[PetitionerEntry(petitioner_id=li.pk)])
    register(petitioners=[PetitionerEntry(name="李桂兰", address="金沙滩镇西村")])  # namesake, no ID
    register(petitioners=[PetitionerEntry(name="李四", address="云中镇东关村三组5号")])  # her husband
    register(petitioners=[PetitionerEntry(name="李建国", phone="13912340802")])
    register(petitioners=[PetitionerEntry(name="张伟", address="云中镇南关村")])
    register(petitioners=[PetitionerEntry(name="章伟", address="金沙滩镇西村")])
    return li


@pytest.fixture
def registrar_client(client, city):
    client.force_login(city.registrar)
    return client


def search(client, **params) -> tuple[int, list[dict], str]:
    """Status, the offered candidates in order (name, score, reasons, pk) and the HTML."""
    response = client.get("/petitioners/search/", params)
    text = response.content.decode()
    rows = []
    for item in re.findall(r'<li role="option".*?</li>', text, flags=re.S):
        rows.append(
            {
                "pk": int(re.search(r'data-id="(\d+)"', item).group(1)),
                "name": html_lib.unescape(re.search(r'data-name="([^"]*)"', item).group(1)),
                "score": int(re.search(r'data-score="(\d+)"', item).group(1)),
                "reasons": re.search(r'class="match-reasons">([^·<]*)', item).group(1).strip().split("、"),
            }
        )
    return response.status_code, rows, text


def names(rows) -> list[str]:
    return [r["name"] for r in rows]


def test_an_exact_id_number_ranks_first_with_its_reason(registrar_client, people):
    _, rows, _ = search(registrar_client, name="李桂兰", id_number=f"{LI_ID[:6]} {LI_ID[6:].lower()}")

    first = rows[0]
    assert (first["pk"], first["score"]) == (people.pk, 100)
    assert first["reasons"] == ["身份证号一致", "姓名一致"]
    # The namesake without an ID number may still be the person; the typed number rules out nobody else.
    assert names(rows) == ["李桂兰", "李桂兰"]
    assert rows[1]["reasons"] == ["姓名一致"]


def test_someone_with_another_id_number_is_not_offered_for_a_typed_id_number(
    registrar_client, register, people
):
    register(petitioners=[PetitionerEntry(name="李桂兰", id_number=OTHER_ID)])

    _, rows, _ = search(registrar_client, q=LI_ID, name="李桂兰")
    assert OTHER_ID[-4:] not in "".join(str(r) for r in rows)
    assert len(rows) == 2

    # Without an ID number typed, she is one of three namesakes.
    _, rows, _ = search(registrar_client, q="李桂兰")
    assert names(rows) == ["李桂兰"] * 3


def test_an_exact_phone_number_ranks_first_with_its_reason(registrar_client, people):
    _, rows, _ = search(registrar_client, q="139-1234-0801", name="李贵兰")

    assert rows[0]["pk"] == people.pk
    assert rows[0]["reasons"] == ["电话一致", "姓名同音"]
    assert rows[0]["score"] > max(r["score"] for r in rows[1:])


def test_a_phone_alone_finds_the_person_whatever_name_is_typed(registrar_client, people):
    _, rows, _ = search(registrar_client, phone="13912340802", name="王五")

    assert [(r["name"], r["reasons"]) for r in rows] == [("李建国", ["电话一致"])]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("李贵兰", "姓名同音"),  # a same-sounding character
        ("李柱兰", "姓名相近"),  # a wrong character in the middle
        ("季桂兰", "姓名相近"),  # … in the surname
        ("李桂芝", "姓名相近"),  # … at the end
        ("倪桂兰", "姓名音近"),  # n / l, as many dialects say it
        ("李 桂兰", "姓名一致"),  # spaces are not part of a name
    ],
)
def test_it_finds_a_person_by_a_name_with_a_typo_or_a_same_sounding_character(
    registrar_client, people, typed, reason
):
    _, rows, _ = search(registrar_client, q=typed)

    assert people.pk in [r["pk"] for r in rows]
    assert next(r for r in rows if r["pk"] == people.pk)["reasons"] == [reason]
    assert "李四" not in names(rows)
    assert "李建国" not in names(rows)


def test_it_finds_zhang_wei_written_with_either_zhang(registrar_client, people):
    _, rows, _ = search(registrar_client, q="章伟")

    assert [(r["name"], r["reasons"]) for r in rows] == [("章伟", ["姓名一致"]), ("张伟", ["姓名同音"])]


def test_a_name_and_address_both_close_rank_above_the_name_alone(registrar_client, people):
    _, rows, _ = search(registrar_client, q="李桂兰", address="云中镇东关村三组")

    assert rows[0]["pk"] == people.pk
    assert rows[0]["reasons"] == ["姓名一致", "住址相近"]
    assert rows[1]["name"] == "李桂兰"
    assert rows[1]["reasons"] == ["姓名一致"]
    assert rows[0]["score"] > rows[1]["score"]

    # The address decides between namesakes, and lifts a same-sounding name in the right place.
    _, rows, _ = search(registrar_client, q="张伟", address="金沙滩镇西村")
    assert [(r["name"], r["reasons"]) for r in rows] == [
        ("章伟", ["姓名同音", "住址一致"]),
        ("张伟", ["姓名一致"]),
    ]


def test_a_one_character_typo_with_the_address_ranks_above_a_same_sounding_name_alone(
    registrar_client, register, people
):
    register(petitioners=[PetitionerEntry(name="李贵兰", address="金沙滩镇东村")])

    _, rows, _ = search(registrar_client, q="李柱兰", address="东关村三组5号")

    assert rows[0]["pk"] == people.pk
    assert rows[0]["reasons"] == ["姓名相近", "住址相近"]


def test_a_two_character_name_one_character_off_is_offered_only_at_a_close_address(registrar_client, people):
    _, rows, _ = search(registrar_client, q="张传")
    assert rows == []

    _, rows, _ = search(registrar_client, q="张传", address="云中镇南关村")
    assert [(r["name"], r["reasons"]) for r in rows] == [("张伟", ["姓名相近", "住址一致"])]


def test_someone_sharing_only_the_surname_is_not_offered_even_at_the_same_address(registrar_client, people):
    _, rows, _ = search(registrar_client, q="李秀英", address="云中镇东关村三组5号")

    assert rows == []


def test_it_still_offers_everyone_whose_name_starts_so_while_the_registrar_types(registrar_client, people):
    _, rows, _ = search(registrar_client, q="李桂")

    assert names(rows) == ["李桂兰", "李桂兰"]
    assert rows[0]["pk"] == people.pk  # the one with more matters first
    assert rows[0]["reasons"] == ["姓名开头一致"]


def test_the_candidates_show_reasons_score_matters_and_visits_but_only_masked_numbers(
    registrar_client, people
):
    _, rows, text = search(registrar_client, q="李桂兰", address="东关村", id_number=LI_ID, phone=LI_PHONE)

    assert rows[0]["reasons"] == ["身份证号一致", "电话一致", "姓名一致", "住址相近"]
    assert "匹配度 100" in text
    assert "2 件事项，来访 1 次" in text
    assert f'data-id-number="{LI_ID[:6]}********{LI_ID[-4:]}"' in text
    assert 'data-phone="139****0801"' in text
    assert LI_ID not in text
    assert LI_PHONE not in text


def test_the_selector_gives_each_candidate_a_score_and_reasons(city, people):
    found = selectors.petitioner_search(user=city.registrar, query="李贵兰", address="东关村三组")

    assert [(p.name, p.match_reasons) for p in found] == [
        ("李桂兰", ["姓名同音", "住址相近"]),
        ("李桂兰", ["姓名同音"]),
    ]
    assert found[0].match_score > found[1].match_score


def test_an_accuser_stays_hidden_from_a_township_registrar(client, city, register, people):
    register(
        nature="accusation",
        title="举报云中镇干部截留补偿款",
        concerned_org=city.yunzhong,
        petitioners=[PetitionerEntry(name="赵举报", phone="13912340809", address="云中镇东关村")],
    )

    client.force_login(city.yunzhong_registrar)
    for params in (
        {"q": "赵举报"},
        {"q": "赵举宝"},
        {"q": "13912340809"},
        {"name": "赵举报", "address": "东关村"},
    ):
        status, _, text = search(client, **params)
        assert status == 200
        assert "赵举报" not in text, params
    # … while the township still finds the people it may see, and the bureau finds the accuser.
    assert people.pk in [r["pk"] for r in search(client, q="李桂兰")[1]]
    client.force_login(city.registrar)
    assert names(search(client, q="赵举宝")[1]) == ["赵举报"]


@pytest.mark.parametrize("role_user", ["yunzhong_handler", "leader", "lawyer"])
def test_a_user_who_cannot_register_gets_nothing(client, city, people, role_user):
    client.force_login(getattr(city, role_user))

    for params in (
        {"q": "李桂兰", "address": "东关村"},
        {"name": "李贵兰"},
        {"id_number": LI_ID},
        {"phone": LI_PHONE},
    ):
        status, rows, text = search(client, **params)
        assert status == 200
        assert rows == []
        assert "李桂兰" not in text


def test_an_address_alone_finds_nobody(registrar_client, people):
    _, rows, _ = search(registrar_client, address="云中镇东关村三组5号")

    assert rows == []


@pytest.mark.parametrize(
    "text",
    [
        "李" * 10_000,
        "1" * 10_000,
        "' OR 1=1 --",
        "李'; DROP TABLE petitions_petitioner; --",
        '"李桂兰" AND NOT 王* NEAR(李 桂) ^ -',
        "%",
        "_",
        "李%",
        "\\",
        "李\x00桂兰",
        "()[]{}*:\"'`~!@#$",
        "\U0010ffff\ud7ff",
    ],
)
def test_bad_or_huge_input_is_answered_without_error(registrar_client, people, text):
    for params in ({"q": text}, {"name": text, "address": text, "id_number": text, "phone": text}):
        status, rows, _ = search(registrar_client, **params)
        assert status == 200
        # Wildcards and quotes are only characters: nothing matches them.
        assert all(r["name"] in ("李桂兰", "李四") for r in rows)
    assert Petitioner.objects.filter(name="李桂兰").count() == 2


def test_a_name_of_wildcards_matches_nobody(registrar_client, people):
    for text in ("%%", "__", "李%", "李_"):
        assert search(registrar_client, q=text)[1] == [], text


def test_new_petitioners_get_their_keys_at_intake_and_at_import(city, register, people):
    assert Petitioner.objects.get(pk=people.pk).name_sound == "li gui lan"
    stored = Petitioner.objects.get(pk=people.pk)
    assert stored.address_key == "云中镇东关村3组5号"

    messages_import(records=[_message("9001", user="张 三")], organisation=city.bureau)
    imported = Petitioner.objects.get(name="张 三")
    assert (imported.name_key, imported.name_pinyin) == ("张三", "zhang san")


def _message(external_id: str, *, user: str) -> dict:
    return {
        "_line": 2,
        "留言编号": external_id,
        "留言用户": user,
        "留言主题": "小区物业管理有问题",
        "留言时间": "2019/4/25 9:32:09",
        "留言详情": "小区物业扬言要退出小区。",
    }


def _blank_keys():
    Petitioner.objects.update(**dict.fromkeys(matching.MATCH_KEY_FIELDS, ""))


def _keys_are_current() -> bool:
    return all(
        {f: getattr(p, f) for f in matching.MATCH_KEY_FIELDS}
        == matching.match_keys(name=p.name, address=p.address)
        for p in Petitioner.objects.all()
    )


def test_the_backfill_migration_fills_the_keys_of_existing_petitioners(registrar_client, people):
    _blank_keys()
    assert search(registrar_client, q="李贵兰")[1] == []

    migration = importlib.import_module("minsheng.petitions.migrations.0006_petitioner_match_keys_backfill")
    migration.fill_match_keys(django_apps, None)

    assert _keys_are_current()
    assert people.pk in [r["pk"] for r in search(registrar_client, q="李贵兰")[1]]


def test_the_refresh_command_recomputes_stale_keys_and_only_those(people, capsys):
    Petitioner.objects.filter(pk=people.pk).update(name_sound="", address_key="")
    total = Petitioner.objects.count()

    call_command("refresh_petitioner_keys", "--batch-size", "2")
    assert "已更新 1 名" in capsys.readouterr().out
    assert _keys_are_current()

    _blank_keys()
    call_command("refresh_petitioner_keys")
    assert f"已更新 {total} 名" in capsys.readouterr().out
    call_command("refresh_petitioner_keys")
    assert "已更新 0 名" in capsys.readouterr().out
