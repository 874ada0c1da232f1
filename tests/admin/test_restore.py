"""Restoring a version where features meet: translations (a version holds every
language and restoring one never empties another), the editorial workflow (an
editor's restore of a published article waits for a publisher; a publisher's is
a real save with its version, note, redirect and page-cache change), and nothing
reverted stays behind when the form is not saved."""

import json

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from awards.models import Award
from news.models import Article, ArticleChange
from pages.models import Page
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, AdminForm, form_errors
from tests.factories import ArticleFactory, AwardFactory

pytestmark = pytest.mark.django_db

TRANSLATED = {
    "article": {
        "title_uk": "День відкритих дверей",
        "lead_uk": "Запрошуємо до центру.",
        "body_uk": "<p>Зустріч у залі 5.</p>",
        "title_en": "Open day",
        "lead_en": "Come and visit.",
        "body_en": "<p>The meeting is in room 5.</p>",
    },
    "page": {
        "title_uk": "Години роботи",
        "body_uk": "<p>8–16</p>",
        "title_en": "Opening hours",
        "body_en": "<p>8 am to 4 pm</p>",
    },
    "award": {
        "title_uk": "Сертифікат якості",
        "recipient_uk": "Міський центр соціальної допомоги",
        "title_en": "Quality certificate",
        "recipient_en": "Municipal Social Welfare Centre",
    },
}


def _post(form):
    response = form.post()
    assert response.status_code == 302, form_errors(response)
    return response


def _admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _save(client, obj, **values):
    form = AdminForm.open(client, _admin_url(obj, "change", obj.pk))
    _post(form.set(change_kind="minor", **values))
    obj.refresh_from_db()


def _versions(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def _restore(client, obj, version, **values):
    form = AdminForm.open(client, _admin_url(obj, "revision", obj.pk, version.pk))
    return form.set(change_kind="minor", **values)


POLISH_TITLES = {
    "article": "Dzień otwarty",
    "page": "Godziny pracy",
    "award": "Certyfikat jakości",
}


def _translated_item(kind):
    if kind == "article":
        return ArticleFactory(title="Dzień otwarty", slug="dzien-otwarty")
    if kind == "page":
        return Page.objects.create(
            title="Godziny pracy", slug="godziny-pracy", body="<p>8–16</p>"
        )
    return AwardFactory(title="Certyfikat jakości", slug="certyfikat-jakosci")


@pytest.mark.parametrize("kind", ["article", "page", "award"])
def test_restoring_an_older_version_keeps_every_translation(client, publisher, kind):
    client.force_login(publisher)
    item = _translated_item(kind)
    _save(client, item, **TRANSLATED[kind])
    slug_uk = item.slug_uk
    assert slug_uk and item.title_en
    _save(client, item, title="Nowy polski tytuł")
    first = _versions(item)[0]

    _post(_restore(client, item, first))

    item.refresh_from_db()
    assert item.title_pl == POLISH_TITLES[kind]
    for name, value in TRANSLATED[kind].items():
        assert getattr(item, name) == value, name
    assert item.slug_uk == slug_uk
    with translation.override("uk"):
        address = item.get_absolute_url()
    assert client.get(address).status_code == 200


@pytest.mark.parametrize("kind", ["article", "page", "award"])
def test_a_version_holds_each_language_and_restores_an_older_translation(
    client, publisher, kind
):
    client.force_login(publisher)
    item = _translated_item(kind)
    _save(client, item, **TRANSLATED[kind])
    _save(client, item, title_uk="Зовсім інша назва", title_en="Another title")
    with_first_translation = _versions(item)[0]
    stored = json.loads(with_first_translation.serialized_data)[0]["fields"]
    assert stored["title_uk"] == TRANSLATED[kind]["title_uk"]

    _post(_restore(client, item, with_first_translation))

    item.refresh_from_db()
    assert item.title_uk == TRANSLATED[kind]["title_uk"]
    assert item.title_en == TRANSLATED[kind]["title_en"]


def _as_stored_before_every_language_was_kept(version):
    """What versions saved before the fix hold: the fields the model had when
    reversion read it (the Polish text under the field's own name), no
    per-language columns."""
    data = json.loads(version.serialized_data)
    fields = data[0]["fields"]
    for name in list(fields):
        base, _sep, language = name.rpartition("_")
        if language in {"pl", "uk", "en"} and base in fields:
            del fields[name]
    for name in ("source_revision", "translated_from_uk", "translated_from_en"):
        fields.pop(name, None)
    version.serialized_data = json.dumps(data)
    version.save()


def test_a_version_stored_before_the_fix_restores_without_emptying_translations(
    client, publisher
):
    client.force_login(publisher)
    article = ArticleFactory(title="Dzień otwarty", slug="dzien-otwarty")
    _save(client, article, **TRANSLATED["article"])
    _save(client, article, title="Zmieniony tytuł", body="<p>Inna treść.</p>")
    older = _versions(article)[0]
    older.serialized_data = older.serialized_data.replace("Dzień otwarty", "Stary")
    _as_stored_before_every_language_was_kept(older)

    _post(_restore(client, article, older))

    article.refresh_from_db()
    assert article.title_pl == "Stary"
    for name, value in TRANSLATED["article"].items():
        assert getattr(article, name) == value, name


def test_compare_shows_changes_of_a_translation_by_language(client, publisher):
    client.force_login(publisher)
    article = ArticleFactory(title="Dzień otwarty", slug="dzien-otwarty")
    _save(client, article, **TRANSLATED["article"])
    _save(client, article, title_uk="Інша назва")
    older, newer = _versions(article)
    response = client.get(
        _admin_url(article, "compare", article.pk), {"od": older.pk, "do": newer.pk}
    )
    text = response.content.decode()
    assert "Tytuł (wersja ukraińska)" in text
    assert "<ins>Інша</ins>" in text or "<ins>Інша назва</ins>" in text
    # Nothing else changed: Polish and English are not listed.
    assert "Tytuł (wersja angielska)" not in text


def test_compare_does_not_invent_changes_for_languages_an_old_version_lacks(
    client, publisher
):
    client.force_login(publisher)
    article = ArticleFactory(title="Dzień otwarty", slug="dzien-otwarty")
    _save(client, article, **TRANSLATED["article"])
    _save(client, article, title="Dzień otwarty ośrodka")
    older, newer = _versions(article)
    _as_stored_before_every_language_was_kept(older)
    response = client.get(
        _admin_url(article, "compare", article.pk), {"od": older.pk, "do": newer.pk}
    )
    text = response.content.decode()
    assert "<ins> ośrodka</ins>" in text
    assert "wersja ukraińska" not in text.split("version-diff", 1)[1]


# --- the workflow: who may restore what, through the revision view ----------


@pytest.fixture
def published(client, publisher):
    """A published article saved twice in the panel: "Pierwszy tytuł", then
    "Drugi tytuł" (live)."""
    client.force_login(publisher)
    article = ArticleFactory(title="Pierwszy tytuł", slug="pierwszy-tytul")
    _save(client, article, body="<p>Pierwsza treść.</p>")
    _save(
        client,
        article,
        title="Drugi tytuł",
        slug="drugi-tytul",
        body="<p>Druga treść.</p>",
    )
    assert article.is_live
    return article


def test_an_editors_restore_of_a_published_article_waits_for_a_publisher(
    client, editor, publisher, published
):
    resident_view = client.get(published.get_absolute_url())
    assert "Drugi tytuł" in resident_view.content.decode()
    versions_before = len(_versions(published))
    first = _versions(published)[0]

    client.force_login(editor)
    opened = client.get(_admin_url(published, "revision", published.pk, first.pk))
    assert "Przywracasz wersję z" in opened.content.decode()
    assert "trafi do wydawcy do akceptacji" in opened.content.decode()
    form = _restore(client, published, first)
    assert form["title"] == "Pierwszy tytuł"
    response = form.post(change_note="Wracamy do pierwszej wersji")
    assert response.status_code == 302, form_errors(response)

    published.refresh_from_db()
    assert published.title == "Drugi tytuł" and published.slug == "drugi-tytul"
    assert len(_versions(published)) == versions_before
    change = ArticleChange.objects.pending().get()
    assert change.author == editor
    assert change.values["title"] == "Pierwszy tytuł"
    assert change.values["body"] == "<p>Pierwsza treść.</p>"
    client.logout()
    resident_view = client.get(published.get_absolute_url())
    assert resident_view.status_code == 200
    assert "Drugi tytuł" in resident_view.content.decode()
    assert "Pierwsza treść" not in resident_view.content.decode()

    # The publisher accepts: now it is live, with a version.
    client.force_login(publisher)
    review = reverse("admin:news_article_change_review", args=[published.pk, change.pk])
    assert client.post(review, {"_accept": "1"}).status_code == 302
    published.refresh_from_db()
    assert published.title == "Pierwszy tytuł"
    assert len(_versions(published)) == versions_before + 1


def test_an_editors_restore_keeps_the_published_photos(client, editor, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, reverse("admin:news_article_add"))
    form.set(title="Zdjęcia", lead="x", body="<p>x</p>", status="published")
    form.add_row(
        ARTICLE_IMAGES,
        image=samples.jpeg("a.jpg"),
        alt_text="Pierwsze",
        placement="main",
        position="0",
    )
    _post(form)
    article = Article.objects.get()
    _save(client, article, title="Zdjęcia ośrodka")
    form = AdminForm.open(client, _admin_url(article, "change", article.pk))
    form.set(change_kind="minor")
    form.set_row(ARTICLE_IMAGES, 0, alt_text="Drugie")
    _post(form)
    first = _versions(article)[0]

    client.force_login(editor)
    _post(_restore(client, article, first))

    assert article.images.get().alt_text == "Drugie"
    assert Article.objects.get().title == "Zdjęcia ośrodka"


def test_a_publishers_restore_is_a_real_save_residents_see_at_once(
    client, publisher, published
):
    client.logout()
    assert "Drugi tytuł" in client.get(published.get_absolute_url()).content.decode()
    versions_before = len(_versions(published))
    first = _versions(published)[0]

    client.force_login(publisher)
    _post(
        _restore(client, published, first).set(
            change_kind="major", change_note="Przywrócono pierwotny tytuł"
        )
    )

    published.refresh_from_db()
    assert published.title == "Pierwszy tytuł" and published.slug == "pierwszy-tytul"
    assert published.status == Article.Status.PUBLISHED
    versions = _versions(published)
    assert len(versions) == versions_before + 1
    assert versions[-1].revision.note.text == "Przywrócono pierwotny tytuł"
    assert versions[-1].revision.user == publisher
    # The address residents knew still works.
    assert Redirect.objects.filter(
        old_path="/aktualnosci/drugi-tytul/", new_path="/aktualnosci/pierwszy-tytul/"
    ).exists()
    client.logout()
    page = client.get(published.get_absolute_url())
    assert page.status_code == 200 and "Pierwszy tytuł" in page.content.decode()
    assert client.get("/").content.decode().count("Pierwszy tytuł") >= 1
    assert "Drugi tytuł" not in client.get("/").content.decode()


def test_a_restore_keeps_the_publication_state(client, publisher):
    """A version from before publishing holds "szkic": restoring its text does
    not withdraw the article."""
    client.force_login(publisher)
    article = ArticleFactory(title="Szkic", slug="szkic-1", draft=True)
    _save(client, article, body="<p>Szkic treści.</p>")
    draft_version = _versions(article)[0]
    _save(client, article, status="published", published_at_0="", published_at_1="")
    assert article.is_live

    form = _restore(client, article, draft_version)
    assert form["status"] == "published"
    _post(form)

    article.refresh_from_db()
    assert article.is_live


def test_a_restore_not_saved_leaves_nothing_behind(client, publisher, published):
    versions_before = len(_versions(published))
    first = _versions(published)[0]
    # Opening the restore form changes nothing.
    form = _restore(client, published, first)
    published.refresh_from_db()
    assert published.title == "Drugi tytuł"
    # A form with an error (a public item's change kind not chosen) saves nothing.
    form.data.pop("change_kind")
    response = form.post()
    assert response.status_code == 200
    assert "change_kind" in response.context["adminform"].form.errors
    # The error says which field, at the top, where the question now is.
    text = response.content.decode()
    assert 'Nie zapisano. Popraw: <a href="#id_change_kind">Rodzaj zmiany</a>.' in text
    assert text.index("error-fields") < text.index('name="change_kind"')
    assert text.index('name="change_kind"') < text.index('name="title"')
    published.refresh_from_db()
    assert published.title == "Drugi tytuł" and published.slug == "drugi-tytul"
    assert len(_versions(published)) == versions_before


def test_a_stale_restore_is_refused_and_changes_nothing(client, publisher, published):
    first = _versions(published)[0]
    form = _restore(client, published, first)
    _save(client, published, lead="Ktoś inny zapisał w międzyczasie.")
    response = form.post()
    assert response.status_code == 200
    published.refresh_from_db()
    assert published.title == "Drugi tytuł"
    assert published.lead == "Ktoś inny zapisał w międzyczasie."


def test_a_version_of_another_item_cannot_be_restored_into_this_one(
    client, publisher, published
):
    other = ArticleFactory(title="Inny", slug="inny")
    _save(client, other, title="Inny artykuł")
    foreign = _versions(other)[0]
    response = client.get(_admin_url(published, "revision", published.pk, foreign.pk))
    assert response.status_code == 404
    award = AwardFactory()
    _save(client, award, title="Certyfikat")
    award_version = _versions(award)[0]
    # Same number, another model: not this article's version.
    response = client.get(
        _admin_url(published, "revision", published.pk, award_version.pk)
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("editor", "draft", "saved"),
        ("editor", "published", "pending"),
        ("publisher", "draft", "saved"),
        ("publisher", "published", "saved"),
    ],
)
def test_every_role_restoring_every_state(
    client, editor, publisher, role, status, expected
):
    client.force_login(publisher)
    article = ArticleFactory(
        title="Wersja pierwsza", slug="wersja", draft=status == "draft"
    )
    _save(client, article, lead="Pierwsza zapowiedź.")
    _save(client, article, title="Wersja druga")
    first = _versions(article)[0]
    client.force_login(editor if role == "editor" else publisher)

    _post(_restore(client, article, first))

    article.refresh_from_db()
    if expected == "saved":
        assert article.title == "Wersja pierwsza"
        assert not ArticleChange.objects.exists()
    else:
        assert article.title == "Wersja druga"
        assert ArticleChange.objects.pending().get().values["title"] == (
            "Wersja pierwsza"
        )
    assert article.status == status


def test_pages_and_awards_are_restored_only_by_who_may_change_them(
    client, editor, publisher
):
    client.force_login(publisher)
    award = AwardFactory(title="Certyfikat A", slug="certyfikat-a")
    _save(client, award, title="Certyfikat B")
    first = _versions(award)[0]
    client.force_login(editor)
    url = _admin_url(award, "revision", award.pk, first.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Przejęte"}).status_code == 403
    assert Award.objects.get().title == "Certyfikat B"
