"""Benchmark: the matter list at 100,000 matters.

Builds (once) a database of N matters spread over two years, 12 townships and 10 departments, then times
the queries behind the matter list page as different users would run them — the first page with its
count, each filter, text contains, sorting, a deep page — and prints one JSON line with p50/p95 in ms.
The baseline, measured in the same run, is an exhaustive scan that reads every visible matter and
filters in Python, so the figures can be read as a ratio.

    .venv/bin/python bench/matter_list.py [--matters 100000] [--repeat 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minsheng_bench .venv/bin/python bench/matter_list.py

On SQLite the database lives in var/bench/ (separate from the demo database).
"""

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ.setdefault("MINSHENG_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from minsheng.accounts.models import Organisation, Role, User  # noqa: E402
from minsheng.accounts.services import organisation_create, user_create  # noqa: E402
from minsheng.petitions.models import Channel, Matter, Nature, Submission  # noqa: E402
from minsheng.petitions.selectors import MatterFilters, matter_list  # noqa: E402

WORDS = [
    "征地拆迁补偿",
    "拖欠工资",
    "低保申请",
    "小区物业",
    "噪音扰民",
    "违章建筑",
    "供暖不热",
    "道路破损",
    "污水排放",
    "学校招生",
    "医保报销",
    "养老保险",
    "宅基地纠纷",
    "安置房交付",
    "农村饮水",
    "停车收费",
    "垃圾清运",
    "路灯不亮",
]


def build_city():
    if Organisation.objects.filter(name="基准市").exists():
        return
    root = organisation_create(name="基准市", kind=Organisation.Kind.CITY, region_code="140624")
    bureau = organisation_create(
        name="基准市信访局", kind=Organisation.Kind.PETITION_BUREAU, parent=root, number_prefix="基信"
    )
    for i in range(10):
        organisation_create(name=f"部门{i}", kind=Organisation.Kind.DEPARTMENT, parent=root)
    for i in range(12):
        town = organisation_create(name=f"乡镇{i}", kind=Organisation.Kind.TOWNSHIP, parent=root)
        for j in range(4):
            organisation_create(name=f"乡镇{i}村{j}", kind=Organisation.Kind.VILLAGE, parent=town)
    user_create(
        username="bench_bureau",
        password="Bench@2026x",
        full_name="基准",
        role=Role.SUPERVISOR,
        organisation=bureau,
    )
    user_create(
        username="bench_town",
        password="Bench@2026x",
        full_name="基准镇",
        role=Role.HANDLER,
        organisation=Organisation.objects.get(name="乡镇3"),
    )


def fill(target: int) -> None:
    have = Matter.objects.count()
    if have >= target:
        return
    rng = random.Random(have)
    bureau = Organisation.objects.get(name="基准市信访局")
    concerned = list(Organisation.objects.filter(kind__in=["township", "village", "department"]))
    handlers = list(Organisation.objects.filter(kind__in=["township", "department"]))
    statuses = Matter.Status.values
    channels = Channel.values
    now = timezone.now()
    seq = Matter.objects.filter(number_prefix="基信").count()
    batch = 5000
    while have < target:
        n = min(batch, target - have)
        matters, submissions = [], []
        for _ in range(n):
            seq += 1
            received = now - dt.timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
            topic = rng.choice(WORDS)
            matters.append(
                Matter(
                    number=f"基信〔{received.year}〕{seq:07d}",
                    number_prefix="基信",
                    number_year=received.year,
                    number_seq=seq,
                    title=f"反映{rng.choice(concerned).name}{topic}问题",
                    content=f"{topic}。" * 20,
                    demands="请求依法处理",
                    nature=rng.choice([Nature.CLAIM] * 8 + [Nature.SUGGESTION, Nature.ACCUSATION]),
                    status=rng.choice(statuses),
                    first_channel=rng.choice(channels),
                    receiving_org=bureau,
                    handling_org=rng.choice([*handlers, None]),
                    concerned_org=rng.choice(concerned),
                    received_at=received,
                    due_on=(received + dt.timedelta(days=15)).date(),
                    due_kind="route",
                )
            )
        with transaction.atomic():
            created = Matter.objects.bulk_create(matters, batch_size=1000)
            for m in created:
                submissions.append(
                    Submission(
                        matter=m,
                        channel=m.first_channel,
                        received_at=m.received_at,
                        receiving_org=bureau,
                        title=m.title,
                        content=m.content,
                    )
                )
            Submission.objects.bulk_create(submissions, batch_size=1000)
        have += n
        print(f"  … {have} matters", file=sys.stderr)


def timed(fn, repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
    }


def page_of(user, filters: MatterFilters, number: int = 1):
    def run():
        page = Paginator(matter_list(user=user, filters=filters), settings.MATTER_LIST_PAGE_SIZE).get_page(
            number
        )
        list(page.object_list)
        return page.paginator.count

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--matters", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    build_city()
    started = time.perf_counter()
    fill(args.matters)
    build_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    bureau = User.objects.select_related("organisation").get(username="bench_bureau")
    town = User.objects.select_related("organisation").get(username="bench_town")
    township = town.organisation
    a_year_ago = (timezone.now() - dt.timedelta(days=365)).date()
    cases = {
        "bureau_first_page": page_of(bureau, MatterFilters()),
        "township_first_page": page_of(town, MatterFilters()),
        "status_filter": page_of(bureau, MatterFilters(status=Matter.Status.ACCEPTED)),
        "organisation_filter": page_of(bureau, MatterFilters(organisation=township)),
        "channel_filter": page_of(bureau, MatterFilters(channel=Channel.VISIT)),
        "date_range": page_of(
            bureau, MatterFilters(received_from=a_year_ago, received_to=a_year_ago + dt.timedelta(days=30))
        ),
        "text_contains": page_of(bureau, MatterFilters(text="宅基地纠纷")),
        "sort_by_deadline": page_of(bureau, MatterFilters(sort="due_on")),
        "page_2000": page_of(bureau, MatterFilters(), number=2000),
    }
    figures = {name: timed(fn, args.repeat) for name, fn in cases.items()}

    scope = set(Organisation.objects.filter(path__startswith=township.path).values_list("pk", flat=True))

    def exhaustive():
        # The same question without the database's help: read every matter, apply the township's
        # scope and the text filter here, sort, and take the first page.
        rows = Matter.objects.values_list(
            "pk", "title", "content", "received_at", "receiving_org_id", "handling_org_id", "concerned_org_id"
        )
        hits = [
            r
            for r in rows.iterator(chunk_size=5000)
            if (r[4] in scope or r[5] in scope or r[6] in scope)
            and ("宅基地纠纷" in r[1] or "宅基地纠纷" in r[2])
        ]
        hits.sort(key=lambda r: r[3], reverse=True)
        return hits[:25]

    baseline = timed(exhaustive, max(3, args.repeat // 10))
    print(
        json.dumps(
            {
                "benchmark": "matter_list",
                "database": connection.vendor,
                "matters": Matter.objects.count(),
                "build_seconds": round(build_seconds, 1),
                "queries": figures,
                "baseline_exhaustive_scan": baseline,
                "baseline_is": "township scope + text filter done in Python over every matter",
                "worst_p95_ms": max(f["p95_ms"] for f in figures.values()),
                "speedup_vs_baseline_p50": round(
                    baseline["p50_ms"] / max(statistics.median(f["p50_ms"] for f in figures.values()), 0.01),
                    1,
                ),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
