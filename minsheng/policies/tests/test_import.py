"""manage.py import_policy: the real regulation becomes 50 searchable articles, once."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from minsheng.audit.models import AuditEntry
from minsheng.policies.demo import policies_demo_load
from minsheng.policies.models import PolicyArticle, PolicyDocument
from minsheng.policies.parsing import MalformedPolicy, parse_policy

from .conftest import SMALL_REGULATION, write

pytestmark = pytest.mark.django_db


def test_it_imports_the_regulation_as_fifty_articles_with_numbers_and_chapters(regulation_path):
    call_command("import_policy", str(regulation_path))

    document = PolicyDocument.objects.get()
    assert document.title == "信访工作条例"
    assert document.issuer == "中共中央、国务院"
    assert document.issued_on == dt.date(2022, 2, 25)
    assert document.effective_on == dt.date(2022, 5, 1)
    articles = list(document.articles.order_by("order"))
    assert len(articles) == 50
    assert [a.number for a in articles] == list(range(1, 51))
    art31 = document.articles.get(number=31)
    assert art31.label == "第三十一条"
    assert art31.chapter == "第四章 信访事项的办理"
    assert "诉讼" in art31.text and "仲裁" in art31.text and "行政复议" in art31.text
    assert "（六）不属于以上情形的" in art31.text  # the numbered items stay with their article
    assert art31.text.startswith("对信访人提出的申诉求决类事项")
    assert document.articles.get(number=1).chapter == "第一章 总则"
    assert document.articles.get(number=50).chapter == "第六章 附则"
    assert document.articles.get(number=50).text == "本条例自2022年5月1日起施行。"
    assert len({a.chapter for a in articles}) == 6


def test_importing_the_same_file_again_updates_without_duplicating(regulation_path, capsys):
    call_command("import_policy", str(regulation_path))
    first_ids = set(PolicyArticle.objects.values_list("pk", flat=True))

    call_command("import_policy", str(regulation_path), "--issuer", "中共中央 国务院")

    assert PolicyDocument.objects.count() == 1
    assert set(PolicyArticle.objects.values_list("pk", flat=True)) == first_ids
    assert PolicyDocument.objects.get().issuer == "中共中央 国务院"
    assert "未变 50 条" in capsys.readouterr().out


def test_a_changed_file_updates_changed_articles_and_removes_dropped_ones(tmp_path, capsys):
    path = write(tmp_path, SMALL_REGULATION)
    call_command("import_policy", str(path))
    changed = SMALL_REGULATION.replace("应当在十五日内受理", "应当在十日内受理").replace(
        "第四条 信访人可以申请复查。\n", ""
    )
    call_command("import_policy", str(write(tmp_path, changed)))

    document = PolicyDocument.objects.get(title="示范条例")
    assert sorted(document.articles.values_list("number", flat=True)) == [1, 2, 3, 5]
    assert "十日内" in document.articles.get(number=3).text
    assert "十日内" in document.articles.get(number=3).search_text
    out = capsys.readouterr().out
    # 第三条's text changed, and 第五条 moved up one place after 第四条 went.
    assert "更新《示范条例》" in out and "修改 2 条" in out and "删除 1 条" in out


def test_a_file_without_articles_is_refused_and_nothing_is_written(tmp_path):
    path = write(tmp_path, "# 通知\n\n各单位：\n\n请认真学习有关规定。\n")

    with pytest.raises(CommandError, match="没有找到任何条文"):
        call_command("import_policy", str(path))

    assert not PolicyDocument.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "没有找到任何条文"),
        (b"\x00\x01\x02PK binary", "不是文本文件"),
        ("第一条 甲。\n\n第一条 乙。\n".encode(), "条文编号重复"),
        ("# 标题\n\n第一条\n\n第二条 乙。\n".encode(), "没有内容"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("import_policy", str(path))

    assert not PolicyDocument.objects.exists()


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("import_policy", str(tmp_path / "nope.md"))


def test_a_bad_date_option_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(CommandError, match="格式不对"):
        call_command("import_policy", str(write(tmp_path, SMALL_REGULATION)), "--effective", "2020-13-01")
    assert not PolicyDocument.objects.exists()


def test_options_override_what_the_file_says(tmp_path):
    path = write(tmp_path, SMALL_REGULATION)

    call_command(
        "import_policy", str(path), "--title", "示范条例（修订）", "--issuer", "示范市人大常委会",
        "--effective", "2021-01-01", "--kind", "rules", "--number", "示范令第1号",
    )

    document = PolicyDocument.objects.get()
    assert (document.title, document.issuer) == ("示范条例（修订）", "示范市人大常委会")
    assert document.kind == "rules"
    assert document.effective_on == dt.date(2021, 1, 1)
    assert document.doc_number == "示范令第1号"


def test_chapters_and_sections_are_kept_and_gb18030_files_are_read(tmp_path):
    call_command("import_policy", str(write(tmp_path, SMALL_REGULATION, encoding="gb18030")))

    document = PolicyDocument.objects.get()
    third = document.articles.get(number=3)
    assert (third.chapter, third.section) == ("第二章 办理", "第一节 受理")
    assert third.text == "信访事项应当在十五日内受理。\n对本条例第二条规定的期限另有规定的，从其规定。"
    assert document.articles.get(number=4).section == "第二节 复查"
    assert document.effective_on == dt.date(2020, 3, 1)  # from 本条例自2020年3月1日起施行


def test_a_reference_at_the_start_of_a_line_is_not_a_new_article():
    parsed = parse_policy("第一条 甲。\n第五条规定的情形除外。\n第二条 乙。\n")
    assert [a.number for a in parsed.articles] == [1, 2]
    assert parsed.articles[0].text == "甲。\n第五条规定的情形除外。"


def test_articles_without_a_space_after_the_number_are_read_in_sequence():
    parsed = parse_policy("**第一条**为了甲。\n**第二条**乙。\n")
    assert [(a.number, a.text) for a in parsed.articles] == [(1, "为了甲。"), (2, "乙。")]


def test_parse_errors_are_values_not_crashes():
    with pytest.raises(MalformedPolicy):
        parse_policy("")


def test_each_import_is_written_to_the_audit_log(tmp_path):
    call_command("import_policy", str(write(tmp_path, SMALL_REGULATION)))

    entry = AuditEntry.objects.get(action=AuditEntry.Action.IMPORT)
    assert entry.object_type == "policies.policydocument"
    assert entry.detail["added"] == 5 and entry.detail["created"] is True


def test_the_demo_loads_the_regulation_once(regulation_path):
    first = policies_demo_load(data_dir=regulation_path.parent)
    second = policies_demo_load(data_dir=regulation_path.parent)

    assert first.found and first.created and first.articles == 50
    assert second.found and not second.created
    assert PolicyArticle.objects.count() == 50


def test_the_demo_skips_quietly_without_the_data(tmp_path):
    assert policies_demo_load(data_dir=tmp_path).found is False
    assert not PolicyDocument.objects.exists()
