import csv
from pathlib import Path

from django.db import transaction

from ..models import Category

# Categories a petition bureau needs beyond the message board's taxonomy.
PETITION_CATEGORIES = [
    "征地拆迁",
    "涉法涉诉",
    "社会保障/低保",
    "劳动工资",
    "住房保障",
    "生态环境",
    "干部作风",
]
PETITION_ROOT = "信访常见问题"


def category_save(*, category: Category) -> Category:
    category.level = (category.parent.level + 1) if category.parent_id else 1
    category.full_clean()
    category.save()
    return category


def _get_or_create(name: str, parent: Category | None, order: int) -> tuple[Category, bool]:
    existing = Category.objects.filter(name=name, parent=parent).first()
    if existing is not None:
        return existing, False
    return category_save(category=Category(name=name, parent=parent, sort_order=order)), True


@transaction.atomic
def categories_seed(*, taxonomy_csv: Path | None) -> int:
    """Load the three-level taxonomy (一级分类,二级分类,三级分类) and the petition categories. Idempotent."""
    created = 0
    if taxonomy_csv is not None and taxonomy_csv.is_file():
        with taxonomy_csv.open(encoding="utf-8-sig", newline="") as handle:
            for order, row in enumerate(csv.DictReader(handle)):
                parent = None
                for column in ("一级分类", "二级分类", "三级分类"):
                    name = (row.get(column) or "").strip()
                    if not name:
                        break
                    parent, was_created = _get_or_create(name, parent, order)
                    created += was_created
    root, was_created = _get_or_create(PETITION_ROOT, None, 10_000)
    created += was_created
    for order, name in enumerate(PETITION_CATEGORIES):
        created += _get_or_create(name, root, order)[1]
    return created
