"""Drop the PostgreSQL text search configuration and the GIN index of migration
0006: the full-text search they served (``ArticleQuerySet.search``) was
replaced by the search app's own index, yet PostgreSQL still updated the GIN
index on every article save. Back, both are made again as 0006 made them.

The ``unaccent`` extension stays: dropping an extension needs more rights than
creating one did, and it costs nothing unused. Nothing happens on SQLite.
"""

from importlib import import_module

from django.db import migrations

created = import_module("news.migrations.0006_postgres_search")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {created.INDEX};")
    schema_editor.execute(
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {created.CONFIG};"
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0018_change_is_major_and_note_default")]

    operations = [migrations.RunPython(drop, created.forwards)]
