from django.db import migrations


def fill(apps, schema_editor):
    from search.indexing import rebuild

    rebuild(apps)


def empty(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.all().delete()
    apps.get_model("search", "SearchTerm").objects.all().delete()
    from search.backends import engine

    if engine(schema_editor.connection.alias) == "fts5":
        schema_editor.execute("DELETE FROM search_fts")


class Migration(migrations.Migration):
    """Indexes what exists: articles, awards, pages and attachments."""

    dependencies = [
        ("search", "0002_engine_index"),
        ("news", "0013_preview_links"),
        ("awards", "0003_edit_version"),
        ("pages", "0004_page_review_dates"),
        ("base", "0006_edit_presence"),
    ]

    operations = [migrations.RunPython(fill, empty)]
