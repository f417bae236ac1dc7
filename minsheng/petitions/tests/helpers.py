"""Small helpers shared by the petitions tests."""

import datetime as dt
from zoneinfo import ZoneInfo

from minsheng.audit.models import AuditEntry

SHANGHAI = ZoneInfo("Asia/Shanghai")


def beijing(*parts: int) -> dt.datetime:
    """An aware datetime in the city's time zone: beijing(2025, 3, 1, 9, 30)."""
    return dt.datetime(*parts, tzinfo=SHANGHAI)


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file())


def audit_count(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def intake_data(city, rows, total=None, **fields) -> dict:
    """POST data of the intake form; `rows` maps a row index to its fields (prefix "p")."""
    data = {
        "channel": "visit",
        "received_at": "2025-03-10T09:30",
        "receiving_org": str(city.bureau.pk),
        "head_count": "1",
        "title": "反映小区供暖不达标",
        "content": "入冬以来室温不足 16 度。",
        "demands": "请求整改",
        "concerned_org": "",
        "place": "",
        "category": "",
        "nature": "claim",
        "matter_number": "",
        "p-TOTAL_FORMS": str(total if total is not None else (max(rows) + 1 if rows else 1)),
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "1000",
    }
    for index, row in rows.items():
        for name, value in row.items():
            data[f"p-{index}-{name}"] = value
    data.update(fields)
    return data


def field_block(html: str, field_id: str) -> str:
    """The HTML from a field's label to the end of its wrapper, where its errors are shown."""
    start = html.index(f'for="{field_id}"')
    return html[start : html.index("</div>", start)]
