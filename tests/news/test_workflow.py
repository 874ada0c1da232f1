"""The editorial workflow as the two roles live it: szkic → do akceptacji →
opublikowany (or back with notes), an editor's change to a published article
waiting for a publisher, list actions, crafted posts, and the end of
publication with a controlled clock."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleChange
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def _form(client, article):
    return AdminForm.open(client, _change_url(article)).set(change_kind="minor")


def _published(**kwargs):
    return ArticleFactory(
        status="published",
        published_at=timezone.now() - datetime.timedelta(days=2),
        **kwargs,
    )


def test_an_editor_sends_a_draft_for_review_and_may_withdraw_it(client, editor):
    article = ArticleFactory(status="draft")
    client.force_login(editor)
    page = client.get(_change_url(article)).content.decode()
    assert 'name="_submit_review"' in page and 'name="_publish"' not in page
    response = _form(client, article).post(_submit_review="1")
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert article.submitted_by == editor and article.submitted_at is not None
    assert article.publication_label == "do akceptacji"
    assert (
        'name="_withdraw_review"' in client.get(_change_url(article)).content.decode()
    )
    _form(client, article).post(_withdraw_review="1")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_publisher_publishes_a_reviewed_article(client, editor, publisher):
    article = ArticleFactory(status="review", submitted_by=editor)
    client.force_login(publisher)
    response = _form(client, article).post(_publish="1")
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.is_live
    assert article.published_by == publisher
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    name = publisher.get_full_name() or publisher.get_username()
    assert f"pierwsza publikacja (opublikował(a): {name})" in page


def test_a_publisher_returns_it_with_a_note_the_editor_sees(client, editor, publisher):
    article = ArticleFactory(status="review", submitted_by=editor)
    client.force_login(publisher)
    missing = _form(client, article).post(_return="1")
    assert "Napisz autorowi, co poprawić" in missing.content.decode()
    response = _form(client, article).post(
        _return="1", review_note="Dopisz godziny otwarcia."
    )
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.publication_label == "szkic (zwrócony do poprawy)"
    client.force_login(editor)
    page = client.get(_change_url(article)).content.decode()
    assert "Wydawca zwrócił artykuł do poprawy: Dopisz godziny otwarcia." in page


@pytest.mark.parametrize(
    "crafted",
    [
        {"status": "published"},
        {"_publish": "1"},
        {"_unpublish": "1"},
        {"published_at_0": "01.01.2030", "published_at_1": "10:00"},
        {"published_until_0": "01.01.2020", "published_until_1": "10:00"},
        {"_return": "1", "review_note": "x"},
    ],
)
def test_an_editors_crafted_post_is_refused_and_changes_nothing(
    client, editor, crafted
):
    article = ArticleFactory(status="review", submitted_by=editor, title="Przed")
    published = _published(title="Opublikowany")
    client.force_login(editor)
    for target in (article, published):
        before = Article.objects.get(pk=target.pk)
        form = _form(client, target).set(title="Po", **crafted)
        response = client.post(form.url, form.data, follow=True)
        assert "Nie masz uprawnień do publikowania" in response.content.decode()
        after = Article.objects.get(pk=target.pk)
        assert (after.title, after.status, after.published_at) == (
            before.title,
            before.status,
            before.published_at,
        )
    assert not ArticleChange.objects.exists()


def test_an_editors_change_to_a_published_article_waits_for_acceptance(
    client, editor, publisher
):
    article = _published(title="Nabór do 5 maja", body="<p>Termin: 5 maja.</p>")
    client.force_login(editor)
    form = _form(client, article).set(
        body="<p>Termin: 7 maja.</p>", change_note="Przedłużony termin"
    )
    response = client.post(form.url, form.data, follow=True)
    assert "czeka na akceptację wydawcy" in response.content.decode()
    client.logout()
    # The public keeps the published version.
    page = client.get(article.get_absolute_url()).content.decode()
    assert "5 maja" in page and "7 maja" not in page
    change = ArticleChange.objects.get()
    assert change.is_pending and change.author == editor

    # The publisher sees it side by side and accepts it with one click.
    client.force_login(publisher)
    review_url = reverse(
        "admin:news_article_change_review", args=[article.pk, change.pk]
    )
    review = client.get(review_url).content.decode()
    assert "Termin: <del>5</del><ins>7</ins> maja." in review
    accepted = client.post(review_url, {"_accept": "1", "change_kind": "major"})
    assert accepted.status_code == 302
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "7 maja" in page
    assert "Przedłużony termin" in page  # in "Historia zmian"
    change.refresh_from_db()
    assert (
        change.state == ArticleChange.State.ACCEPTED and change.decided_by == publisher
    )


def test_a_rejected_change_needs_a_note_and_the_editor_reads_it(
    client, editor, publisher
):
    article = _published(title="Stary tytuł")
    client.force_login(editor)
    _form(client, article).set(title="Nowy tytuł").post()
    change = ArticleChange.objects.get()
    client.force_login(publisher)
    url = reverse("admin:news_article_change_review", args=[article.pk, change.pk])
    refused = client.post(url, {"_reject": "1", "decision_note": " "})
    assert "dlaczego zmiana jest odrzucona" in refused.content.decode()
    client.post(url, {"_reject": "1", "decision_note": "Tytuł był dobry."})
    assert Article.objects.get().title == "Stary tytuł"
    client.force_login(editor)
    assert "Tytuł był dobry." in client.get(_change_url(article)).content.decode()


def test_editors_cannot_decide_on_changes(client, editor):
    article = _published()
    change = ArticleChange.propose(article, editor, {"title": "X"})
    client.force_login(editor)
    url = reverse("admin:news_article_change_review", args=[article.pk, change.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"_accept": "1"}).status_code == 403
    assert Article.objects.get().title != "X"


def test_an_editor_cannot_change_photos_of_a_published_article(client, editor):
    from news.models import ArticleImage
    from tests import samples

    article = _published()
    ArticleImage.objects.create(article=article, image=samples.jpeg(), alt_text="Sala")
    client.force_login(editor)
    form = AdminForm.open(client, _change_url(article))
    form.set(**{"images-0-DELETE": "on", "images-0-alt_text": "Zmienione"})
    client.post(form.url, form.data)
    assert ArticleImage.objects.get().alt_text == "Sala"  # shown, not editable


def test_an_editor_is_told_who_changes_a_published_articles_files(
    client, editor, publisher
):
    from news.models import ArticleImage
    from tests import samples

    article = _published()
    client.force_login(editor)
    page = client.get(_change_url(article)).content.decode()
    assert "zdjęcia i załączniki zmienia wydawca" in page
    # No empty boxes to look at.
    assert "images-TOTAL_FORMS" not in page
    assert "attachment-content_type-object_id-TOTAL_FORMS" not in page
    ArticleImage.objects.create(article=article, image=samples.jpeg(), alt_text="Sala")
    page = client.get(_change_url(article)).content.decode()
    assert "images-TOTAL_FORMS" in page  # shown, read only
    assert "attachment-content_type-object_id-TOTAL_FORMS" not in page
    # A publisher has both, and no such notice.
    client.force_login(publisher)
    page = client.get(_change_url(article)).content.decode()
    assert "zdjęcia i załączniki zmienia wydawca" not in page
    assert "attachment-content_type-object_id-TOTAL_FORMS" in page


def test_list_actions_exist_only_for_who_may_and_count_changes(
    client, editor, publisher
):
    drafts = ArticleFactory.create_batch(3, status="draft")
    client.force_login(editor)
    listing = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "submit_selected" in listing and "publish_selected" not in listing
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in drafts]},
    )
    assert not Article.objects.published().exists()

    client.force_login(publisher)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert "Opublikowano: 3 z 3." in response.content.decode()
    assert Article.objects.published().count() == 3
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [drafts[0].pk]},
        follow=True,
    )
    assert "Wycofano z publikacji: 1 z 1." in response.content.decode()
    assert Article.objects.published().count() == 2


# --- the end of publication, with a controlled clock -------------------------


def test_an_ended_article_leaves_lists_but_stays_as_archive(client, time_machine):
    time_machine.move_to("2026-12-01 10:00:00+01:00", tick=False)
    article = ArticleFactory(
        status="published",
        title="Nabór do programu",
        published_at=timezone.now() - datetime.timedelta(days=1),
        published_until=timezone.now() + datetime.timedelta(hours=2),
    )
    assert client.get("/aktualnosci/").content.decode().count("Nabór do programu") == 1
    time_machine.move_to("2026-12-01 12:30:00+01:00", tick=False)
    assert "Nabór do programu" not in client.get("/aktualnosci/").content.decode()
    assert "Nabór do programu" not in client.get("/").content.decode()
    assert "Nabór do programu" not in client.get("/aktualnosci/rss/").content.decode()
    assert "Nabór do programu" not in client.get("/szukaj/?q=naborze").content.decode()
    from tests.site_content import sitemap_urls

    assert f"http://testserver{article.get_absolute_url()}" not in sitemap_urls(client)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Archiwum — informacja nieaktualna" in page.content.decode()


def test_the_end_must_come_after_the_start(client, publisher):
    article = _published()
    client.force_login(publisher)
    response = _form(client, article).post(
        published_until_0="01.01.2020", published_until_1="10:00"
    )
    assert "Koniec publikacji musi być później" in response.content.decode()


def test_the_start_page_shows_each_role_what_waits(
    client, editor, publisher, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(
        status="review",
        title="Stara prośba",
        submitted_by=editor,
        submitted_at=timezone.now() - datetime.timedelta(days=4),
    )
    ArticleFactory(
        status="review",
        title="Nowa prośba",
        submitted_by=editor,
        submitted_at=timezone.now(),
    )
    ArticleFactory(status="draft", title="Mój szkic", author=editor)
    ArticleFactory(
        status="draft", title="Do poprawy", author=editor, review_note="Dodaj zdjęcie."
    )
    published = _published(title="Opublikowany")
    ArticleChange.propose(published, editor, {"title": "Opublikowany (poprawka)"})

    client.force_login(publisher)
    html = client.get(reverse("admin:index")).content.decode()
    waiting = html.split("Czeka na moją akceptację", 1)[1].split("</table>", 1)[0]
    assert "Stara prośba" in waiting and "(czeka ponad 3 dni)" in waiting
    assert waiting.count("(czeka ponad 3 dni)") == 1
    assert "Nowa prośba" in waiting and "Zmiana: Opublikowany" in waiting

    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    mine = html.split("Moje artykuły", 1)[1].split("</table>", 1)[0]
    assert "Mój szkic" in mine
    assert "zwrócony do poprawy:</strong> Dodaj zdjęcie." in mine
    assert "zmiana czeka na akceptację" in mine
    # Her own articles waiting for a publisher are listed with the date.
    assert "Stara prośba" in mine and "Nowa prośba" in mine
    assert "czeka na akceptację wydawcy od" in mine
    assert "Czeka na moją akceptację" not in html


def test_the_publish_action_skips_articles_with_undescribed_photos(client, publisher):
    from news.models import ArticleImage
    from tests import samples

    ready = ArticleFactory(status="draft", title="Gotowy")
    blind = ArticleFactory(status="draft", title="Bez opisu zdjęcia")
    ArticleImage.objects.create(article=blind, image=samples.jpeg(), alt_text="")
    client.force_login(publisher)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, blind.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "Opublikowano: 1 z 2." in text
    assert "Pominięto 1 (zdjęcie bez tekstu alternatywnego" in text
    assert list(Article.objects.published().values_list("title", flat=True)) == [
        "Gotowy"
    ]


def test_an_editors_real_change_stays_real_through_acceptance(
    client, editor, publisher
):
    """The editor marks "Istotna zmiana" with a note: the publisher's review
    starts from it, and accepting it (without touching the choice) lists it in
    the public "Historia zmian" and marks the translations outdated."""
    article = _published(
        title="Dyżur w święta", body="<p>Dyżur 24 grudnia do 12:00.</p>"
    )
    article.title_uk = "Чергування у свята"
    article.save()
    client.force_login(editor)
    form = _form(client, article).set(
        body="<p>Dyżur 24 grudnia do 14:00.</p>",
        change_kind="major",
        change_note="Dłuższy dyżur 24 grudnia",
    )
    assert form.post().status_code == 302
    change = ArticleChange.objects.get()
    assert change.is_major

    client.force_login(publisher)
    review_url = reverse(
        "admin:news_article_change_review", args=[article.pk, change.pk]
    )
    review = client.get(review_url).content.decode()
    assert 'value="major" checked' in review
    assert 'value="minor" checked' not in review
    assert client.post(review_url, {"_accept": "1"}).status_code == 302

    article.refresh_from_db()
    assert article.translation_status("uk") == "outdated"
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "14:00" in page and "Dłuższy dyżur 24 grudnia" in page


def test_a_publisher_may_still_call_it_a_correction(client, editor, publisher):
    article = _published(title="Godziny", body="<p>Do 15:00.</p>")
    client.force_login(editor)
    form = _form(client, article).set(
        body="<p>Do 15.00.</p>", change_kind="major", change_note="Zapis godziny"
    )
    assert form.post().status_code == 302
    change = ArticleChange.objects.get()
    client.force_login(publisher)
    review_url = reverse(
        "admin:news_article_change_review", args=[article.pk, change.pk]
    )
    client.post(review_url, {"_accept": "1", "change_kind": "minor"})
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Do 15.00." in page and "Zapis godziny" not in page


@pytest.mark.parametrize(
    ("role", "status", "button", "said"),
    [
        ("editor", "draft", "_submit_review", "Wysłano do akceptacji"),
        ("editor", "review", "_withdraw_review", "Wycofano z akceptacji"),
        ("publisher", "review", "_publish", "Opublikowano"),
        ("publisher", "review", "_return", "Zwrócono do poprawy z uwagami"),
        ("publisher", "published", "_unpublish", "Wycofano z publikacji"),
    ],
)
def test_each_workflow_button_says_what_happened_and_history_keeps_it(
    client, editor, publisher, role, status, button, said
):
    from reversion.models import Version

    article = ArticleFactory(title="Zbiórka żywności", status=status)
    if status == "review":
        article.submitted_by = editor
        article.save()
    client.force_login(editor if role == "editor" else publisher)
    form = _form(client, article)
    if button == "_return":
        form.set(review_note="Dodaj godzinę zbiórki.")
    response = client.post(form.url, {**form.data, button: "1"}, follow=True)
    text = response.content.decode()
    assert f"{said}: „Zbiórka żywności”." in text
    latest = Version.objects.get_for_object(article).order_by("-pk").first()
    assert latest.revision.get_comment().startswith(f"{said}.")
    history = client.get(
        reverse("admin:news_article_history", args=[article.pk])
    ).content.decode()
    assert said in history


def test_an_editors_add_form_shows_no_python_text(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:news_article_add")).content.decode()
    assert "DatabaseDefault" not in page and "object at 0x" not in page
