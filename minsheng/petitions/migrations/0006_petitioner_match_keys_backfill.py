"""Fill the matching keys of petitioners registered before 0005 (see petitions.matching)."""

from django.db import migrations

from minsheng.petitions import matching


def fill_match_keys(apps, schema_editor):
    Petitioner = apps.get_model("petitions", "Petitioner")
    fields = list(matching.MATCH_KEY_FIELDS)
    batch = []
    for person in Petitioner.objects.only("pk", "name", "address").order_by("pk").iterator(chunk_size=1000):
        for field, value in matching.match_keys(name=person.name, address=person.address).items():
            setattr(person, field, value)
        batch.append(person)
        if len(batch) >= 1000:
            Petitioner.objects.bulk_update(batch, fields)
            batch = []
    if batch:
        Petitioner.objects.bulk_update(batch, fields)


class Migration(migrations.Migration):

    dependencies = [
        ("petitions", "0005_petitioner_match_keys"),
    ]

    operations = [
        migrations.RunPython(fill_match_keys, migrations.RunPython.noop, elidable=True),
    ]
