"""Photos get a rendition at their own width (up to 2400 px): pages no longer
serve a 700 px photo at 400 px. Writes the new files for stored photos and
award scans; the database does not change. Going back leaves the files."""

from django.db import migrations

from base.images import rebuild_renditions


def rebuild(apps, schema_editor):
    images = apps.get_model("news", "ArticleImage").objects.values_list(
        "image", flat=True
    )
    scans = (
        apps.get_model("awards", "Award")
        .objects.exclude(document="")
        .exclude(document__iendswith=".pdf")
        .values_list("document", flat=True)
    )
    rebuild_renditions([*images, *scans])


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("news", "0010_whole_second_publication_times"),
        ("awards", "0002_image_handling_and_attachments"),
    ]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
