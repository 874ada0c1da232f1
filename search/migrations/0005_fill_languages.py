from django.db import migrations


def fill(apps, schema_editor):
    """Every item gets its Ukrainian and English entries (its Polish text
    where it has no translation)."""
    from search.indexing import rebuild

    rebuild(apps)


def polish_only(apps, schema_editor):
    from search.backends import forget

    others = apps.get_model("search", "SearchEntry").objects.exclude(language="pl")
    forget(list(others.values_list("pk", flat=True)))
    others.delete()


class Migration(migrations.Migration):
    """The data step of 0004, in its own transaction (see the apps'
    *_polish_columns migrations for why)."""

    dependencies = [
        ("search", "0004_entries_per_language"),
        ("news", "0015_polish_columns"),
        ("awards", "0005_polish_columns"),
        ("pages", "0006_polish_columns"),
        ("base", "0009_polish_columns"),
    ]

    operations = [migrations.RunPython(fill, polish_only)]
