"""The category tree is seeded from the real three-level taxonomy plus the petition categories."""

import csv

import pytest

from minsheng.petitions.models import Category
from minsheng.petitions.services import categories_seed
from minsheng.petitions.services.categories import PETITION_CATEGORIES, PETITION_ROOT

pytestmark = pytest.mark.django_db


def test_it_loads_every_level_of_the_taxonomy(shared_data):
    path = shared_data / "taidi2020C_fujian1_label_taxonomy.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))

    categories_seed(taxonomy_csv=path)

    tops = {row["一级分类"] for row in rows}
    assert (
        set(Category.objects.filter(level=1).exclude(name=PETITION_ROOT).values_list("name", flat=True))
        == tops
    )
    assert len(tops) == 15
    leaf = rows[0]
    found = Category.objects.get(
        name=leaf["三级分类"], parent__name=leaf["二级分类"], parent__parent__name=leaf["一级分类"]
    )
    assert found.level == 3
    assert found.full_name == f"{leaf['一级分类']} / {leaf['二级分类']} / {leaf['三级分类']}"


def test_it_adds_the_petition_categories_even_without_the_taxonomy(tmp_path):
    categories_seed(taxonomy_csv=tmp_path / "absent.csv")

    root = Category.objects.get(name=PETITION_ROOT, parent=None)
    assert list(root.children.order_by("sort_order").values_list("name", flat=True)) == PETITION_CATEGORIES


def test_it_creates_nothing_twice(shared_data):
    path = shared_data / "taidi2020C_fujian1_label_taxonomy.csv"
    first = categories_seed(taxonomy_csv=path)
    count = Category.objects.count()

    second = categories_seed(taxonomy_csv=path)

    assert first == count > 500
    assert second == 0
    assert Category.objects.count() == count
