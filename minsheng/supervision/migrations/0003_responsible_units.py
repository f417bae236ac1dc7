from django.db import migrations


def responsible_units(apps, schema_editor):
    """Items opened before there was a responsible unit: the unit that answered (unsatisfied ratings),
    otherwise the matter's handling unit, or the unit that received it while it was not yet sent on."""
    Item = apps.get_model("supervision", "SupervisionItem")
    for item in Item.objects.filter(organisation__isnull=True).select_related("matter", "reply"):
        if item.reply_id is not None:
            org_id = item.reply.organisation_id
        else:
            org_id = item.matter.handling_org_id or item.matter.receiving_org_id
        Item.objects.filter(pk=item.pk).update(organisation_id=org_id)


class Migration(migrations.Migration):
    dependencies = [("supervision", "0002_notices_levels_subjects")]

    operations = [migrations.RunPython(responsible_units, migrations.RunPython.noop)]
