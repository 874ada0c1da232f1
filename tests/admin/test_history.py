"""History as office staff use it: every save kept with who and a note, two
versions compared in Polish, an earlier one restored with its photos and
attachments (and the restore undone), a deleted article brought back, and who
may do which."""

import pytest
from django.urls import reverse
from reversion.models import Version

from base.models import Attachment
from news.models import Article, ArticleImage
from pages.models import Page
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, ATTACHMENTS, AdminForm, form_errors

pytestmark = pytest.mark.django_db


def _photo(name="sala.jpg", alt="Sala ośrodka"):
    return {
        "image": samples.jpeg(name),
        "alt_text": alt,
        "placement": "main",
        "position": "0",
        "caption": "",
        "credit": "",
    }


def _attachment(title="Program dnia"):
    return {
        "title": title,
        "file": samples.upload("program.pdf", samples.pdf()),
        "language": "pl",
        "position": "0",
    }


def _post(form):
    response = form.post()
    assert response.status_code == 302, form_errors(response)
    return response


def _write_article(client):
    """An article written in the panel with a photo and an attachment."""
    form = AdminForm.open(client, reverse("admin:news_article_add"))
    form.set(
        title="Dzień otwarty ośrodka",
        lead="Zapraszamy do ośrodka.",
        body="<p>Spotkanie odbędzie się w sali nr 5.</p>",
    )
    form.add_row(ARTICLE_IMAGES, **_photo())
    form.add_row(ATTACHMENTS, **_attachment())
    _post(form)
    return Article.objects.get()


def _edit(client, article, **values):
    form = AdminForm.open(
        client, reverse("admin:news_article_change", args=[article.pk])
    )
    form.set(change_kind="minor", **values)
    return form


@pytest.fixture
def written(client, editor):
    client.force_login(editor)
    return _write_article(client)


def test_every_save_keeps_a_version_credited_to_who_saved_it(
    client, written, editor, publisher
):
    _post(_edit(client, written, title="Dzień otwarty", change_note="Krótszy tytuł"))
    client.force_login(publisher)
    _post(_edit(client, written, lead="Zapraszamy wszystkich."))
    versions = list(Version.objects.get_for_object(written).order_by("pk"))
    assert [v.revision.user for v in versions] == [editor, editor, publisher]
    assert versions[1].revision.note.text == "Krótszy tytuł"
    history = client.get(reverse("admin:news_article_history", args=[written.pk]))
    text = history.content.decode()
    assert history.status_code == 200
    assert "Krótszy tytuł" in text
    assert text.count("Przywróć tę wersję") == 2  # every version but the current


def test_compare_marks_what_was_deleted_and_inserted(client, written):
    form = _edit(
        client,
        written,
        title="Dzień otwarty ośrodka w Mławie",
        body="<p>Spotkanie odbędzie się w sali nr 7.</p>",
    )
    form.set_row(ARTICLE_IMAGES, 0, DELETE="on")
    form.add_row(ARTICLE_IMAGES, **_photo("ogrod.jpg", "Ogród ośrodka"))
    _post(form)
    older, newer = Version.objects.get_for_object(written).order_by("pk")
    response = client.get(
        reverse("admin:news_article_compare", args=[written.pk]),
        {"od": newer.pk, "do": older.pk},  # either order: older first
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<ins> w Mławie</ins>" in text
    assert "sali nr <del>5</del><ins>7</ins>" in text
    assert "Usunięto: <del>" in text and "Dodano: <ins>" in text
    assert "<p>" not in text.split("version-diff", 1)[1].split("</table>")[0]


def test_compare_escapes_what_staff_typed(client, written):
    _post(_edit(client, written, title='Tytuł <script>alert("x")</script>'))
    older, newer = Version.objects.get_for_object(written).order_by("pk")
    response = client.get(
        reverse("admin:news_article_compare", args=[written.pk]),
        {"od": older.pk, "do": newer.pk},
    )
    assert "<script>alert" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_compare_refuses_versions_of_another_item(client, written, editor):
    other = Article.objects.create(title="Inny", lead="x", body="<p>x</p>")
    _post(_edit(client, other, title="Inny artykuł"))
    foreign = Version.objects.get_for_object(other).first()
    mine = Version.objects.get_for_object(written).first()
    response = client.get(
        reverse("admin:news_article_compare", args=[written.pk]),
        {"od": foreign.pk, "do": mine.pk},
        follow=True,
    )
    assert "Wybierz dwie wersje do porównania." in response.content.decode()


def test_restoring_brings_back_title_body_photo_and_attachment(client, written):
    original_photo = written.images.get().image.name
    form = _edit(client, written, title="Zmieniony", body="<p>Nowa treść.</p>")
    form.set_row(ARTICLE_IMAGES, 0, image=samples.jpeg("inne.jpg"))
    form.set_row(ATTACHMENTS, 0, DELETE="on")
    _post(form)
    written.refresh_from_db()
    assert written.title == "Zmieniony" and not written.attachments.exists()
    assert written.images.get().image.name != original_photo

    first = Version.objects.get_for_object(written).order_by("pk").first()
    url = reverse("admin:news_article_revision", args=[written.pk, first.pk])
    restore = AdminForm.open(client, url)  # click 1: "Przywróć tę wersję"
    assert restore["title"] == "Dzień otwarty ośrodka"
    _post(restore.set(change_kind="minor"))  # click 2: "Zapisz"

    written.refresh_from_db()
    assert written.title == "Dzień otwarty ośrodka"
    assert "sali nr 5" in written.body
    assert written.images.get().image.name == original_photo
    assert written.images.get().image.storage.exists(original_photo)
    assert written.attachments.get().title == "Program dnia"


def test_a_restore_is_a_new_version_and_can_itself_be_undone(client, written):
    _post(_edit(client, written, title="Druga wersja"))
    first, second = Version.objects.get_for_object(written).order_by("pk")
    url = reverse("admin:news_article_revision", args=[written.pk, first.pk])
    _post(AdminForm.open(client, url).set(change_kind="minor"))
    assert Article.objects.get().title == "Dzień otwarty ośrodka"
    assert Version.objects.get_for_object(written).count() == 3
    undo = reverse("admin:news_article_revision", args=[written.pk, second.pk])
    _post(AdminForm.open(client, undo).set(change_kind="minor"))
    assert Article.objects.get().title == "Druga wersja"


def test_a_publisher_brings_a_deleted_article_back(client, written, publisher):
    photo = written.images.get().image.name
    client.force_login(publisher)
    client.post(
        reverse("admin:news_article_delete", args=[written.pk]), {"post": "yes"}
    )
    assert not Article.objects.exists()
    assert ArticleImage.objects.count() == 0 and Attachment.objects.count() == 0
    listing = client.get(reverse("admin:news_article_changelist"))
    assert "Przywróć usunięte" in listing.content.decode()
    deleted = client.get(reverse("admin:news_article_recoverlist"))
    assert "Dzień otwarty ośrodka" in deleted.content.decode()
    version = Version.objects.get_deleted(Article).get()
    form = AdminForm.open(
        client, reverse("admin:news_article_recover", args=[version.pk])
    )
    _post(form)
    article = Article.objects.get()
    assert article.title == "Dzień otwarty ośrodka"
    assert article.images.get().image.name == photo
    assert article.images.get().image.storage.exists(photo)
    assert article.attachments.get().title == "Program dnia"


# --- who may see and do what ------------------------------------------------


def _routes(obj, version):
    opts = obj._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    return {
        "history": reverse(f"{name}_history", args=[obj.pk]),
        "compare": reverse(f"{name}_compare", args=[obj.pk])
        + f"?od={version.pk}&do={version.pk}",
        "revision": reverse(f"{name}_revision", args=[obj.pk, version.pk]),
        "recoverlist": reverse(f"{name}_recoverlist"),
        "recover": reverse(f"{name}_recover", args=[version.pk]),
    }


def _statuses(client, routes):
    return {name: client.get(url).status_code for name, url in routes.items()}


def test_who_may_open_each_history_route(
    client, written, editor, publisher, django_user_model
):
    client.force_login(publisher)
    page = Page.objects.create(
        title="Godziny pracy", slug="godziny-pracy", body="<p>8–16</p>"
    )
    form = AdminForm.open(client, reverse("admin:pages_page_change", args=[page.pk]))
    _post(form.set(title="Godziny pracy ośrodka", change_kind="minor"))
    article_routes = _routes(written, Version.objects.get_for_object(written).first())
    page_routes = _routes(page, Version.objects.get_for_object(page).first())

    client.logout()
    for url in [*article_routes.values(), *page_routes.values()]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url, url

    # An editor changes articles (history, compare, restore) but cannot bring
    # back deleted ones; pages they may only view: no history at all.
    client.force_login(editor)
    assert _statuses(client, article_routes) == {
        "history": 200,
        "compare": 200,
        "revision": 200,
        "recoverlist": 403,
        "recover": 403,
    }
    assert set(_statuses(client, page_routes).values()) == {403}

    client.force_login(publisher)
    assert set(_statuses(client, article_routes).values()) == {200}
    assert set(_statuses(client, page_routes).values()) == {200}

    # Staff in no group (left the office): nothing.
    former = django_user_model.objects.create_user("byly", is_staff=True)
    client.force_login(former)
    statuses = set(_statuses(client, article_routes).values())
    assert statuses <= {302, 403}


def test_a_viewer_cannot_restore_by_crafted_post(client, editor, publisher):
    client.force_login(publisher)
    page = Page.objects.create(title="Kontakt", slug="kontakt-test", body="<p>a</p>")
    form = AdminForm.open(client, reverse("admin:pages_page_change", args=[page.pk]))
    _post(form.set(body="<p>b</p>", change_kind="minor"))
    first = Version.objects.get_for_object(page).order_by("pk").first()
    client.force_login(editor)
    response = client.post(
        reverse("admin:pages_page_revision", args=[page.pk, first.pk]),
        {"title": "Przejęte", "slug": "kontakt-test", "body": "<p>x</p>"},
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Kontakt" and page.body == "<p>b</p>"


def test_recovering_onto_a_taken_address_says_so_and_changes_nothing(
    client, written, publisher
):
    client.force_login(publisher)
    slug = written.slug
    client.post(
        reverse("admin:news_article_delete", args=[written.pk]), {"post": "yes"}
    )
    Article.objects.create(title="Nowy", slug=slug, lead="x", body="<p>x</p>")
    version = Version.objects.get_deleted(Article).get()
    response = client.get(
        reverse("admin:news_article_recover", args=[version.pk]), follow=True
    )
    assert "Nie można przywrócić wersji" in response.content.decode()
    assert list(Article.objects.values_list("title", flat=True)) == ["Nowy"]


def test_compare_names_people_not_logins(client, editor, publisher):
    editor.first_name, editor.last_name = "Jan", "Nowak"
    editor.save()
    publisher.first_name, publisher.last_name = "Anna", "Kowalska"
    publisher.save()
    client.force_login(publisher)
    article = Article.objects.create(
        title="Zbiórka", lead="x", body="<p>x</p>", status="review", submitted_by=editor
    )
    _post(_edit(client, article, title="Zbiórka żywności"))
    _post(_edit(client, article, _publish="1"))
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    text = client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"od": older.pk, "do": newer.pk},
    ).content.decode()
    assert "Anna Kowalska" in text
    assert ">wydawca<" not in text and "<ins>wydawca</ins>" not in text
