from django.db import migrations


def create(apps, schema_editor):
    from search.backends import create_schema

    create_schema(schema_editor)


def drop(apps, schema_editor):
    from search.backends import drop_schema

    drop_schema(schema_editor)


class Migration(migrations.Migration):
    """The engine's own index: a weighted tsvector with a GIN index on
    PostgreSQL, an FTS5 table on SQLite (none when SQLite lacks FTS5)."""

    dependencies = [("search", "0001_search_index")]

    operations = [migrations.RunPython(create, drop)]
