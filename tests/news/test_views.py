import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article
from tests.admin_forms import article_inlines
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_home_shows_featured_first_then_newest(client):
    old_featured = ArticleFactory(
        title="Stary wyróżniony",
        is_featured=True,
        published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        featured_until=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
    )
    newest = ArticleFactory(title="Najnowszy")
    ArticleFactory(title="Szkic na stronie głównej", draft=True)
    response = client.get("/")
    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]][:2] == [
        old_featured.title,
        newest.title,
    ]
    html = response.content.decode()
    assert "Szkic na stronie głównej" not in html
    assert 'lang="pl"' in html
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html
    assert 'href="/aktualnosci/"' in html


def test_news_list_shows_published_newest_first_ten_a_page(client):
    for day in range(12):
        ArticleFactory(
            title=f"Wpis {day:02}",
            published_at=datetime.datetime(2026, 1, day + 1, 9, tzinfo=datetime.UTC),
        )
    ArticleFactory(title="Szkic", draft=True)
    ArticleFactory(title="Zaplanowany", scheduled=True)
    first = client.get("/aktualnosci/")
    assert first.status_code == 200
    assert [a.title for a in first.context["article_list"]] == [
        f"Wpis {day:02}" for day in range(11, 1, -1)
    ]
    second = client.get("/aktualnosci/?page=2")
    assert [a.title for a in second.context["article_list"]] == ["Wpis 01", "Wpis 00"]
    assert first.context["paginator"].count == Article.objects.published().count() == 12
    body = first.content.decode() + second.content.decode()
    assert "Szkic" not in body and "Zaplanowany" not in body
    assert "Strona 1 z 2" in first.content.decode()


def test_polish_dates_on_the_list(client):
    ArticleFactory(
        title="Listopadowy",
        published_at=datetime.datetime(2026, 11, 25, 9, tzinfo=datetime.UTC),
    )
    assert "25 listopada 2026" in client.get("/aktualnosci/").content.decode()


@pytest.mark.parametrize(
    "page", ["0", "-1", "abc", "3", "99999999999999999999999", "1.5", ""]
)
def test_odd_page_numbers_answer_404_not_500(client, page):
    ArticleFactory.create_batch(11)
    response = client.get("/aktualnosci/", {"page": page})
    expected = 200 if page == "" else 404
    assert response.status_code == expected


def test_empty_news_list_is_a_friendly_page(client):
    response = client.get("/aktualnosci/")
    assert response.status_code == 200
    assert "Nie opublikowano jeszcze żadnych aktualności." in response.content.decode()


def test_detail_shows_a_published_article_with_cleaned_body(client):
    article = ArticleFactory(
        title="Gorący posiłek", body="<p>Zupa<script>x()</script></p>"
    )
    Article.objects.filter(pk=article.pk).update(body="<p>Zupa<script>x()</script></p>")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gorący posiłek</h1>" in html
    assert "<p>Zupa</p>" in html
    assert "<script>x()" not in html
    assert response.templates[0].name == "news/article_detail.html"


def test_drafts_and_scheduled_articles_are_404_for_the_public(client):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get("/aktualnosci/nie-ma-takiego/").status_code == 404


def test_staff_who_edit_articles_preview_drafts(client, editor):
    draft = ArticleFactory(draft=True, title="Szkic do podglądu")
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd." in response.content.decode()


def test_category_page_lists_only_its_published_articles(client):
    category = CategoryFactory(name="Komunikaty", slug="komunikaty")
    mine = ArticleFactory(category=category, title="W kategorii")
    ArticleFactory(category=category, title="Szkic w kategorii", draft=True)
    ArticleFactory(title="Bez kategorii")
    response = client.get(category.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["article_list"]) == [mine]
    assert response.context["paginator"].count == (
        Article.objects.published().filter(category=category).count()
    )
    assert client.get("/aktualnosci/kategoria/nie-ma/").status_code == 404
    assert client.get(category.get_absolute_url(), {"page": "9"}).status_code == 404


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Every page: office, footer pages, notices (3). Then:
        # articles, their main images, current awards
        ("/", 6),
        # count, page of articles, their main images
        ("/aktualnosci/", 6),
        # category, count, page of articles, their main images
        ("/aktualnosci/kategoria/wspolna/", 7),
    ],
)
def test_list_pages_make_the_same_number_of_queries_for_1_and_30_articles(
    client, url, expected, uncached_pages
):
    category = CategoryFactory(name="Wspólna", slug="wspolna")
    ArticleFactory(category=category)
    one = _queries_for(client, url)
    ArticleFactory.create_batch(29, category=category)
    thirty = _queries_for(client, url)
    assert one == thirty == expected


def test_changing_a_published_slug_redirects_the_old_address(client, publisher):
    article = ArticleFactory(title="Stary tytuł", slug="stary-adres")
    client.force_login(publisher)
    response = client.post(
        f"/admin/news/article/{article.pk}/change/",
        {
            "title": "Nowy tytuł",
            "slug": "nowy-adres",
            "lead": article.lead,
            "body": article.body,
            "status": "published",
            "published_at_0": "2026-01-01",
            "published_at_1": "10:00:00",
            "change_kind": "minor",
            **article_inlines(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    old = client.get("/aktualnosci/stary-adres/")
    assert old.status_code == 301
    assert old["Location"] == "/aktualnosci/nowy-adres/"
    assert client.get("/aktualnosci/nowy-adres/").status_code == 200


def test_an_editor_changing_a_published_slug_leaves_a_redirect_once_accepted(
    client, editor, publisher
):
    from news.models import ArticleChange

    article = ArticleFactory(slug="pierwszy-adres")
    client.force_login(editor)
    response = client.post(
        f"/admin/news/article/{article.pk}/change/",
        {
            "title": article.title,
            "slug": "drugi-adres",
            "lead": article.lead,
            "body": article.body,
            "category": "",
            "change_kind": "minor",
            **article_inlines(),
        },
    )
    assert response.status_code == 302
    client.logout()
    # Waiting for a publisher: the published address is unchanged.
    assert client.get("/aktualnosci/pierwszy-adres/").status_code == 200
    ArticleChange.objects.get().accept(publisher)
    assert client.get("/aktualnosci/pierwszy-adres/")["Location"] == (
        "/aktualnosci/drugi-adres/"
    )


def test_changing_the_slug_back_and_forth_never_loops(client, publisher):
    article = ArticleFactory(slug="a")
    client.force_login(publisher)
    for slug in ["b", "a"]:
        client.post(
            f"/admin/news/article/{article.pk}/change/",
            {
                "title": article.title,
                "slug": slug,
                "lead": article.lead,
                "body": article.body,
                "status": "published",
                "published_at_0": "2026-01-01",
                "published_at_1": "10:00:00",
                "change_kind": "minor",
                "category": "",
                **article_inlines(),
            },
        )
    client.logout()
    assert client.get("/aktualnosci/a/").status_code == 200
    assert client.get("/aktualnosci/b/")["Location"] == "/aktualnosci/a/"


def test_article_page_has_social_and_structured_metadata(client):
    article = ArticleFactory(title="Dyżur świąteczny", lead="Ośrodek czynny do 12:00.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Dyżur świąteczny – MOPS Mława</title>" in html
    assert '<meta name="description" content="Ośrodek czynny do 12:00.">' in html
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">'
        in html
    )
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Dyżur świąteczny">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Dyżur świąteczny"
    assert data["mainEntityOfPage"] == f"http://testserver{article.get_absolute_url()}"


def test_time_elements_carry_valid_datetimes(client):
    article = ArticleFactory()  # stored with microseconds, like older rows
    assert article.published_at.microsecond
    pages = [
        client.get("/"),
        client.get("/aktualnosci/"),
        client.get(article.get_absolute_url()),
    ]
    for response in pages:
        values = re.findall(r'<time datetime="([^"]+)"', response.content.decode())
        assert values
        for value in values:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value)
