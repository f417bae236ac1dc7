"""What the models learn from: labelled files, matters staff have categorised or routed, the taxonomy.

Reads only. Each source becomes a list of `Example`s with label keys (level-1 category pks and
organisation pks, as text), so that training and cross-validation treat every source alike.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from minsheng.accounts.models import Organisation
from minsheng.petitions.models import Matter, Routing

from .departments import BY_CODE, department_kind_of
from .labelfiles import LABELS_DIR, read_label_files
from .selectors import ROUTABLE_KINDS, top_categories, top_level_of


@dataclass(frozen=True)
class Example:
    title: str
    content: str
    extra: str  # demands; read like content
    label: str
    source: str  # "labels:<file stem>" or "matters"
    sure: bool = True
    nature: str = ""


@dataclass
class TrainingData:
    categories: list[Example] = field(default_factory=list)
    units: list[Example] = field(default_factory=list)
    category_units: Counter = field(default_factory=Counter)  # (category label, unit label) → matters
    skipped: Counter = field(default_factory=Counter)  # reason → rows
    notes: list[str] = field(default_factory=list)


def department_units() -> dict[str, str]:
    """Department kind code → the label of the organisation of that kind highest in the tree."""
    found: dict[str, tuple[int, str]] = {}
    for unit in Organisation.objects.filter(is_active=True, kind__in=ROUTABLE_KINDS).order_by("path"):
        kind = department_kind_of(unit.name)
        if kind is None:
            continue
        depth = unit.path.count("/")
        if kind.code not in found or depth < found[kind.code][0]:
            found[kind.code] = (depth, str(unit.pk))
    return {code: label for code, (_, label) in found.items()}


def from_label_files(
    data: TrainingData, *, shared_data_dir: Path | None, labels_dir: Path = LABELS_DIR
) -> None:
    if shared_data_dir is None or not Path(shared_data_dir).is_dir():
        data.notes.append(
            f"未找到共享数据目录（{shared_data_dir}），跳过标注文件，只用系统中的事项和分类表训练"
        )
        return
    if not Path(labels_dir).is_dir():
        data.notes.append(f"未找到标注文件目录（{labels_dir}），跳过标注文件")
        return
    report = read_label_files(shared_data_dir=Path(shared_data_dir), labels_dir=labels_dir)
    for name in report.absent_data or []:
        data.notes.append(f"共享数据中没有 {name}，跳过引用它的标注文件")
    if report.missing_texts:
        data.skipped["标注的留言编号在留言文件中找不到"] += report.missing_texts
    category_labels = {c.name: str(c.pk) for c in top_categories()}
    unit_labels = department_units()
    for message in report.messages:
        source = f"labels:{message.source}"
        if message.category:
            label = category_labels.get(message.category)
            if label is None:
                data.skipped[f"分类“{message.category}”不是系统中的一级分类"] += 1
            else:
                data.categories.append(
                    Example(message.title, message.content, "", label, source, sure=message.sure)
                )
        if message.unit:
            if message.unit not in BY_CODE:
                data.skipped[f"承办部门“{message.unit}”不是已知的部门类型"] += 1
            elif message.unit not in unit_labels:
                data.skipped[f"系统中没有“{message.unit}”类的单位"] += 1
            else:
                data.units.append(
                    Example(
                        message.title, message.content, "", unit_labels[message.unit], source, message.sure
                    )
                )


def _routed_units() -> dict[int, int]:
    """Matter pk → the unit it went to, for matters routed but not yet accepted. A routing the unit
    objected to (Art 23: not ours) is no evidence of where the matter belongs."""
    routed: dict[int, int] = {}
    for matter_id, to_org_id in (
        Routing.objects.filter(
            kind__in=[Routing.Kind.TRANSFER, Routing.Kind.ASSIGN],
            to_org__isnull=False,
            objected_on__isnull=True,
        )
        .order_by("at", "pk")
        .values_list("matter_id", "to_org_id")
    ):
        routed[matter_id] = to_org_id
    return routed


def from_matters(data: TrainingData) -> None:
    """Matters a member of staff registered with a category, and matters that have a handling unit."""
    top_of = top_level_of()
    tops = {str(c.pk) for c in top_categories()}
    routable = set(
        Organisation.objects.filter(is_active=True, kind__in=ROUTABLE_KINDS).values_list("pk", flat=True)
    )
    routed = _routed_units()
    matters = Matter.objects.values_list(
        "pk",
        "title",
        "content",
        "demands",
        "category_id",
        "handling_org_id",
        "nature",
        "registered_by_id",
        "source",
    ).order_by("pk")
    for (
        pk,
        title,
        content,
        demands,
        category_id,
        handling_id,
        nature,
        registered_by,
        source,
    ) in matters.iterator(chunk_size=2000):
        category = None
        # Imported history carries no staff decision about its category.
        if category_id is not None and registered_by is not None and source == Matter.Source.INTAKE:
            category = str(top_of.get(category_id, category_id))
            if category in tops:
                data.categories.append(Example(title, content, demands, category, "matters"))
            else:
                data.skipped["事项的分类已停用"] += 1
                category = None
        unit_id = handling_id or routed.get(pk)
        if unit_id is not None and unit_id in routable:
            data.units.append(Example(title, content, demands, str(unit_id), "matters", nature=nature))
            if category is not None:
                data.category_units[(category, str(unit_id))] += 1


def training_data(*, shared_data_dir: Path | None, labels_dir: Path = LABELS_DIR) -> TrainingData:
    data = TrainingData()
    from_label_files(data, shared_data_dir=shared_data_dir, labels_dir=labels_dir)
    from_matters(data)
    return data
