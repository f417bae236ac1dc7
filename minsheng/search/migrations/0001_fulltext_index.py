"""The full-text index tables (see fts_sqlite and fts_postgres), filled at once with the matters
already there."""

from django.db import migrations

from minsheng.search import fts_postgres, fts_sqlite, fulltext


def _store(schema_editor):
    return fts_postgres if schema_editor.connection.vendor == "postgresql" else fts_sqlite


def create(apps, schema_editor):
    store = _store(schema_editor)
    for statement in store.CREATE:
        schema_editor.execute(statement)
    Matter = apps.get_model("petitions", "Matter")
    fulltext.index_matters(list(Matter.objects.values_list("pk", flat=True)), apps=apps)
    store.rebuild_finished()


def drop(apps, schema_editor):
    for statement in _store(schema_editor).DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0006_petitioner_match_keys_backfill"),
    ]

    operations = [migrations.RunPython(create, drop)]
