"""`manage.py train_classifier` learns from labelled files, staff-categorised matters and the taxonomy."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from minsheng.classify.models import SuggestionModel, SuggestionWeight
from minsheng.classify.selectors import suggestions_for
from minsheng.classify.services import classifier_refresh, classifier_train
from minsheng.petitions.models import Category


def _last_json(output: str) -> dict:
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def test_it_trains_from_the_labels_and_reports_cross_validated_figures(
    taxonomy, labelled, labels_folder, shared_data
):
    folder = labels_folder({"testdata2801_sample": [(m.message_id, m.category, "") for m in labelled[:400]]})
    out = StringIO()
    call_command("train_classifier", labels=folder, shared_data=shared_data, stdout=out)
    output = out.getvalue()
    result = _last_json(output)

    assert "labels:testdata2801 400 条" in output
    assert result["category_cv"]["n"] == 400
    assert result["category_cv"]["top1"] > result["category_baseline_cv"]["top1"]
    assert result["category_cv"]["top3"] >= result["category_baseline_cv"]["top3"]
    models = {m.kind: m for m in SuggestionModel.objects.filter(is_active=True)}
    assert set(models) == {"category", "unit"}
    category_model = models["category"]
    assert category_model.docs and sum(category_model.docs.values()) == 400
    assert category_model.summary["cross_validation"] == result["category_cv"]
    assert SuggestionWeight.objects.filter(model=category_model).count() == result["weights"]


def test_training_twice_on_the_same_data_gives_the_same_weights(small_taxonomy, register, city, tmp_path):
    register(title="小区物业乱收费", content="物业公司收取停车费", category=small_taxonomy["城乡建设"])
    register(title="学校乱收补课费", content="老师要求学生补课", category=small_taxonomy["教育文体"])
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    first = set(SuggestionWeight.objects.values_list("model__kind", "feature", "label", "weight"))
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    second = set(SuggestionWeight.objects.values_list("model__kind", "feature", "label", "weight"))
    assert first == second
    assert SuggestionModel.objects.count() == 2  # the old models are replaced, not kept


def test_without_the_shared_data_it_says_so_and_trains_on_matters_and_the_taxonomy(
    small_taxonomy, register, tmp_path
):
    register(title="工厂夜间排放废气", content="刺鼻气味", category=small_taxonomy["环境保护"])
    out = StringIO()
    call_command("train_classifier", shared_data=tmp_path / "absent", stdout=out)
    output = out.getvalue()
    assert "未找到共享数据目录" in output
    assert "matters 1 条" in output
    model = SuggestionModel.objects.get(kind="category", is_active=True)
    assert model.docs == {str(small_taxonomy["环境保护"].pk): 1.0}
    assert suggestions_for(title="排放废气", content="").trained is True


def test_only_matters_categorised_by_staff_teach_the_category_model(small_taxonomy, register, city, tmp_path):
    from minsheng.petitions.models import Matter

    register(title="反映供暖不热", content="暖气不热", category=Category.objects.get(name="冬季采暖"))
    register(title="没有分类的事项", content="内容")
    imported = register(title="历史导入", content="旧留言", category=small_taxonomy["卫生计生"]).matter
    Matter.objects.filter(pk=imported.pk).update(source=Matter.Source.IMPORT)

    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    model = SuggestionModel.objects.get(kind="category", is_active=True)
    # The level-3 category counts for its level-1 ancestor; uncategorised and imported matters not at all.
    assert model.docs == {str(small_taxonomy["城乡建设"].pk): 1.0}


def test_units_are_learnt_from_routed_matters_but_not_from_routings_objected_to(
    small_taxonomy, register, city, tmp_path
):
    from minsheng.petitions.services import matter_object, matter_route

    kept = register(title="物业问题", content="物业", category=small_taxonomy["城乡建设"]).matter
    matter_route(actor=city.supervisor, matter=kept, kind="transfer", to_org=city.housing)
    refused = register(title="路灯不亮", content="路灯", category=small_taxonomy["城乡建设"]).matter
    matter_route(actor=city.supervisor, matter=refused, kind="transfer", to_org=city.yunzhong)
    matter_object(actor=city.yunzhong_handler, matter=refused, reason="不属于本单位职责范围，应由住建局办理")

    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    unit_model = SuggestionModel.objects.get(kind="unit", is_active=True)
    assert unit_model.labels == [str(city.housing.pk)]
    assert unit_model.docs == {str(city.housing.pk): 1.0}
    prior = SuggestionWeight.objects.get(model=unit_model, feature=f"c:{small_taxonomy['城乡建设'].pk}")
    assert (prior.label, prior.weight) == (str(city.housing.pk), 1.0)


def test_load_demo_trains_only_when_there_is_no_model_or_new_matters(small_taxonomy, tmp_path, settings):
    settings.SHARED_DATA_DIR = tmp_path
    assert classifier_refresh() is not None
    assert classifier_refresh() is None
    assert classifier_refresh(force=True) is not None


def test_without_any_categories_or_taxonomy_file_it_refuses_with_a_clear_message(db, tmp_path):
    with pytest.raises(CommandError, match="系统中还没有分类"):
        call_command("train_classifier", shared_data=tmp_path, stdout=StringIO())
