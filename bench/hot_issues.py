"""Benchmark: finding hot issues among the real ~9,500 messages of ../shared/data.

Imports (once) the three message files of the shared data — about 9,500 real messages to a city's
government board, 2010–2020 — as matters, which also builds the similarity index, then times
`hot_issues_refresh` over the busiest 90 days and over every message at once, and prints one JSON
line per period: matters, groups, seconds, and the largest groups with their size and cohesion.

    .venv/bin/python bench/hot_issues.py [--repeat 3] [--show 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minsheng_hotbench .venv/bin/python bench/hot_issues.py

On SQLite the database lives in var/bench-hot/ (separate from the demo database).
"""

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ.setdefault("MINSHENG_VAR_DIR", str(ROOT / "var" / "bench-hot"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.db.models.functions import TruncDate  # noqa: E402

from minsheng.accounts.models import Organisation  # noqa: E402
from minsheng.accounts.services import organisation_create  # noqa: E402
from minsheng.hotissues.services import hot_issues_refresh  # noqa: E402
from minsheng.petitions.importing import read_messages_file  # noqa: E402
from minsheng.petitions.models import Matter  # noqa: E402
from minsheng.petitions.services import messages_import  # noqa: E402

FILES = {
    "f3": "taidi2020C_fujian3_messages.csv",
    "f4": "taidi2020C_fujian4_full_replies.csv",
    "t": "taidi2020C_testdata2801_unlabeled.csv",
}


def load() -> None:
    call_command("migrate", verbosity=0)
    if Matter.objects.filter(source=Matter.Source.IMPORT).exists():
        return
    bureau = organisation_create(
        name="基准信访局", kind=Organisation.Kind.PETITION_BUREAU, number_prefix="基信"
    )
    for prefix, name in FILES.items():
        records = read_messages_file(Path(settings.SHARED_DATA_DIR) / name)
        # The files number their messages independently; a prefix keeps 留言编号 unique across them.
        for record in records:
            record["留言编号"] = f"{prefix}-{record['留言编号']}"
        started = time.monotonic()
        report = messages_import(records=records, organisation=bureau)
        print(f"imported {name}: {report.imported} in {time.monotonic() - started:.1f} s", file=sys.stderr)


def busiest_window(days: int = 90) -> tuple[dt.date, dt.date]:
    per_day = dict(
        Matter.objects.annotate(day=TruncDate("received_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    best, best_start = -1, None
    for start in per_day:
        total = sum(per_day.get(start + dt.timedelta(days=i), 0) for i in range(days))
        if total > best:
            best, best_start = total, start
    return best_start, best_start + dt.timedelta(days=days - 1)


def run(start: dt.date, end: dt.date, repeat: int, show: int) -> dict:
    timings = []
    for _ in range(repeat):
        started = time.monotonic()
        analysis = hot_issues_refresh(start=start, end=end)
        timings.append(time.monotonic() - started)
    issues = list(analysis.issues.order_by("-size", "pk")[:show])
    return {
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "period": [str(start), str(end)],
        "matters": analysis.matter_count,
        "groups": analysis.issue_count,
        "grouped_matters": sum(i.size for i in analysis.issues.all()),
        "seconds": [round(t, 2) for t in timings],
        "largest": [
            {"size": i.size, "cohesion": round(i.cohesion, 2), "places": i.places, "label": i.label}
            for i in issues
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    load()
    first = Matter.objects.order_by("received_at").values_list("received_at", flat=True).first()
    last = Matter.objects.order_by("-received_at").values_list("received_at", flat=True).first()
    for start, end in (busiest_window(), (first.date(), last.date())):
        print(json.dumps(run(start, end, args.repeat, args.show), ensure_ascii=False))


if __name__ == "__main__":
    main()
