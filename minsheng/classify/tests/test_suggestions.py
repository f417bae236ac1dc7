"""suggestions_for ranks top-level categories and units: from day one on the taxonomy, then as learnt."""

import pytest
from django.core.exceptions import ValidationError

from minsheng.accounts.models import Organisation
from minsheng.accounts.services import organisation_create
from minsheng.classify.selectors import suggestions_for, unit_candidates
from minsheng.classify.services import classifier_train


@pytest.fixture
def departments(city):
    make = lambda name, short: organisation_create(  # noqa: E731
        name=name, short_name=short, kind=Organisation.Kind.DEPARTMENT, parent=city.root
    )
    return {
        "education": make("怀仁市教育局", "教育局"),
        "environment": make("怀仁市生态环境局", "生态环境局"),
        "labour": make("怀仁市人力资源和社会保障局", "人社局"),
    }


def test_with_no_training_data_the_taxonomy_names_and_unit_names_already_suggest(
    small_taxonomy, city, departments
):
    found = suggestions_for(
        title="学校教学管理混乱", content="民办学校的教学管理很差，老师经常缺课。", user=city.registrar
    )
    assert found.trained is False
    assert found.categories[0].name == "教育文体"
    assert len(found.categories) == 3
    assert found.units[0].id == departments["education"].pk
    assert 0 <= found.categories[2].score <= found.categories[1].score <= found.categories[0].score <= 1


def test_learnt_examples_change_the_ranking(small_taxonomy, city, register, departments, tmp_path):
    text = {"title": "反映扬尘", "content": "工地扬尘很大，呛得人喘不过气。"}
    before = suggestions_for(**text, user=city.registrar)
    for words in ("工地扬尘严重", "扬尘污染", "道路扬尘"):
        register(title=words, content=f"{words}，请求治理。", category=small_taxonomy["环境保护"])
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    after = suggestions_for(**text, user=city.registrar)
    assert after.trained is True
    assert after.categories[0].name == "环境保护"
    assert before.categories[0].name != "环境保护" or after.categories[0].score > before.categories[0].score


def test_units_come_from_routed_matters_and_from_the_place_named(small_taxonomy, city, register, tmp_path):
    from minsheng.petitions.services import matter_route

    for title in ("物业乱收停车费", "物业不维修电梯", "物业服务差"):
        matter = register(title=title, content=f"{title}。", category=small_taxonomy["城乡建设"]).matter
        matter_route(actor=city.supervisor, matter=matter, kind="transfer", to_org=city.housing)
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)

    found = suggestions_for(title="物业收费不合理", content="小区物业乱收费。", user=city.registrar)
    assert found.units[0].id == city.housing.pk
    placed = suggestions_for(
        title="村里道路坑洼", content="路面坑洼不平。", place="金沙滩镇西村", user=city.registrar
    )
    assert city.jinshatan.pk in [s.id for s in placed.units]


def test_units_offered_are_only_those_the_user_may_route_to(city):
    bureau = set(unit_candidates(user=city.registrar).values_list("pk", flat=True))
    township = set(unit_candidates(user=city.yunzhong_registrar).values_list("pk", flat=True))
    assert {city.housing.pk, city.yunzhong.pk, city.discipline.pk} <= bureau
    assert city.bureau.pk not in bureau and city.root.pk not in bureau
    # A township sends matters down its own system only (Art 23).
    assert township == {city.yunzhong_village.pk}


def test_empty_text_is_refused_and_very_long_text_is_read(small_taxonomy, city):
    with pytest.raises(ValidationError) as caught:
        suggestions_for(title="  ", content="\n", user=city.registrar)
    assert caught.value.message_dict == {"content": ["请填写标题或信访内容"]}
    long = "小区物业乱收停车费，" * 1000
    assert len(long) == 10_000
    found = suggestions_for(title="", content=long, user=city.registrar)
    assert found.categories[0].name == "城乡建设"
    with pytest.raises(ValidationError) as caught:
        suggestions_for(title="物业", content="费" * 20_001, user=city.registrar)
    assert "content" in caught.value.message_dict
