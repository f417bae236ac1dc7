"""The migration that generalised supervision items keeps the items opened before it, and gives each
the unit responsible for it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from minsheng.petitions.models import Matter
from minsheng.petitions.tests.workflow_steps import open_matter, take

BEFORE = [("supervision", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_it_keeps_old_items_and_fills_in_their_unit(city, register):
    handled = take(city, open_matter(register, title="云中镇承办"), to=Matter.Status.ACCEPTED)
    waiting = open_matter(register, title="尚未转送")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("supervision")
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            for matter in (handled, waiting):
                cursor.execute(
                    "INSERT INTO supervision_supervisionitem (matter_id, kind, deadline_kind, due_on,"
                    " opened_on, note, close_note)"
                    " VALUES (%s, 'overdue', 'handle', '2026-06-05', '2026-06-15', '', '')",
                    [matter.pk],
                )
    finally:
        migrate(latest)

    from minsheng.supervision.models import SupervisionItem

    items = {i.matter.title: i for i in SupervisionItem.objects.select_related("matter", "organisation")}
    assert set(items) == {"云中镇承办", "尚未转送"}
    assert items["云中镇承办"].organisation == city.yunzhong
    assert items["尚未转送"].organisation == city.bureau
    assert (
        items["云中镇承办"].level,
        items["云中镇承办"].meeting_task,
        items["云中镇承办"].instruction_task,
    ) == (
        "",
        None,
        None,
    )
