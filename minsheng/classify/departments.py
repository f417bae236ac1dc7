"""Kinds of government department: the words that name them, and the top-level categories they answer.

Used two ways: to read which department answered a message-board reply (applied to the fujian4
replies in ../shared/data; see labels/README.md), and as the day-one prior of the unit suggestion,
before any matter has been routed — an organisation named 住房和城乡建设局 is where 城乡建设 matters
usually go.
"""

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class DepartmentKind:
    code: str
    names: tuple[str, ...]  # words that name the department in an organisation's name or a reply
    categories: tuple[str, ...]  # top-level categories it usually answers, most usual first


DEPARTMENT_KINDS = (
    DepartmentKind(
        "住建",
        (
            "住房和城乡建设",
            "住房城乡建设",
            "住建",
            "城乡建设局",
            "住房保障局",
            "房产局",
            "房屋交易",
            "住房公积金",
        ),
        ("城乡建设",),
    ),
    DepartmentKind("城管", ("城市管理", "城管"), ("城乡建设",)),
    DepartmentKind("自然资源", ("自然资源", "国土资源", "国土局", "规划局"), ("国土资源", "城乡建设")),
    DepartmentKind(
        "人社",
        (
            "人力资源和社会保障",
            "人力资源社会保障",
            "人社",
            "社保局",
            "社会保险",
            "劳动保障监察",
            "医疗保障局",
            "医保局",
        ),
        ("劳动和社会保障",),
    ),
    DepartmentKind("教育", ("教育局", "教育厅", "教体局", "教育体育局", "教育和体育局"), ("教育文体",)),
    DepartmentKind(
        "卫健",
        ("卫生健康", "卫健", "卫生和计划生育", "卫计", "疾控中心", "疾病预防控制"),
        ("卫生计生",),
    ),
    DepartmentKind(
        "交通",
        ("交通运输", "交通局", "运管", "轨道交通", "公交集团", "公路局"),
        ("交通运输",),
    ),
    DepartmentKind(
        "生态环境",
        ("生态环境", "环保局", "环境保护局", "环境保护厅"),
        ("环境保护",),
    ),
    DepartmentKind(
        "市场监管",
        ("市场监督管理", "市场监管", "工商局", "食品药品监督", "质监局"),
        ("商贸旅游", "卫生计生"),
    ),
    DepartmentKind("商务", ("商务局", "商务厅"), ("商贸旅游",)),
    DepartmentKind("文旅", ("文化和旅游", "文化旅游", "文旅", "旅游局"), ("商贸旅游", "教育文体")),
    DepartmentKind("体育", ("体育局",), ("教育文体",)),
    DepartmentKind("民政", ("民政局", "民政厅", "民政部门"), ("民政",)),
    DepartmentKind("农业农村", ("农业农村", "农业局", "畜牧", "水利局", "林业局"), ("农村农业",)),
    DepartmentKind("公安", ("公安局", "公安分局", "公安机关", "派出所", "交警", "交通警察"), ("政法",)),
    DepartmentKind("发改", ("发展和改革", "发改"), ("经济管理",)),
    DepartmentKind("财税", ("财政局", "财政厅", "税务局"), ("经济管理",)),
)
BY_CODE = {kind.code: kind for kind in DEPARTMENT_KINDS}

# Kinds of organisation in the tree that answer for a category whatever their name.
ORGANISATION_KIND_CATEGORIES = {
    "discipline": ("纪检监察",),
    "political_legal": ("政法",),
}


def department_kind_of(name: str) -> DepartmentKind | None:
    """The kind of department an organisation's name says it is, if any (the longest match wins)."""
    best, best_length = None, 0
    for kind in DEPARTMENT_KINDS:
        for word in kind.names:
            if word in name and len(word) > best_length:
                best, best_length = kind, len(word)
    return best


def departments_named(text: str) -> Counter:
    """How strongly each kind of department is named in a reply: mentions in the opening (who was
    asked to answer) and at the end (the signature) count more than mentions in between."""
    scores: Counter = Counter()
    length = len(text)
    for kind in DEPARTMENT_KINDS:
        for word in kind.names:
            start = text.find(word)
            while start >= 0:
                if start >= length - 80:
                    scores[kind.code] += 3.0
                elif start < 200:
                    scores[kind.code] += 2.0
                else:
                    scores[kind.code] += 1.0
                start = text.find(word, start + len(word))
    return scores


def answering_department(text: str) -> str | None:
    """The kind of department that answered, when one clearly dominates the reply; else None."""
    ranked = departments_named(text).most_common(2)
    if not ranked:
        return None
    best = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if best >= 2.0 and best >= 2 * second else None
