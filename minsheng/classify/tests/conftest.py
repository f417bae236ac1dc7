"""Fixtures for the suggestion tests: the taxonomy, labelled messages, a small labels folder."""

import csv
from pathlib import Path

import pytest

from minsheng.classify.labelfiles import LABELS_DIR, MESSAGE_FILES, read_label_files
from minsheng.petitions.models import Category
from minsheng.petitions.services import categories_seed

TAXONOMY_FILE = "taidi2020C_fujian1_label_taxonomy.csv"
SEVEN = ("城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游", "卫生计生")

# A few branches of the real taxonomy, for tests that must run without the shared data.
SMALL_TAXONOMY = {
    "城乡建设": {
        "住房保障与房地产": ["物业服务", "住房公积金"],
        "城市建设和市政管理": ["冬季采暖", "燃气供应"],
    },
    "教育文体": {"教育行政管理": ["教学管理", "民办学校"], "教师队伍和待遇": ["工资福利"]},
    "环境保护": {"环境污染": ["大气污染", "噪音污染", "水污染"]},
    "劳动和社会保障": {"劳动关系": ["劳动合同纠纷", "农民工权益"], "工资福利": ["工资发放"]},
    "卫生计生": {"医患纠纷": ["医疗事故争议"], "食品药品监管": ["食品安全"]},
    "交通运输": {"客货运输": ["旅客运输"], "出租车管理": ["网约车问题"]},
    "商贸旅游": {"市场监管": ["商品质量", "物价监督"], "旅游管理": ["景区管理"]},
}


@pytest.fixture
def taxonomy(db, shared_data):
    """The board's real three-level taxonomy, as load_demo seeds it."""
    categories_seed(taxonomy_csv=shared_data / TAXONOMY_FILE)
    return {c.name: c for c in Category.objects.filter(level=1)}


@pytest.fixture
def small_taxonomy(db):
    from minsheng.petitions.services import category_save

    tops = {}
    for order, (top, branches) in enumerate(SMALL_TAXONOMY.items()):
        parent = category_save(category=Category(name=top, sort_order=order))
        tops[top] = parent
        for second, thirds in branches.items():
            middle = category_save(category=Category(name=second, parent=parent))
            for third in thirds:
                category_save(category=Category(name=third, parent=middle))
    return tops


@pytest.fixture
def labelled(shared_data):
    """The hand-labelled test messages (testdata2801) with their texts, in file order."""
    report = read_label_files(shared_data_dir=shared_data, labels_dir=LABELS_DIR)
    messages = [m for m in report.messages if m.source.startswith("testdata2801") and m.category]
    if len(messages) < 500:
        pytest.skip("fewer than 500 labelled messages in minsheng/classify/labels")
    return messages


@pytest.fixture
def labels_folder(tmp_path):
    """Write a small labels folder: {file stem: [(留言编号, 一级分类, 承办部门), ...]}."""

    def _write(files: dict[str, list[tuple[str, str, str]]]) -> Path:
        folder = tmp_path / "labels"
        folder.mkdir(exist_ok=True)
        for stem, rows in files.items():
            assert stem.split("_", 1)[0] in MESSAGE_FILES
            with (folder / f"{stem}.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["留言编号", "一级分类", "承办部门", "把握"])
                writer.writerows([(*row, "确定") for row in rows])
        return folder

    return _write
