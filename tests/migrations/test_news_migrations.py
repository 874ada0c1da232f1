"""Data migrations of news, run on a filled database, forward and back."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("news", "0007_article_featured_until")
AFTER = ("news", "0008_starter_categories")


def test_starter_categories_join_what_staff_made_and_leave_only_unused(migrator):
    apps = migrator.migrate(BEFORE)
    Category = apps.get_model("news", "Category")
    Article = apps.get_model("news", "Article")
    Category.objects.all().delete()
    awards = Category.objects.create(name="Wyróżnienia", slug="wyroznienia")
    Category.objects.create(name="Komunikaty", slug="komunikaty-mops")  # renamed slug
    Category.objects.create(name="Dla seniorów", slug="dla-seniorow")
    Article.objects.create(title="CAL", slug="cal", lead="x", category=awards)

    apps = migrator.migrate(AFTER)
    Category = apps.get_model("news", "Category")
    assert set(Category.objects.values_list("slug", flat=True)) == {
        "wyroznienia",
        "komunikaty-mops",
        "dla-seniorow",
        "wydarzenia",
        "pomoc-spoleczna",
        "projekty",
        "ogloszenia",
    }

    apps = migrator.migrate(BEFORE)
    Category = apps.get_model("news", "Category")
    assert set(Category.objects.values_list("slug", flat=True)) == {
        "wyroznienia",  # an article uses it
        "komunikaty-mops",
        "dla-seniorow",
    }
    assert apps.get_model("news", "Article").objects.get().category.slug == (
        "wyroznienia"
    )


def test_publication_times_become_whole_seconds_and_going_back_keeps_them(migrator):
    import datetime

    moment = datetime.datetime(2026, 3, 29, 10, 15, 7, 654321, tzinfo=datetime.UTC)
    apps = migrator.migrate(("news", "0009_move_pages_and_site_records_out"))
    Article = apps.get_model("news", "Article")
    Article.objects.create(
        title="A", slug="a", lead="x", status="published", published_at=moment,
        is_featured=True, featured_until=moment,
    )
    Article.objects.create(title="B", slug="b", lead="x")  # a draft, no times
    apps = migrator.migrate(("news", "0010_whole_second_publication_times"))
    article = apps.get_model("news", "Article").objects.get(slug="a")
    assert article.published_at == moment.replace(microsecond=0)
    assert article.featured_until == moment.replace(microsecond=0)
    apps = migrator.migrate(("news", "0009_move_pages_and_site_records_out"))
    article = apps.get_model("news", "Article").objects.get(slug="a")
    assert article.published_at == moment.replace(microsecond=0)
