"""The search index's migrations on a filled database: 0003 indexes what
exists (articles with their attachments, awards, pages), back empties it, and
0002's engine index (tsvector + GIN, or FTS5) comes and goes."""

import pytest
from django.db import connection

from tests import samples

pytestmark = pytest.mark.django_db(transaction=True)


def _engine_objects():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'search_entry_vector'"
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'"
            )
        return cursor.fetchone()[0]


def test_the_index_is_filled_for_existing_rows_and_emptied_back(migrator, settings):
    migrator.migrate(("search", "0002_engine_index"))
    apps = migrator.applied_apps()  # every app's models, search before the fill
    Article = apps.get_model("news", "Article")
    Attachment = apps.get_model("base", "Attachment")
    ContentType = apps.get_model("contenttypes", "ContentType")
    article = Article.objects.create(
        title="Zasiłek okresowy",
        slug="zasilek-okresowy",
        lead="Dla osób o niskich dochodach.",
        body="<p>Wniosek składa się w ośrodku.</p>",
        status="published",
        published_at="2026-01-05T10:00:00Z",
    )
    Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        title="Wniosek o zasiłek okresowy",
        file=samples.upload("wniosek.pdf", samples.pdf()),
        file_size=100,
    )
    apps.get_model("pages", "Page").objects.create(
        title="Godziny pracy", slug="godziny-pracy-test", body="<p>8–16</p>"
    )
    migrator.migrate(("search", "0003_fill_index"))
    apps = migrator.applied_apps()
    SearchEntry = apps.get_model("search", "SearchEntry")
    kinds = set(SearchEntry.objects.values_list("kind", "title"))
    assert ("article", "Zasiłek okresowy") in kinds
    assert ("attachment", "Wniosek o zasiłek okresowy") in kinds
    assert ("page", "Godziny pracy") in kinds

    migrator.latest()
    from search import results

    found = results.entries(results.parse("zasiłku okresowego"))
    assert {e.title for e in found} >= {
        "Zasiłek okresowy",
        "Wniosek o zasiłek okresowy",
    }

    migrator.migrate(("search", "0002_engine_index"))
    apps = migrator.applied_apps()
    assert not apps.get_model("search", "SearchEntry").objects.exists()
    assert _engine_objects() == 1
    migrator.migrate(("search", "0001_search_index"))
    assert _engine_objects() == 0
