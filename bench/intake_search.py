"""Benchmark: intake matching and full-text search at 1,000,000 matters.

Builds (once) a database of N matters whose texts are made from the real messages in ../shared/data:
each matter names a place (one of 20,000 generated estates, villages and roads) and strings together
sentences of real messages under a real title; a fifth of them are the same person raising an earlier
matter again in other words. Every matter has a petitioner and a submission, and is indexed through the
real indexers (minsheng.search.indexing), exactly as registration does.

Then it times, as a registrar would run them:
- the intake check (minsheng.similarity.check.submission_check) for repeats and for new matters;
- search, top 20 results (minsheng.search.selectors.matter_search), for two-character words, phrases
  and place names;
and, in the same run, the baselines: an exhaustive comparison of a query with every matter (timed on a
sample and scaled to N) and a LIKE scan for search. Resident memory is read before and after. One JSON
line goes to stdout; progress to stderr.

    .venv/bin/python bench/intake_search.py --matters 200000 --replicate 5       # 1,000,000 matters
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minsheng_bench_1m \
        .venv/bin/python bench/intake_search.py --matters 200000 --replicate 5
    # --replicate K copies the built corpus K times over in SQL (texts repeat; see replicate())

On SQLite the database lives in var/bench_intake/ (separate from the demo database).
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ.setdefault("MINSHENG_VAR_DIR", str(ROOT / "var" / "bench_intake"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from minsheng.accounts.models import Organisation, Role, User  # noqa: E402
from minsheng.accounts.services import organisation_create, user_create  # noqa: E402
from minsheng.petitions.models import Channel, Matter, Petitioner, Submission, SubmissionPetitioner  # noqa: E402
from minsheng.petitions.selectors import MatterFilters  # noqa: E402
from minsheng.search import fulltext  # noqa: E402
from minsheng.search.indexing import matters_reindex  # noqa: E402
from minsheng.similarity import text as similarity_text  # noqa: E402
from minsheng.similarity.check import PersonHint, submission_check  # noqa: E402
from minsheng.similarity.evaluation.pool import unique_pool  # noqa: E402
from minsheng.similarity.index import matter_text  # noqa: E402

SEED = 20261126
BATCH = 2000
SEARCH_WORDS = [
    "低保",
    "拆迁",
    "欠薪",
    "物业",
    "噪音",
    "补偿",
    "学校",
    "停车",
    "拆迁补偿",
    "物业费",
    "垃圾清运",
]
ESTATE_KINDS = ["小区", "花园", "家园", "新城", "公寓"]
NAME_CHARS = "丽景金色阳光华庭锦绣翠湖碧桂美林枫叶东方明珠幸福和平新安泰康宁盛世龙湾凤凰梧桐紫荆海棠"
_SENTENCE = re.compile(r"[^。！？!?\n]{8,80}[。！？!?]?")


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Corpus:
    """Titles and sentences of the real messages, and generated places to put them in."""

    def __init__(self, data_dir: Path, rng: random.Random):
        messages = unique_pool(data_dir=data_dir)
        self.titles = [m.title for m in messages if 6 <= len(m.title) <= 40]
        self.sentences = [s for m in messages for s in _SENTENCE.findall(m.text)]
        self.places = []
        for _ in range(20_000):
            name = "".join(rng.sample(NAME_CHARS, 2))
            kind = rng.choice([*ESTATE_KINDS, "村", "路"])
            self.places.append(name + kind)
        self.rng = rng

    def matter(self) -> dict:
        rng = self.rng
        place = rng.choice(self.places)
        sentences = rng.sample(self.sentences, rng.randint(2, 4))
        return {
            "place": place,
            "title": f"{place}{rng.choice(self.titles)}"[:200],
            "content": place + "".join(sentences),
        }

    def again(self, earlier: dict) -> dict:
        """The same matter raised again: the same place and title words, partly other sentences."""
        rng = self.rng
        kept = re.findall(r"[^。！？]+[。！？]?", earlier["content"])
        rng.shuffle(kept)
        content = "".join(kept[: max(1, len(kept) - 1)]) + rng.choice(self.sentences)
        return {"place": earlier["place"], "title": "再次反映" + earlier["title"][:190], "content": content}


def build_city():
    if Organisation.objects.filter(name="基准市").exists():
        return Organisation.objects.get(name="基准市信访局"), User.objects.get(username="bench_registrar")
    root = organisation_create(name="基准市", kind=Organisation.Kind.CITY, region_code="140624")
    bureau = organisation_create(
        name="基准市信访局", kind=Organisation.Kind.PETITION_BUREAU, parent=root, number_prefix="基信"
    )
    user = user_create(
        username="bench_registrar",
        password="Bench@2026-not-for-use",
        full_name="基准登记员",
        role=Role.REGISTRAR,
        organisation=bureau,
    )
    return bureau, user


def build(count: int, corpus: Corpus, bureau) -> None:
    existing = Matter.objects.count()
    if existing >= count:
        return
    rng = corpus.rng
    start = timezone.now() - dt.timedelta(days=5 * 365)
    people_ids = list(Petitioner.objects.values_list("pk", flat=True))
    recent: list[tuple[dict, int]] = []
    started = time.perf_counter()
    for offset in range(existing, count, BATCH):
        size = min(BATCH, count - offset)
        with transaction.atomic():
            # About two matters per person over the years, some people many more.
            people = Petitioner.objects.bulk_create(
                Petitioner(name=f"信访人{offset + i:07d}", name_key=f"信访人{offset + i:07d}")
                for i in range(size // 2)
            )
            people_ids.extend(p.pk for p in people)
            matters, links = [], []
            for i in range(size):
                number = offset + i
                if recent and rng.random() < 0.2:
                    earlier, person = rng.choice(recent)
                    fields = corpus.again(earlier)
                else:
                    fields = corpus.matter()
                    person = rng.choice(people_ids)
                recent.append((fields, person))
                received = start + dt.timedelta(seconds=int(5 * 365 * 86400 * number / count))
                matters.append(
                    Matter(
                        number=f"基信〔{received.year}〕{number:07d}",
                        number_prefix="基信",
                        number_year=received.year,
                        number_seq=number,
                        title=fields["title"],
                        content=fields["content"],
                        place=fields["place"],
                        first_channel=Channel.VISIT,
                        receiving_org=bureau,
                        received_at=received,
                    )
                )
                links.append(person)
            recent = recent[-5000:]
            Matter.objects.bulk_create(matters)
            submissions = Submission.objects.bulk_create(
                Submission(
                    matter=m,
                    channel=Channel.VISIT,
                    received_at=m.received_at,
                    receiving_org=bureau,
                    title=m.title,
                    content=m.content,
                    place=m.place,
                )
                for m in matters
            )
            SubmissionPetitioner.objects.bulk_create(
                SubmissionPetitioner(submission=s, petitioner_id=person)
                for s, person in zip(submissions, links, strict=True)
            )
            matters_reindex(matter_ids=[m.pk for m in matters])
        done = offset + size
        if done % 50_000 < BATCH or done == count:
            rate = (done - existing) / (time.perf_counter() - started)
            print(f"built {done:,} matters ({rate:,.0f}/s)", file=sys.stderr, flush=True)


def replicate(times: int, *, search: bool = True) -> None:
    """Copy the corpus (matters and both indexes; the similarity index only with search=False) `times`
    times over, in SQL.

    Building a matter through the indexers costs a few milliseconds of Python, so a million of them
    would take hours on this machine; copies cost almost nothing. The copies repeat the texts, so they
    measure what longer posting lists cost, not quality. Submissions are not copied: the check finds a
    person's matters through them, and a person's matters do not multiply with the city's."""
    matters = Matter._meta.db_table
    columns = [field.column for field in Matter._meta.concrete_fields]
    shifted = {
        "id": "id + %(shift)s",
        "number": "number || '-' || %(shift)s",
        "number_seq": "number_seq + %(shift)s",
    }
    select = ", ".join(shifted.get(column, column) for column in columns)
    if connection.vendor == "postgresql":
        search_copy = (fulltext.POSTGRES_TABLE, "matter_id + %(shift)s, document", "matter_id")
    else:
        search_copy = (f"{fulltext.SQLITE_TABLE} (rowid, body)", "rowid + %(shift)s, body", "rowid")
    copies = (
        (
            "similarity_matterterm (term, weight, matter_id)",
            "term, weight, matter_id + %(shift)s",
            "matter_id",
        ),
        (
            "similarity_mattersignature (matter_id, terms, places, vector)",
            "matter_id + %(shift)s, terms, places, vector",
            "matter_id",
        ),
        *([search_copy] if search else []),
    )
    tables = [matters] + [target.split(" ")[0] for target, _, _ in copies]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(id) FROM {matters}")
        top = cursor.fetchone()[0]
        with _bulk_loading(cursor, tables):
            for copy in range(1, times):
                params = {"shift": copy * top, "copy": str(copy), "top": top}
                started = time.perf_counter()
                with transaction.atomic():
                    cursor.execute(
                        f"INSERT INTO {matters} ({', '.join(columns)}) SELECT {select} FROM {matters} "
                        "WHERE id <= %(top)s",
                        params,
                    )
                    for target, expression, key in copies:
                        source = target.split(" ")[0]
                        cursor.execute(
                            f"INSERT INTO {target} SELECT {expression} FROM {source} WHERE {key} <= %(top)s",
                            params,
                        )
                print(
                    f"copy {copy} of {times - 1}: {time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{matters}', 'id'), (SELECT max(id) FROM {matters}))"
            )
    print(f"replicated to {Matter.objects.count():,} matters", file=sys.stderr)


@contextlib.contextmanager
def _bulk_loading(cursor, tables: list[str]):
    """On PostgreSQL, load as a bulk load is done: without the tables' secondary indexes and constraint
    checks, the indexes rebuilt by sorting once at the end. Maintaining a multi-gigabyte index row by row
    and queueing a deferred foreign-key check per row made each million copied take 8–10 minutes.

    Primary keys that other tables' foreign keys point at (the matters') stay: their inserts come in key
    order and cost little. The copies are made from rows whose keys are already checked."""
    if connection.vendor != "postgresql":
        yield
        return
    cursor.execute(
        "SELECT c.conname, c.conrelid::regclass::text, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY(%s) AND c.contype IN ('p', 'u') "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)",
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisprimary AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [tables],
    )
    indexes = cursor.fetchall()
    for name, table, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {name}")
    # Foreign-key checks are triggers; a replica session skips them (the bench runs as a superuser).
    cursor.execute("SET session_replication_role = replica")
    # Memory for the index builds: B-tree sorts and GIN batches run in fewer, larger passes (24 GB here).
    cursor.execute("SET maintenance_work_mem = '6GB'")
    try:
        yield
    finally:
        cursor.execute("SET session_replication_role = DEFAULT")
        started = time.perf_counter()
        for name, table, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for _name, definition in indexes:
            cursor.execute(definition)
        print(f"indexes rebuilt: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def settle() -> None:
    """Bring freshly loaded tables to the state a running system is in: statistics, and on PostgreSQL
    the visibility map that autovacuum sets in due course (without it every index-only read of a
    posting list visits the table too, several times slower)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")


def time_calls(calls) -> list[float]:
    timings = []
    for call in calls:
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def summary(timings: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "n": len(timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--matters", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--replicate", type=int, default=1, help="copy the built corpus this many times")
    parser.add_argument(
        "--check-only",
        action="store_true",
        help="copy only the similarity index and time only the intake check (a full-text index of "
        "10,000,000 matters does not fit this machine's disk and time)",
    )
    parser.add_argument(
        "--query-seed",
        type=int,
        default=None,
        help="draw other queries than the default ones (e.g. to time a warm database on queries it has "
        "not answered before)",
    )
    args = parser.parse_args()
    data_dir = Path(settings.SHARED_DATA_DIR)
    if not data_dir.is_dir():
        sys.exit(f"找不到共享数据目录 {data_dir}：基准测试用其中的真实留言生成语料")
    call_command("migrate", verbosity=0)
    rng = random.Random(SEED)
    bureau, user = build_city()
    wanted = args.matters * args.replicate
    if Matter.objects.count() < wanted:
        build(args.matters, Corpus(data_dir, rng), bureau)
        # From what is there: a database already replicated to 1,000,000 goes to 10,000,000 by ten.
        factor = wanted // Matter.objects.count()
        if factor > 1:
            replicate(factor, search=not args.check_only)
        settle()
        # Measure in a fresh process, so that resident memory shows what answering costs, not building.
        connection.close()
        os.execv(sys.executable, [sys.executable, *sys.argv])
    from minsheng.search.selectors import matter_search

    rss_start = rss_kib()
    corpus = Corpus(data_dir, rng)
    total = Matter.objects.count()

    query_rng = random.Random(SEED + 1 if args.query_seed is None else args.query_seed)
    if args.query_seed is not None:
        # The places stay the corpus's (drawn when it was built); only the new matters asked about change.
        corpus.rng = random.Random(args.query_seed)
    top_id = Matter.objects.order_by("-pk").values_list("pk", flat=True).first()
    repeats = []
    while len(repeats) < args.queries // 2:
        row = (
            Matter.objects.filter(pk__gte=query_rng.randint(1, top_id))
            .order_by("pk")
            .values("pk", "title", "content", "submissions__submissionpetitioner__petitioner_id")
            .first()
        )
        if row:
            repeats.append(row)
    fresh = [corpus.matter() for _ in range(args.queries - len(repeats))]

    def check_repeat(row):
        return lambda: submission_check(
            user=user,
            title="再次反映" + row["title"],
            content=row["content"][: len(row["content"]) * 2 // 3],
            people=[PersonHint(petitioner_id=row["submissions__submissionpetitioner__petitioner_id"])],
        )

    def check_fresh(fields):
        return lambda: submission_check(user=user, title=fields["title"], content=fields["content"])

    # Warm up once (weights table, connections), as a running server would be.
    check_fresh(fresh[0])()
    rss_warm = rss_kib()
    repeat_timings = time_calls(check_repeat(row) for row in repeats)
    fresh_timings = time_calls(check_fresh(fields) for fields in fresh)
    # A copy made by --replicate has the same text under the number "<number>-<copy>": finding
    # the matter or one of its copies is finding it.
    numbers = dict(Matter.objects.filter(pk__in=[r["pk"] for r in repeats]).values_list("pk", "number"))
    found_again = sum(
        1
        for row in repeats[:50]
        if numbers[row["pk"]].split("-")[0]
        in {c.candidate.matter.number.split("-")[0] for c in check_repeat(row)().candidates[:5]}
    )

    words = SEARCH_WORDS + [query_rng.choice(corpus.places) for _ in range(len(SEARCH_WORDS))]
    search_queries = [words[i % len(words)] for i in range(args.queries)]
    search_timings = time_calls(
        (lambda q=q: list(matter_search(user=user, filters=MatterFilters(text=q), limit=20)))
        for q in ([] if args.check_only else search_queries)
    )
    rss_end = rss_kib()

    # Baselines from the same run. Exhaustive matching: one query against every matter's text, timed on
    # a sample of matters and scaled to the whole table.
    sample = list(Matter.objects.order_by("?")[:5000].values_list("title", "content", "demands"))
    query_vector = similarity_text.vector(matter_text(fresh[0]["title"], fresh[0]["content"], ""))
    started = time.perf_counter()
    for title, content, demands in sample:
        similarity_text.cosine(query_vector, similarity_text.vector(matter_text(title, content, demands)))
    exhaustive_ms = (time.perf_counter() - started) * 1000 * total / len(sample)
    # The same mix of words and places as the searches, each looked for in title, content and demands
    # by scanning, newest first, top 20.
    like_timings = time_calls(
        (
            lambda q=q: list(
                Matter.objects.filter(Q(title__contains=q) | Q(content__contains=q) | Q(demands__contains=q))
                .order_by("-received_at")[:20]
                .values("pk")
            )
        )
        for q in ([] if args.check_only else words)
    )

    result = {
        "database": connection.vendor,
        "sqlite_version": connection.Database.sqlite_version if connection.vendor == "sqlite" else None,
        "matters": total,
        "built_through_indexers": args.matters,
        "copies": args.replicate,
        "intake_check_repeat": summary(repeat_timings),
        "intake_check_new": summary(fresh_timings),
        "intake_check_all": summary(repeat_timings + fresh_timings),
        "repeats_found_in_top5_of_50": found_again,
        "search_top20": summary(search_timings) if search_timings else None,
        "baseline_exhaustive_match_ms": round(exhaustive_ms, 1),
        "speedup_check_vs_exhaustive": round(exhaustive_ms / statistics.median(fresh_timings), 1),
        "baseline_like_scan_top20": summary(like_timings) if like_timings else None,
        "speedup_search_vs_like": (
            round(statistics.median(like_timings) / statistics.median(search_timings), 1)
            if search_timings
            else None
        ),
        # start: after Django and the corpus of real texts are loaded; end: after every query above.
        "rss_kib": {"start": rss_start, "warm": rss_warm, "end": rss_end},
        "rss_growth_bytes_per_matter": round((rss_end - rss_start) * 1024 / total, 2),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
