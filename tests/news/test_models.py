import datetime

import pytest
from django.db import IntegrityError

from base.fields import clean_html
from base.models import Office
from news.models import Article, Category
from tests.factories import ArticleFactory, CategoryFactory

NOW = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)


def test_str_and_absolute_url_need_no_database():
    article = Article(title="Dyżur zimowy", slug="dyzur-zimowy")
    assert str(article) == "Dyżur zimowy"
    assert article.get_absolute_url() == "/aktualnosci/dyzur-zimowy/"
    category = Category(name="Komunikaty", slug="komunikaty")
    assert str(category) == "Komunikaty"
    assert category.get_absolute_url() == "/aktualnosci/kategoria/komunikaty/"


@pytest.mark.django_db
def test_published_excludes_drafts_and_future_articles(time_machine):
    time_machine.move_to(NOW, tick=False)
    past = ArticleFactory(published_at=NOW - datetime.timedelta(minutes=1))
    exactly_now = ArticleFactory(published_at=NOW)
    ArticleFactory(published_at=NOW + datetime.timedelta(seconds=1))
    ArticleFactory(draft=True)
    ArticleFactory(
        status=Article.Status.DRAFT, published_at=NOW - datetime.timedelta(days=3)
    )
    assert set(Article.objects.published()) == {past, exactly_now}


@pytest.mark.django_db
def test_a_scheduled_article_appears_by_itself_when_its_time_comes(time_machine):
    time_machine.move_to(NOW, tick=False)
    article = ArticleFactory(published_at=NOW + datetime.timedelta(hours=2))
    assert article not in Article.objects.published()
    time_machine.move_to(NOW + datetime.timedelta(hours=2), tick=False)
    assert article in Article.objects.published()


@pytest.mark.django_db
def test_publishing_without_a_date_sets_it_to_now(time_machine):
    time_machine.move_to(NOW, tick=False)
    article = Article(title="Nowy", lead="x", status=Article.Status.PUBLISHED)
    article.full_clean()
    assert article.published_at == NOW


@pytest.mark.django_db
def test_database_refuses_a_published_article_without_a_date():
    with pytest.raises(IntegrityError):
        Article.objects.create(
            title="Bez daty",
            lead="x",
            status=Article.Status.PUBLISHED,
            published_at=None,
        )


@pytest.mark.django_db
def test_body_is_cleaned_on_create_not_only_in_forms():
    article = Article.objects.create(
        title="Atak",
        lead="x",
        body='<p onclick="alert(1)">Tekst<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">link</a><iframe src="https://example.com"></iframe>',
    )
    article.refresh_from_db()
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert "iframe" not in article.body
    assert "<p>Tekst</p>" in article.body


def test_editor_markup_survives_cleaning():
    html = (
        "<h2>Śródtytuł</h2><h3>Niższy</h3><h4>Najniższy</h4>"
        "<p><strong>gruby</strong> <em>kursywa</em><br>nowa linia</p>"
        '<p><a href="https://mlawa.pl/">Miasto</a> <a href="mailto:a@b.pl">poczta</a></p>'
        "<ul><li><p>punkt</p></li></ul><ol><li><p>numer</p></li></ol>"
        "<blockquote><p>cytat</p></blockquote><hr>"
        "<table><tbody><tr><th>A</th><td>B</td></tr></tbody></table>"
    )
    cleaned = clean_html(html)
    for fragment in [
        "<h2>Śródtytuł</h2>",
        "<h3>Niższy</h3>",
        "<h4>Najniższy</h4>",
        "<strong>gruby</strong>",
        "<em>kursywa</em>",
        "<br>",
        "<ul><li><p>punkt</p></li></ul>",
        "<ol><li><p>numer</p></li></ol>",
        "<blockquote><p>cytat</p></blockquote>",
        "<hr>",
        "<th>A</th><td>B</td>",
        'href="mailto:a@b.pl"',
    ]:
        assert fragment in cleaned
    assert '<a href="https://mlawa.pl/" rel="noopener noreferrer">Miasto</a>' in cleaned


def test_cleaning_drops_what_the_editor_cannot_make():
    cleaned = clean_html(
        '<h1>Tytuł</h1><p style="color:red">x</p><img src="data:image/png;base64,AAA">'
        "<svg><script>alert(1)</script></svg><form><input></form><math></math>"
    )
    assert cleaned == "Tytuł<p>x</p>"


@pytest.mark.django_db
def test_office_record_comes_from_the_migration():
    office = Office.current()
    assert office.name == "Miejski Ośrodek Pomocy Społecznej w Mławie"
    assert office.short_name == "MOPS Mława"
    assert office.city == "Mława"
    assert office.phone_numbers == ["23 654 35 60", "23 654 27 69"]


@pytest.mark.django_db
def test_categories_are_ordered_by_name():
    CategoryFactory(name="Zasiłki", slug="zasilki")
    CategoryFactory(name="Komunikaty", slug="komunikaty")
    mine = Category.objects.filter(slug__in=["zasilki", "komunikaty"])
    assert [c.name for c in mine] == ["Komunikaty", "Zasiłki"]


@pytest.mark.django_db
def test_staff_groups_have_exactly_the_expected_permissions():
    from django.contrib.auth.models import Group

    def codenames(name):
        group = Group.objects.get(name=name)
        return set(group.permissions.values_list("codename", flat=True))

    inline = {
        f"{action}_{model}"
        for model in ("articleimage", "attachment")
        for action in ("add", "change", "delete", "view")
    }
    assert codenames("Redaktorzy") == inline | {
        "view_award",
        "view_issuer",
        "add_article",
        "change_article",
        "view_article",
        "view_category",
        "view_page",
    }
    assert codenames("Wydawcy") == inline | {
        f"{action}_{model}"
        for model in ("page", "notice")
        for action in ("add", "change", "delete", "view")
    } | {
        "change_accessibilitystatement",
        "view_accessibilitystatement",
        "add_article",
        "change_article",
        "delete_article",
        "view_article",
        "publish_article",
        "add_category",
        "change_category",
        "delete_category",
        "view_category",
        "change_office",
        "view_office",
        "add_redirect",
        "change_redirect",
        "delete_redirect",
        "view_redirect",
        "add_award",
        "change_award",
        "delete_award",
        "view_award",
        "add_issuer",
        "change_issuer",
        "delete_issuer",
        "view_issuer",
    }


@pytest.mark.django_db
def test_renaming_a_published_article_outside_the_admin_keeps_old_links(client):
    """The rule lives on the model: the shell, a workflow action or a restored
    version get the redirect too."""
    article = ArticleFactory(slug="stary-adres")
    article = Article.objects.get(pk=article.pk)
    article.slug = "nowy-adres"
    article.save()
    response = client.get("/aktualnosci/stary-adres/")
    assert response.status_code == 301
    assert response["Location"] == "/aktualnosci/nowy-adres/"
    # and again: no chain, and the newest address never redirects to itself
    article.slug = "stary-adres"
    article.save()
    assert client.get("/aktualnosci/nowy-adres/")["Location"] == (
        "/aktualnosci/stary-adres/"
    )
    assert client.get("/aktualnosci/stary-adres/").status_code == 200


@pytest.mark.django_db
def test_renaming_a_draft_leaves_no_redirect():
    from django.contrib.redirects.models import Redirect

    article = Article.objects.get(pk=ArticleFactory(draft=True, slug="szkic").pk)
    article.slug = "szkic-2"
    article.save()
    assert not Redirect.objects.exists()
