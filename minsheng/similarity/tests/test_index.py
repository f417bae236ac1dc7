"""The index follows every change in the same transaction, and a rebuild gives the same answers."""

import csv

from minsheng.petitions.importing import clean_text
from minsheng.petitions.services import PetitionerEntry
from minsheng.petitions.services.imports import messages_import
from minsheng.search.indexing import matters_rebuild_all
from minsheng.similarity.check import submission_check
from minsheng.similarity.models import MatterSignature, MatterTerm

TEXTS = [
    ("丽景小区物业乱收停车费", "丽景小区物业公司每月收取地面停车费三百元，业主多次反映无果。"),
    ("金色家园小区物业乱收停车费", "金色家园小区物业公司每月收取停车费，没有依据。"),
    ("东关村村道破损", "东关村通往镇上的村道破损严重，雨天无法通行。"),
    ("拖欠农民工工资", "某建筑工地拖欠四十名农民工工资半年，多次讨要无果。"),
]


def snapshot(user):
    index = sorted(MatterTerm.objects.values_list("term", "matter_id", "weight"))
    signatures = sorted(MatterSignature.objects.values_list("matter_id", "terms", "places", "vector"))
    answers = [
        [
            (c.candidate.matter.pk, c.candidate.score)
            for c in submission_check(user=user, title=t, content=c).candidates
        ]
        for t, c in TEXTS
    ]
    return index, signatures, answers


def test_incremental_updates_equal_a_rebuild(city, register):
    for number, (title, content) in enumerate(TEXTS):
        register(
            title=title,
            content=content,
            petitioners=[PetitionerEntry(name=f"信访人{number}", address="云中镇")],
        )
    before = snapshot(city.registrar)
    assert before[0] and all(before[2])

    assert matters_rebuild_all() == len(TEXTS)

    assert snapshot(city.registrar) == before


def test_real_messages_are_found_again_when_raised_again(city, shared_data):
    with open(shared_data / "taidi2020C_fujian3_messages.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [row for _, row in zip(range(300), csv.DictReader(handle), strict=False)]
    for line, row in enumerate(rows, start=2):
        row["_line"] = line
    messages_import(records=rows, organisation=city.bureau, actor=city.registrar)
    assert MatterSignature.objects.count() == 300

    found_first = 0
    for row in rows[:60]:
        title, content = clean_text(row["留言主题"]), clean_text(row["留言详情"])
        # The registrar types a shorter account of the same thing: the title and the first half.
        result = submission_check(user=city.registrar, title=title, content=content[: len(content) // 2])
        top = result.candidates[0].candidate.matter if result.candidates else None
        found_first += top is not None and top.external_id == row["留言编号"].strip()
    assert found_first >= 57, found_first
