import datetime
import re

import pytest

from news.models import Article
from tests.admin_forms import article_inlines
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _add_form_data(**overrides):
    data = {
        "title": "Dyżur w święta w Mławie",
        "slug": "",
        "lead": "Ośrodek będzie czynny 24 grudnia do 12:00.",
        "body": '<h2>Godziny</h2><p>Do 12:00.</p><p><img src=x onerror="alert(1)"></p>',
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "category": "",
        **article_inlines(),
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_cannot_reach_the_admin(client):
    response = client.get("/admin/news/article/add/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_publisher_adds_an_article_and_it_is_on_the_news_list_at_once(
    client, publisher
):
    client.force_login(publisher)
    form = client.get("/admin/news/article/add/")
    assert form.status_code == 200
    response = client.post("/admin/news/article/add/", _add_form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "dyzur-w-swieta-w-mlawie"
    assert article.author == publisher
    assert article.published_at is not None
    assert "onerror" not in article.body
    client.logout()
    news = client.get("/aktualnosci/").content.decode()
    assert "Dyżur w święta w Mławie" in news
    assert client.get("/aktualnosci/dyzur-w-swieta-w-mlawie/").status_code == 200


def test_an_editor_saves_drafts_but_cannot_publish(client, editor):
    client.force_login(editor)
    # A crafted post with the publisher's fields is refused, nothing saved.
    refused = client.post("/admin/news/article/add/", _add_form_data(), follow=True)
    assert "Nie masz uprawnień do publikowania" in refused.content.decode()
    assert not Article.objects.exists()
    data = _add_form_data()
    for name in ["status", "published_at_0", "published_at_1"]:
        data.pop(name)
    response = client.post("/admin/news/article/add/", data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_editor_cannot_delete_articles(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    assert client.get(f"/admin/news/article/{article.pk}/delete/").status_code == 403


def test_a_too_long_lead_gets_a_polish_error_and_nothing_is_saved(client, publisher):
    client.force_login(publisher)
    response = client.post("/admin/news/article/add/", _add_form_data(lead="x" * 301))
    assert response.status_code == 200
    assert "co najwyżej 300 znaków" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/news/article/",
        "/admin/news/article/add/",
        "/admin/news/category/",
        "/admin/news/category/add/",
        "/admin/base/office/",
    ],
)
def test_admin_pages_load_for_a_publisher(client, publisher, url):
    ArticleFactory(category=CategoryFactory())
    client.force_login(publisher)
    assert client.get(url).status_code == 200


def test_article_changelist_search_and_filters(client, publisher):
    ArticleFactory(title="Zasiłek celowy", body="<p>wniosek</p>")
    ArticleFactory(title="Inny", draft=True)
    client.force_login(publisher)
    found = client.get("/admin/news/article/", {"q": "wniosek"})
    assert [a.title for a in found.context["cl"].result_list] == ["Zasiłek celowy"]
    drafts = client.get("/admin/news/article/", {"stan": "szkic"})
    assert [a.title for a in drafts.context["cl"].result_list] == ["Inny"]


def test_the_start_page_shows_drafts_and_scheduled_articles(client, editor):
    ArticleFactory(draft=True)
    ArticleFactory(draft=True)
    ArticleFactory(title="Jutrzejszy komunikat", scheduled=True)
    ArticleFactory(title="Już widoczny")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert re.search(r">Szkice</a></th><td>2</td>", html)
    assert re.search(r">Jutrzejszy komunikat</a></th><td>zaplanowany na ", html)
    assert "Już widoczny" not in html


def test_scheduled_is_the_complement_of_published_among_published_status():
    ArticleFactory(scheduled=True)
    ArticleFactory()
    ArticleFactory(draft=True)
    published_status = Article.objects.filter(status=Article.Status.PUBLISHED)
    assert set(Article.objects.scheduled()) | set(Article.objects.published()) == set(
        published_status
    )
    assert not set(Article.objects.scheduled()) & set(Article.objects.published())


def test_the_article_list_shows_one_clear_state(client, publisher, time_machine):
    time_machine.move_to(
        datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False
    )
    ArticleFactory(title="Szkic wigilijny", draft=True)
    ArticleFactory(
        title="Zapowiedź",
        published_at=datetime.datetime(2026, 12, 5, 9, tzinfo=datetime.UTC),
    )
    ArticleFactory(title="Już jest")
    client.force_login(publisher)
    response = client.get("/admin/news/article/")
    rows = {
        a.title: response.context["cl"].model_admin.publication(a)
        for a in response.context["cl"].result_list
    }
    assert rows == {
        "Szkic wigilijny": "szkic",
        "Zapowiedź": "zaplanowany na 5 grudnia 2026, 10:00",
        "Już jest": "opublikowany",
    }
    html = response.content.decode()
    assert "zaplanowany na 5 grudnia 2026, 10:00" in html
    assert "icon-no.svg" not in html  # no red ✗ next to a scheduled article
    for state, titles in [
        ("szkic", ["Szkic wigilijny"]),
        ("zaplanowany", ["Zapowiedź"]),
        ("opublikowany", ["Już jest"]),
    ]:
        found = client.get("/admin/news/article/", {"stan": state}).context["cl"]
        assert [a.title for a in found.result_list] == titles


def test_is_live_agrees_with_published_at_every_boundary(time_machine):
    now = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
    time_machine.move_to(now, tick=False)
    second = datetime.timedelta(seconds=1)
    articles = [
        ArticleFactory(draft=True),
        ArticleFactory(published_at=now - second),
        ArticleFactory(published_at=now),
        ArticleFactory(published_at=now + second),
        ArticleFactory(status=Article.Status.DRAFT, published_at=now - second),
    ]
    live = set(Article.objects.published())
    for article in articles:
        assert article.is_live == (article in live), article.published_at
