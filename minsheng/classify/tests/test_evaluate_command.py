"""`manage.py evaluate_classifier FILE` measures the model in use and the baseline on a labelled file."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from minsheng.classify.services import classifier_train

COLUMNS = ["留言编号", "留言用户", "留言主题", "留言时间", "留言详情", "一级标签"]


def _rows(messages):
    # The contest's 附件2 layout, with the publisher's padding around 留言详情.
    return [
        [m.message_id, "U0001", m.title, "2019/12/30 17:06:14", f"\n\t\t{m.content}\n\t", m.category]
        for m in messages
    ]


def _write_csv(path, messages):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(_rows(messages))
    return path


def _write_xlsx(path, messages):
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in _rows(messages):
        sheet.append(row)
    book.save(path)
    return path


def _result(output: str) -> dict:
    return json.loads(output.splitlines()[0])


@pytest.fixture
def trained(taxonomy, labelled, labels_folder, shared_data):
    """A model trained on the first 600 labelled messages; the rest are never seen by it."""
    folder = labels_folder({"testdata2801_train": [(m.message_id, m.category, "") for m in labelled[:600]]})
    classifier_train(shared_data_dir=shared_data, labels_dir=folder, cross_validate=False)
    return labelled[600:]


def test_it_prints_the_model_and_the_baseline_on_a_csv_file(trained, tmp_path):
    held_out = trained[:150]
    out = StringIO()
    call_command("evaluate_classifier", str(_write_csv(tmp_path / "fujian2.csv", held_out)), stdout=out)
    result = _result(out.getvalue())

    assert result["rows"] == 150
    assert result["trained_model"] is True
    assert result["model"]["n"] == result["baseline"]["n"] == 150
    assert result["model"]["top1"] > result["baseline"]["top1"]
    assert result["model"]["top3"] >= result["baseline"]["top3"]
    assert set(result["labels"]) == {m.category for m in held_out}
    table = out.getvalue()
    assert "分类名称二字组基线" in table and "首位命中率" in table


def test_it_reads_the_same_rows_from_an_xlsx_file_with_the_same_figures(trained, tmp_path):
    held_out = trained[:80]
    csv_out, xlsx_out = StringIO(), StringIO()
    call_command("evaluate_classifier", str(_write_csv(tmp_path / "a.csv", held_out)), stdout=csv_out)
    call_command("evaluate_classifier", str(_write_xlsx(tmp_path / "a.xlsx", held_out)), stdout=xlsx_out)
    from_csv, from_xlsx = _result(csv_out.getvalue()), _result(xlsx_out.getvalue())
    assert from_csv["model"] == from_xlsx["model"]
    assert from_csv["baseline"] == from_xlsx["baseline"]


def test_another_label_column_can_be_named(trained, tmp_path):
    path = tmp_path / "renamed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["留言主题", "留言详情", "类别"])
        writer.writerows([[m.title, m.content, m.category] for m in trained[:20]])
    out = StringIO()
    call_command("evaluate_classifier", str(path), label_column="类别", stdout=out)
    assert _result(out.getvalue())["rows"] == 20


def test_rows_with_unknown_or_missing_labels_are_counted_and_skipped(small_taxonomy, tmp_path):
    path = tmp_path / "mixed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["留言主题", "留言详情", "一级标签"])
        writer.writerow(["小区物业乱收停车费", "物业公司收费", "城乡建设"])
        writer.writerow(["学校补课收费", "老师要求补课", "教育文体"])
        writer.writerow(["某事", "某内容", "不存在的分类"])
        writer.writerow(["某事", "某内容", ""])
    out = StringIO()
    call_command("evaluate_classifier", str(path), stdout=out)
    result = _result(out.getvalue())
    assert result["rows"] == 2
    assert result["trained_model"] is False  # nothing trained: the taxonomy's names alone
    assert result["skipped"] == {"“不存在的分类”不是系统中的一级分类": 1, "没有标签": 1}


def test_a_file_without_the_needed_columns_is_refused_in_chinese(small_taxonomy, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("标题,内容\n一,二\n", encoding="utf-8")
    with pytest.raises(CommandError, match="文件缺少必需的列：留言主题、留言详情、一级标签"):
        call_command("evaluate_classifier", str(path), stdout=StringIO())
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("evaluate_classifier", str(tmp_path / "absent.csv"), stdout=StringIO())
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match="无法读取 Excel 文件"):
        call_command("evaluate_classifier", str(tmp_path / "broken.xlsx"), stdout=StringIO())
