"""Migration news 0019 drops the GIN index and text search configuration the
old full-text search used (PostgreSQL still updated the index on every article
save); back, both are made again. On SQLite nothing changes either way."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("news", "0018_change_is_major_and_note_default")]
AFTER = [("news", "0019_drop_unused_search_index")]


def _present():
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = "
            "'news_article_search_idx'"
        )
        index = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_ts_config WHERE cfgname = 'mops_search'"
        )
        config = cursor.fetchone()[0]
    return (index, config)


def test_the_unused_index_goes_and_comes_back(migrator):
    apps = migrator.migrate(*BEFORE)
    Article = apps.get_model("news", "Article")
    Article.objects.create(title="Zasiłek", slug="zasilek", lead="x", body="<p>x</p>")
    expected_before = None if connection.vendor != "postgresql" else (1, 1)
    expected_after = None if connection.vendor != "postgresql" else (0, 0)
    assert _present() == expected_before
    for _round in range(2):
        apps = migrator.migrate(*AFTER)
        assert _present() == expected_after
        assert apps.get_model("news", "Article").objects.count() == 1
        migrator.migrate(*BEFORE)
        assert _present() == expected_before
