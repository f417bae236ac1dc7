"""Every derived index over matters, kept current in the transaction that changes a matter.

Services that change what a matter says (registration, a later submission, a reply, a new category or
handling unit, an import) call `matters_reindex(matter_ids=...)` before their transaction commits, so
no matter is ever missing from intake matching or search. `manage.py rebuild_index` runs the same
indexers over every matter and must give the same answers.

Each indexer named in settings.MATTER_INDEXERS is a module with two functions:
    index_matters(matter_ids: list[int]) -> None   replace the entries of these matters
    clear() -> None                                 drop every entry (before a rebuild)
and may have `rebuild_started()` and `rebuild_finished()`, called around a full rebuild.
"""

from collections.abc import Iterable
from functools import cache
from importlib import import_module

from django.conf import settings
from django.db import transaction


@cache
def indexers() -> tuple:
    return tuple(import_module(path) for path in settings.MATTER_INDEXERS)


def matters_reindex(*, matter_ids: Iterable[int]) -> None:
    ids = sorted(set(matter_ids))
    if not ids:
        return
    for indexer in indexers():
        indexer.index_matters(ids)


REBUILD_BATCH_SIZE = 2000


def matters_rebuild_all(*, batch_size: int = REBUILD_BATCH_SIZE, progress=None) -> int:
    """Empty every index and index every matter again, in batches of ids; returns how many.

    An indexer may also have `rebuild_started()` and `rebuild_finished()` (drop and build a database
    index around the bulk, say). Each batch is its own transaction, so a long rebuild does not hold
    one write lock for minutes; a matter registered meanwhile is indexed by its own service.
    `progress(done, total)` is called after each batch."""
    from minsheng.petitions.models import Matter

    with transaction.atomic():
        for indexer in indexers():
            indexer.clear()
            _hook(indexer, "rebuild_started")
    try:
        ids = list(Matter.objects.order_by("pk").values_list("pk", flat=True))
        total = len(ids)
        for start in range(0, total, batch_size):
            batch = ids[start : start + batch_size]
            with transaction.atomic():
                # Services lock a matter before changing it; taking the same locks keeps a batch from
                # writing text it read just before a service committed newer text.
                list(Matter.objects.select_for_update().filter(pk__in=batch).values_list("pk", flat=True))
                matters_reindex(matter_ids=batch)
            if progress is not None:
                progress(min(start + batch_size, total), total)
    finally:
        with transaction.atomic():
            for indexer in indexers():
                _hook(indexer, "rebuild_finished")
    return total


def _hook(indexer, name: str) -> None:
    hook = getattr(indexer, name, None)
    if hook is not None:
        hook()
