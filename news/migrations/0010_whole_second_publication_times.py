"""Publication times are whole seconds: earlier versions stored the moment of
publishing with microseconds, which pages printed into <time datetime>.

Going back keeps the rounded times (nothing depends on the microseconds).
"""

from django.db import migrations

FIELDS = ["published_at", "featured_until"]


def truncate(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    changed = []
    for article in Article.objects.only("pk", *FIELDS).iterator(chunk_size=1000):
        values = [getattr(article, name) for name in FIELDS]
        if any(value and value.microsecond for value in values):
            for name, value in zip(FIELDS, values, strict=True):
                setattr(article, name, value and value.replace(microsecond=0))
            changed.append(article)
    Article.objects.bulk_update(changed, FIELDS, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("news", "0009_move_pages_and_site_records_out")]

    operations = [migrations.RunPython(truncate, migrations.RunPython.noop)]
