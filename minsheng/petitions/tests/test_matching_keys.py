"""The keys stored for finding a person again, and the score of a candidate (petitions.matching)."""

import pytest

from minsheng.petitions import matching
from minsheng.petitions.matching import Candidate, Typed


def candidate(name: str, address: str = "", **flags) -> Candidate:
    keys = matching.match_keys(name=name, address=address)
    return Candidate(
        name_key=keys["name_key"],
        name_pinyin=keys["name_pinyin"],
        name_sound=keys["name_sound"],
        address_key=keys["address_key"],
        **flags,
    )


def scored(typed_name: str, name: str, typed_address: str = "", address: str = "", **flags):
    return matching.score(Typed.of(name=typed_name, address=typed_address), candidate(name, address, **flags))


def test_it_keys_a_name_by_its_characters_pinyin_and_sound():
    assert matching.match_keys(name="李桂兰", address="云中镇东关村") == {
        "name_key": "李桂兰",
        "name_given": "桂兰",
        "name_ends": "李兰",
        "name_pinyin": "li gui lan",
        "name_sound": "li gui lan",
        "address_key": "云中镇东关村",
    }


def test_it_ignores_spaces_and_full_width_letters_in_names():
    assert matching.normalize_name(" 李 桂\u3000兰 ") == "李桂兰"
    assert matching.normalize_name("ＡＢＣ张") == "abc张"
    assert matching.normalize_name("阿依古丽•买买提") == matching.normalize_name("阿依古丽·买买提")


@pytest.mark.parametrize(
    ("one", "other"), [("李桂兰", "李贵兰"), ("张伟", "章伟"), ("王建国", "汪健国"), ("刘芳", "柳芳")]
)
def test_it_gives_same_sounding_names_the_same_pinyin(one, other):
    assert matching.match_keys(name=one)["name_pinyin"] == matching.match_keys(name=other)["name_pinyin"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("张伟", "臧伟"),
        ("陈静", "岑静"),
        ("李兰", "倪兰"),
        ("王芳", "王方"),
        ("黄明", "黄敏"),
        ("沈平", "沈频"),
    ],
)
def test_it_gives_names_that_dialects_confuse_the_same_sound(one, other):
    # zh/z, ch/c, sh/s, n/l and -ng/-n, as fuzzy-pinyin input methods merge them.
    assert matching.match_keys(name=one)["name_sound"] == matching.match_keys(name=other)["name_sound"]


def test_it_reads_surnames_as_surnames():
    assert matching.match_keys(name="曾伟")["name_pinyin"] == "zeng wei"
    assert matching.match_keys(name="单田芳")["name_pinyin"] == "shan tian fang"
    assert matching.match_keys(name="尉迟恭")["name_pinyin"] == "yu chi gong"
    # … but only in the surname's place: 曾 inside a given name keeps its everyday reading.
    assert matching.match_keys(name="王曾")["name_pinyin"] == "wang ceng"


def test_the_keys_of_a_name_typed_so_far_are_a_prefix_of_the_whole_names_keys():
    whole = matching.match_keys(name="欧阳建国")
    for n in range(1, 4):
        part = matching.match_keys(name="欧阳建国"[:n])
        assert whole["name_key"].startswith(part["name_key"])
        assert whole["name_pinyin"].startswith(part["name_pinyin"])


def test_it_takes_compound_surnames_off_the_given_name():
    assert matching.given_name("欧阳建国") == "建国"
    assert matching.given_name("司马光") == "光"
    assert matching.given_name("李桂兰") == "桂兰"
    assert matching.given_name("欧阳") == "阳"  # a two-character name is a surname and a given name
    assert matching.name_ends("张伟") == ""
    assert matching.name_ends("欧阳建国") == "欧国"


def test_it_normalises_addresses_punctuation_widths_and_chinese_numbers():
    assert matching.normalize_address("云中镇 东关村三组，5号") == "云中镇东关村3组5号"
    assert matching.normalize_address("幸福小区十二号楼二〇三室") == "幸福小区12号楼203室"
    assert matching.normalize_address("新华路一百零五号（Ａ座）") == "新华路105号a座"
    assert matching.normalize_address("") == ""


def test_it_clips_long_input_and_drops_control_characters():
    keys = matching.match_keys(name="李" * 10_000 + "\x00", address="村" * 10_000)
    assert len(keys["name_key"]) == matching.NAME_MAX
    assert len(keys["address_key"]) == matching.ADDRESS_MAX
    assert len(keys["name_pinyin"]) <= matching.PINYIN_MAX
    assert matching.normalize_name("李\x00桂兰") == "李桂兰"


def test_an_id_number_match_scores_highest_whatever_the_name():
    match = scored("王五", "李桂兰", id_number_matches=True)
    assert (match.score, match.reasons) == (100, ("id_number",))
    assert scored("李桂兰", "李桂兰", id_number_matches=True, phone_matches=True).reasons == (
        "id_number",
        "phone",
        "name_same",
    )


def test_a_phone_match_ranks_above_any_name_match_and_is_surer_with_the_name():
    phone_only = scored("", "李桂兰", phone_matches=True)
    phone_and_name = scored("李桂兰", "李桂兰", phone_matches=True)
    best_name = scored("李桂兰", "李桂兰", "东关村", "东关村")
    assert phone_only.reasons == ("phone",)
    assert best_name.score < phone_only.score < phone_and_name.score < 100


def test_another_id_number_is_another_person():
    assert scored("李桂兰", "李桂兰", has_other_id_number=True) is None
    assert scored("李桂兰", "李桂兰", has_other_id_number=True, phone_matches=True) is None


@pytest.mark.parametrize(
    ("typed", "name", "reason"),
    [
        ("李桂兰", "李桂兰", "name_same"),
        ("李贵兰", "李桂兰", "name_homophone"),
        ("章伟", "张伟", "name_homophone"),
        ("倪桂兰", "李桂兰", "name_sound"),
        ("李柱兰", "李桂兰", "name_similar"),  # a wrong character in the middle
        ("季桂兰", "李桂兰", "name_similar"),  # … in the surname
        ("李桂芝", "李桂兰", "name_similar"),  # … at the end
        ("李贵芝", "李桂兰", "name_similar"),  # a same-sounding one and a wrong one
        ("李桂", "李桂兰", "name_prefix"),  # still typing
        ("李贵", "李桂兰", "name_prefix"),  # still typing, by sound
    ],
)
def test_it_offers_close_names_with_the_reason(typed, name, reason):
    match = scored(typed, name)
    assert match is not None
    assert match.reasons == (reason,)


def test_closer_names_score_higher():
    order = ["李桂兰", "李贵兰", "倪桂兰", "李柱兰"]
    scores = [scored("李桂兰", n).score for n in order]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)


def test_a_wrong_character_in_the_given_name_ranks_above_one_in_the_surname():
    assert scored("陈艳伟", "陈艳燕").score > scored("陈艳伟", "任艳伟").score


@pytest.mark.parametrize("name", ["李四", "李建国", "王桂兰芳", "张伟"])
def test_it_does_not_offer_someone_who_shares_only_the_surname_or_little_else(name):
    assert scored("李桂兰", name) is None
    # … nor because they live at the same address (a relative is another person).
    assert scored("李桂兰", name, "云中镇东关村三组", "云中镇东关村3组") is None


def test_a_name_and_an_address_both_close_rank_above_the_name_alone():
    typed = ("李桂兰", "云中镇东关村三组")
    same_name_there = scored(*typed[:1], "李桂兰", typed[1], "云中镇东关村3组5号")
    same_name_elsewhere = scored(*typed[:1], "李桂兰", typed[1], "金沙滩镇西村")
    same_name_no_address = scored(*typed[:1], "李桂兰", typed[1], "")
    typo_there = scored(*typed[:1], "李柱兰", typed[1], "云中镇东关村三组")
    typo_only = scored(*typed[:1], "李柱兰", typed[1], "")

    assert same_name_there.reasons == ("name_same", "address_similar")
    assert typo_there.reasons == ("name_similar", "address_same")
    assert same_name_there.score > same_name_no_address.score > same_name_elsewhere.score
    assert typo_there.score > typo_only.score
    assert typo_there.score > scored("李桂兰", "李贵兰").score  # beats a same-sounding name alone


def test_a_two_character_name_with_a_wrong_character_needs_a_close_address():
    assert scored("张伟", "张炜").reasons == ("name_homophone",)
    assert scored("张伟", "张传") is None
    assert scored("张伟", "张传", "云中镇东关村三组", "云中镇东关村三组").reasons == (
        "name_similar",
        "address_same",
    )


def test_the_reasons_have_labels_to_show():
    match = scored("李柱兰", "李桂兰", "东关村三组", "云中镇东关村三组")
    assert match.labels == ["姓名相近", "住址相近"]
    assert set(matching.REASON_LABELS) >= {"id_number", "phone", "name_homophone"}
