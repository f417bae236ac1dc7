"""The intake page's suggestion panel: buttons that fill the category and unit fields."""

import json

import pytest

from minsheng.classify.models import CategorySuggestionFeedback, SuggestionModel
from minsheng.classify.services import classifier_train
from minsheng.petitions.models import Matter
from minsheng.petitions.tests.helpers import intake_data


@pytest.fixture
def registrar_client(client, city):
    client.force_login(city.registrar)
    return client


def test_the_intake_page_loads_the_panel_next_to_the_category_field(registrar_client, small_taxonomy):
    html = registrar_client.get("/intake/").content.decode()
    panel = html.index('id="classify-suggestions"')
    assert html.index('for="id_category"') < panel < html.index('for="id_matter_number"')
    assert 'hx-post="/classify/intake/"' in html
    assert "classify/suggestions.js" in html


def test_the_panel_offers_three_categories_and_units_as_buttons(registrar_client, small_taxonomy, city):
    response = registrar_client.post(
        "/classify/intake/",
        {"title": "工厂大气污染", "content": "化工厂夜间排放废气，大气污染严重。", "nature": "claim"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-fill="id_category"') == 3
    assert f'data-fill="id_category" data-value="{small_taxonomy["环境保护"].pk}"' in html
    assert 'data-fill="id_concerned_org"' in html
    shown = json.loads(html.split('name="classify_shown" value="')[1].split('"')[0].replace("&quot;", '"'))
    assert shown["categories"][0]["id"] == small_taxonomy["环境保护"].pk
    assert "尚未训练模型" in html


def test_without_text_the_panel_only_explains_itself(registrar_client, small_taxonomy):
    html = registrar_client.post("/classify/intake/", {"title": "", "content": ""}).content.decode()
    assert "填写标题或内容后" in html and "data-fill" not in html


def test_the_panel_is_for_registering_roles_only(client, city, small_taxonomy):
    client.force_login(city.housing_handler)
    assert client.post("/classify/intake/", {"title": "物业", "content": "物业"}).status_code == 403
    client.logout()
    assert client.post("/classify/intake/", {"title": "物业", "content": "物业"}).status_code == 302


def test_registering_records_what_was_shown_and_what_was_chosen_and_learns_it(
    registrar_client, small_taxonomy, city, tmp_path
):
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    model = SuggestionModel.objects.get(kind="category", is_active=True)
    labour, housing = small_taxonomy["劳动和社会保障"], small_taxonomy["城乡建设"]
    shown = {
        "categories": [{"id": housing.pk, "score": 0.6}, {"id": labour.pk, "score": 0.3}],
        "units": [{"id": city.housing.pk, "score": 0.5}],
    }
    response = registrar_client.post(
        "/intake/",
        intake_data(
            city,
            {0: {"name": "李桂兰"}},
            title="工地拖欠农民工工资",
            content="建筑工地拖欠农民工工资半年。",
            category=str(labour.pk),
            concerned_org=str(city.housing.pk),
            classify_shown=json.dumps(shown),
        ),
    )
    assert response.status_code == 302
    feedback = CategorySuggestionFeedback.objects.get()
    assert feedback.matter == Matter.objects.get(title="工地拖欠农民工工资")
    assert feedback.actor == city.registrar
    assert (feedback.chosen_category, feedback.chosen_top_category) == (labour, labour)
    assert (feedback.category_rank, feedback.unit_rank) == (2, 1)
    assert feedback.suggested_categories == shown["categories"]
    assert feedback.model_updated is True
    model.refresh_from_db()
    assert model.docs.get(str(labour.pk)) == 1.0 and model.updates == 1


def test_a_registration_without_the_panel_records_nothing(registrar_client, small_taxonomy, city):
    response = registrar_client.post("/intake/", intake_data(city, {0: {"name": "李桂兰"}}))
    assert response.status_code == 302
    assert not CategorySuggestionFeedback.objects.exists()


def test_learning_from_one_confirmation_gives_the_weights_retraining_would_give(
    small_taxonomy, city, register, tmp_path
):
    from minsheng.classify.models import SuggestionWeight
    from minsheng.classify.services import suggestion_feedback_record

    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    matter = register(
        title="供暖温度不达标", content="小区供暖温度只有十二度。", category=small_taxonomy["城乡建设"]
    ).matter
    suggestion_feedback_record(
        actor=city.registrar, matter=matter, shown_categories=[], category=small_taxonomy["城乡建设"]
    )

    def snapshot():
        model = SuggestionModel.objects.get(kind="category", is_active=True)
        weights = {
            (f, label): w
            for f, label, w in SuggestionWeight.objects.filter(model=model).values_list(
                "feature", "label", "weight"
            )
        }
        return weights, model.totals, model.docs, model.vocabulary

    learnt = snapshot()
    classifier_train(shared_data_dir=tmp_path, cross_validate=False)
    retrained = snapshot()
    assert learnt[0].keys() == retrained[0].keys()
    assert learnt[0] == pytest.approx(retrained[0])
    assert learnt[1] == pytest.approx(retrained[1])
    assert (learnt[2], learnt[3]) == (retrained[2], retrained[3])
