"""Full-text search on PostgreSQL: unaccent, a "simple" configuration that
folds diacritics, and a GIN index on the exact expression news.search queries.

Nothing happens on SQLite, where news.search uses its fallback.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "mops_search"
INDEX = "news_article_search_idx"

CREATE_CONFIG = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""


def _index():
    return GinIndex(SearchVector("title", "lead", "body", config=CONFIG), name=INDEX)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_CONFIG)
    schema_editor.add_index(apps.get_model("news", "Article"), _index())


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("news", "Article"), _index())
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};")


class Migration(migrations.Migration):
    dependencies = [("news", "0005_required_pages")]

    operations = [migrations.RunPython(forwards, backwards)]
