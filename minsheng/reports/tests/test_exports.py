"""The PDF and the Excel file: the same figures and text as the page, in Chinese, and each export audited."""

import io
import re

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from minsheng.audit.models import AuditEntry
from minsheng.documents.tests.helpers import embedded_fonts, font_key

from .conftest import SEPTEMBER, SEPTEMBER_TRUTH


def download(client, user, name, **params):
    client.force_login(user)
    return client.get(
        reverse(f"reports:{name}"),
        {"start": SEPTEMBER[0].isoformat(), "end": SEPTEMBER[1].isoformat(), **params},
    )


def pdf_text(content: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return re.sub(r"\s+", "", text)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_pdf_has_the_title_text_figures_and_units_with_the_cjk_font_embedded(client, city, september):
    response = download(client, city.supervisor, "period_pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "怀仁市信访工作报表" in text
    assert "统计期间：今年9月（2026-09-01至2026-09-30）" in text
    assert squash("今年9月，全市共登记信访事项 6 件，收到信访件 8 件") in text
    assert "按期受理率50.0%" in text and "按期办结率33.3%" in text
    assert "三、分单位信访事项办理情况" in text and "金沙滩镇" in text
    assert "四、口径说明" in text
    assert any(
        font_key(name).startswith("notoserifcjk") and embedded
        for name, embedded in embedded_fonts(response.content).items()
    )


def test_the_excel_file_has_the_figures_with_definitions_the_units_and_the_text(client, city, september):
    response = download(client, city.supervisor, "period_excel")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["主要数据", "分单位", "情况综述"]

    figures = workbook["主要数据"]
    assert figures["A1"].value == "怀仁市信访工作报表"
    assert figures["A3"].value == "统计期间：今年9月（2026-09-01 至 2026-09-30）"
    assert [cell.value for cell in figures[6]] == ["类别", "指标", "数值", "单位", "口径说明"]
    rows = {row[1]: row for row in figures.iter_rows(min_row=7, values_only=True)}
    assert rows["登记信访事项"][2] == SEPTEMBER_TRUTH["matters_received"]
    assert rows["登记信访事项"][3] == "件" and rows["登记信访事项"][4].startswith("首次信访件")
    assert rows["按期受理率"][2] == 0.5  # a percentage cell holds the fraction
    assert rows["按期办结率"][2] == 0.333
    assert rows["群众满意率"][2] is None

    units = workbook["分单位"]
    header = [cell.value for cell in units[6]]
    assert header[:3] == ["单位", "登记信访事项", "信访件"]
    by_unit = {row[0]: row for row in units.iter_rows(min_row=7, values_only=True)}
    assert by_unit["怀仁市信访局"][1] == 4 and by_unit["云中镇"][1] == 2
    assert by_unit["合计"][1] == 6 and by_unit["合计"][2] == 8

    narrative = [row[0] for row in workbook["情况综述"].iter_rows(min_row=6, values_only=True) if row[0]]
    assert narrative[3].startswith("今年9月，全市共登记信访事项 6 件")


def test_each_export_is_written_to_the_audit_log(client, city):
    download(client, city.yunzhong_handler, "period_pdf")
    download(client, city.yunzhong_handler, "period_excel")

    entries = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("at", "pk")
    assert [entry.detail["format"] for entry in entries] == ["pdf", "xlsx"]
    assert entries[0].actor == city.yunzhong_handler
    assert entries[0].object_id == str(city.yunzhong.pk)
    assert entries[0].detail["start"] == "2026-09-01"


def test_an_export_with_bad_dates_exports_nothing(client, city):
    response = download(client, city.supervisor, "period_excel", end="2026-08-01")

    assert response.status_code == 400
    assert "截止日期不能早于起始日期" in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_an_export_of_another_townships_report_is_not_found(client, city):
    response = download(client, city.yunzhong_handler, "period_pdf", organisation=city.jinshatan.pk)

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_the_exports_are_chinese_whatever_the_users_language(client, city):
    client.force_login(city.supervisor)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("reports:period_excel"), {"start": "2026-09-01", "end": "2026-09-30"})

    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["主要数据", "分单位", "情况综述"]
