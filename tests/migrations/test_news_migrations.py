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
        title="A",
        slug="a",
        lead="x",
        status="published",
        published_at=moment,
        is_featured=True,
        featured_until=moment,
    )
    Article.objects.create(title="B", slug="b", lead="x")  # a draft, no times
    apps = migrator.migrate(("news", "0010_whole_second_publication_times"))
    article = apps.get_model("news", "Article").objects.get(slug="a")
    assert article.published_at == moment.replace(microsecond=0)
    assert article.featured_until == moment.replace(microsecond=0)
    apps = migrator.migrate(("news", "0009_move_pages_and_site_records_out"))
    article = apps.get_model("news", "Article").objects.get(slug="a")
    assert article.published_at == moment.replace(microsecond=0)


def test_stored_photos_get_their_own_width_rendition(migrator, settings, tmp_path):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from base.images import rendition_name
    from tests import samples

    apps = migrator.migrate(("base", "0001_initial"))
    name = default_storage.save(
        "articles/2025/abc/sala.jpg", ContentFile(samples.image_bytes(size=(1000, 600)))
    )
    article = apps.get_model("news", "Article").objects.create(
        title="A", slug="a", lead="x"
    )
    apps.get_model("news", "ArticleImage").objects.create(
        article=article, image=name, width=1000, height=600, alt_text="Sala"
    )
    apps.get_model("news", "ArticleImage").objects.create(
        article=article, image="articles/2025/zzz/brak.jpg", width=900, height=600
    )  # its file is gone: skipped, not an error
    assert not default_storage.exists(rendition_name(name, 1000, "jpg"))
    migrator.migrate(("base", "0002_renditions_at_original_width"))
    for extension in ("jpg", "webp"):
        assert default_storage.exists(rendition_name(name, 1000, extension))


def test_the_statement_gets_the_sections_of_version_2_and_stays_unpublished_without_e_mail(
    migrator,
):
    apps = migrator.migrate(("pages", "0001_initial"))
    import datetime

    day = datetime.date(2026, 1, 1)
    apps.get_model("pages", "AccessibilityStatement").objects.all().delete()
    apps.get_model("pages", "AccessibilityStatement").objects.create(
        entity_name="MOPS",
        site_url="https://mops.example.pl/",
        published_on=day,
        updated_on=day,
        prepared_on=day,
        last_reviewed_on=day,
        contact_person="Koordynator",
        contact_email="",
        contact_phone="23 654 35 60",
        procedure="<p>Procedura.</p>",
        architecture="",
    )
    apps = migrator.migrate(("pages", "0002_statement_v2_fields"))
    statement = apps.get_model("pages", "AccessibilityStatement").objects.get()
    assert "języka migowego" in statement.communication
    assert statement.architecture.startswith("<p>Opis dostępności budynku")
    assert statement.is_published is False
    apps = migrator.migrate(("pages", "0001_initial"))
    assert (
        apps.get_model("pages", "AccessibilityStatement").objects.get().architecture
        == ""
    )


def test_attachment_sizes_are_filled_from_the_files_that_exist(migrator):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    apps = migrator.migrate(("base", "0003_office_description_and_logo"))
    Article = apps.get_model("news", "Article")
    ContentType = apps.get_model("contenttypes", "ContentType")
    article = Article.objects.create(title="A", slug="a", lead="x")
    kind, _ = ContentType.objects.get_or_create(app_label="news", model="article")
    name = default_storage.save(
        "attachments/2025/x/wniosek.pdf", ContentFile(b"%PDF-" + b"1" * 95)
    )
    Attachment = apps.get_model("base", "Attachment")
    for title, file in [("jest", name), ("brak", "attachments/2025/y/brak.pdf")]:
        Attachment.objects.create(
            content_type=kind, object_id=article.pk, title=title, file=file
        )
    apps = migrator.migrate(("base", "0004_attachment_file_size"))
    sizes = dict(
        apps.get_model("base", "Attachment").objects.values_list("title", "file_size")
    )
    assert sizes == {"jest": 100, "brak": None}
