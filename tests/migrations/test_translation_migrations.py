"""The migrations that brought languages, on a filled database: the Polish text
moves into the new Polish columns (the originals stay), every translatable row
starts at revision 1 with no translation, the search index gets its Ukrainian
and English entries; back, everything is as it was."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("base", "0007_attachment_text"),
    ("news", "0013_preview_links"),
    ("awards", "0003_edit_version"),
    ("pages", "0004_page_review_dates"),
    ("search", "0003_fill_index"),
]


def _fill(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Category = apps.get_model("news", "Category")
    Article = apps.get_model("news", "Article")
    category = Category.objects.create(name="Pomoc", slug="pomoc", description="Opis")
    article = Article.objects.create(
        title="Zasiłek okresowy",
        slug="zasilek-okresowy",
        lead="Dla osób o niskich dochodach.",
        body="<p>Wniosek składa się w ośrodku.</p>",
        status="published",
        published_at="2026-01-05T10:00:00Z",
        category=category,
    )
    Issuer = apps.get_model("awards", "Issuer")
    issuer = Issuer.objects.create(
        name="Stowarzyszenie CAL", short_name="CAL", slug="cal"
    )
    apps.get_model("awards", "Award").objects.create(
        title="Certyfikat CAL",
        slug="certyfikat-cal",
        issuer=issuer,
        recipient="MOPS",
        occasion="sesja Rady Miasta",
    )
    apps.get_model("pages", "Page").objects.create(
        title="Godziny pracy", slug="godziny-pracy-test", body="<p>8–16</p>"
    )
    apps.get_model("base", "Notice").objects.create(
        text="Ośrodek nieczynny 2 maja.",
        starts_at="2026-04-01T00:00:00Z",
        ends_at="2026-05-03T00:00:00Z",
    )
    apps.get_model("base", "Attachment").objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        title="Wniosek o zasiłek",
        file="attachments/wniosek.pdf",
    )


def test_polish_text_moves_into_its_columns_and_back(migrator):
    migrator.migrate(*BEFORE)
    _fill(migrator.applied_apps())

    apps = migrator.command()  # forward to the latest state
    Article = apps.get_model("news", "Article")
    article = Article.objects.get()
    assert (article.title_pl, article.slug_pl, article.lead_pl, article.body_pl) == (
        "Zasiłek okresowy",
        "zasilek-okresowy",
        "Dla osób o niskich dochodach.",
        "<p>Wniosek składa się w ośrodku.</p>",
    )
    assert (article.title_uk, article.slug_uk, article.translated_from_uk) == (
        None,
        None,
        None,
    )
    assert article.source_revision == 1
    category = apps.get_model("news", "Category").objects.get(slug="pomoc")
    assert (category.name_pl, category.slug_pl, category.description_pl) == (
        "Pomoc",
        "pomoc",
        "Opis",
    )
    award = apps.get_model("awards", "Award").objects.get()
    assert (award.title_pl, award.occasion_pl, award.recipient_pl) == (
        "Certyfikat CAL",
        "sesja Rady Miasta",
        "MOPS",
    )
    assert apps.get_model("awards", "Issuer").objects.get().short_name_pl == "CAL"
    assert apps.get_model("pages", "Page").objects.get(
        slug="godziny-pracy-test"
    ).title_pl == ("Godziny pracy")
    assert apps.get_model("base", "Notice").objects.get().text_pl == (
        "Ośrodek nieczynny 2 maja."
    )
    assert apps.get_model("base", "Attachment").objects.get().title_pl == (
        "Wniosek o zasiłek"
    )
    # The search index has the article in every language, its Polish text in
    # each until it is translated.
    SearchEntry = apps.get_model("search", "SearchEntry")
    entries = SearchEntry.objects.filter(kind="article")
    assert sorted(entries.values_list("language", "text_language", "url")) == [
        ("en", "pl", "/en/news/zasilek-okresowy/"),
        ("pl", "pl", "/aktualnosci/zasilek-okresowy/"),
        ("uk", "pl", "/uk/novyny/zasilek-okresowy/"),
    ]

    migrator.migrate(*BEFORE)
    apps = migrator.applied_apps()
    article = apps.get_model("news", "Article").objects.get()
    assert (article.title, article.slug, article.lead) == (
        "Zasiłek okresowy",
        "zasilek-okresowy",
        "Dla osób o niskich dochodach.",
    )
    assert apps.get_model("pages", "Page").objects.get(
        slug="godziny-pracy-test"
    ).title == ("Godziny pracy")
    assert set(
        apps.get_model("search", "SearchEntry").objects.values_list("kind", flat=True)
    ) >= {"article", "page", "award", "attachment"}
    assert not hasattr(article, "title_pl")

    # And forward again, as an upgrade after a rollback would.
    apps = migrator.command()
    assert apps.get_model("news", "Article").objects.get().title_pl == (
        "Zasiłek okresowy"
    )
