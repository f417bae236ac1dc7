"""Evaluation of intake matching on labelled real messages.

Loads every message of ../shared/data (about 9,500) into a separate database as matters, each under its
board user as petitioner, then replays each labelled query message as a new submission at its own time:
the matcher searches only matters received before it (a registrar cannot see the future) and the query
itself is excluded. Prints one JSON line with recall@5, precision@1 and the share of queries where a
labelled hard negative outranks every true match — for the system's matcher and, from the same run, for
plain character 2–3-gram TF-IDF cosine over the same pool.

    .venv/bin/python bench/match_eval.py [--groups FILE] [--negatives FILE]

Label files: see minsheng/similarity/evaluation/README.md (the defaults are ours; pass held-out ones
in the same format). The database lives in var/match_eval/ and is built once.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MINSHENG_VAR_DIR", str(ROOT / "var" / "match_eval"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from minsheng.accounts.models import Organisation, User  # noqa: E402
from minsheng.accounts.services import organisation_create  # noqa: E402
from minsheng.petitions.models import Matter, SubmissionPetitioner  # noqa: E402
from minsheng.petitions.services.imports import messages_import  # noqa: E402
from minsheng.search.indexing import matters_rebuild_all  # noqa: E402
from minsheng.similarity.evaluation import baseline, labels, metrics  # noqa: E402
from minsheng.similarity.evaluation.pool import unique_pool  # noqa: E402
from minsheng.similarity.selectors import MatterProbe, matter_candidates  # noqa: E402

DEPTH = 10


def external_id(key) -> str:
    return f"{key[0]}:{key[1]}"


def load_pool(pool) -> None:
    """The pool as matters, once: each message under its board user, copies across files folded."""
    call_command("migrate", verbosity=0)
    if Matter.objects.exists():
        return
    city = organisation_create(name="评测市", kind=Organisation.Kind.CITY, region_code="430100")
    bureau = organisation_create(
        name="评测市信访局", kind=Organisation.Kind.PETITION_BUREAU, parent=city, number_prefix="评信"
    )
    records = [
        {
            "_line": line,
            "留言编号": external_id(message.key),
            "留言用户": message.user,
            "留言主题": message.title,
            "留言时间": message.time,
            "留言详情": message.text,
        }
        for line, message in enumerate(pool, start=2)
    ]
    report = messages_import(records=records, organisation=bureau)
    print(f"pool: {report.imported} imported, {report.skipped_count} skipped", file=sys.stderr)
    matters_rebuild_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    # Without files: our labels (labels.txt), ordered by the pool; with files: labels in the CSV format.
    parser.add_argument("--groups", type=Path, default=None, help="groups CSV (default: labels.txt)")
    parser.add_argument("--negatives", type=Path, default=None, help="negatives CSV (default: labels.txt)")
    args = parser.parse_args()
    data_dir = Path(settings.SHARED_DATA_DIR)
    if not data_dir.is_dir():
        sys.exit(f"找不到共享数据目录 {data_dir}：无法评测")
    pool = unique_pool(data_dir=data_dir)
    load_pool(pool)
    time_of = {m.key: m.time for m in pool}
    queries = metrics.queries_from_groups(labels.load_groups(args.groups, pool=pool), time_of.__getitem__)
    negatives = metrics.negatives_by_query(labels.load_negatives(args.negatives))

    matters = {
        row["external_id"]: row
        for row in Matter.objects.values("pk", "external_id", "title", "content", "received_at")
    }
    key_of = {row["pk"]: tuple(external.split(":", 1)) for external, row in matters.items()}
    person_of = dict(
        SubmissionPetitioner.objects.values_list("submission__matter__external_id", "petitioner_id")
    )
    user = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "evaluator", password=None
    )

    rankings, timings = {}, []
    for query in queries:
        row = matters[external_id(query.key)]
        probe = MatterProbe(
            title=row["title"],
            content=row["content"],
            petitioner_ids=(person_of[row["external_id"]],),
            received_at=row["received_at"],
            received_before=row["received_at"],
            exclude_matter_ids=(row["pk"],),
        )
        started = time.perf_counter()
        found = matter_candidates(user=user, probe=probe, limit=DEPTH, threshold=0.0)
        timings.append(time.perf_counter() - started)
        rankings[query.key] = [key_of[c.matter.pk] for c in found]
    timings.sort()
    result = {
        "pool": len(pool),
        "system": metrics.evaluate(rankings, queries, negatives, k=5),
        "baseline_tfidf_2_3gram": metrics.evaluate(baseline.rank_all(pool, queries), queries, negatives, k=5),
        "system_check_ms": {
            "p50": round(1000 * timings[len(timings) // 2], 2),
            "p95": round(1000 * timings[int(len(timings) * 0.95)], 2),
        },
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
