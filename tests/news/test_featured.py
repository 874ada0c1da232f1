"""Featuring an article puts it first on the home page, for a while only."""

import datetime

import pytest

from news.models import Article
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def now(time_machine):
    time_machine.move_to(NOW, tick=False)


def _home_titles(client):
    return [a.title for a in client.get("/").context["articles"]]


def test_a_featured_article_leads_for_fourteen_days_then_takes_its_place(
    client, time_machine
):
    ArticleFactory(
        title="Wyróżniony",
        is_featured=True,
        published_at=NOW - datetime.timedelta(hours=2),
    )
    ArticleFactory(title="Nowszy", published_at=NOW - datetime.timedelta(hours=1))
    assert _home_titles(client) == ["Wyróżniony", "Nowszy"]
    time_machine.move_to(NOW + datetime.timedelta(days=13, hours=21), tick=False)
    assert _home_titles(client) == ["Wyróżniony", "Nowszy"]
    time_machine.move_to(NOW + datetime.timedelta(days=14), tick=False)
    assert _home_titles(client) == ["Nowszy", "Wyróżniony"]


def test_a_2022_article_marked_featured_does_not_stay_on_top():
    ArticleFactory(
        title="Z 2022",
        is_featured=True,
        published_at=datetime.datetime(2022, 4, 1, tzinfo=UTC),
    )
    ArticleFactory(title="Dzisiejszy", published_at=NOW)
    titles = [a.title for a in Article.objects.published().featured_first()]
    assert titles == ["Dzisiejszy", "Z 2022"]


def test_an_explicit_end_of_featuring_is_kept(time_machine):
    article = ArticleFactory(
        is_featured=True,
        published_at=NOW - datetime.timedelta(days=30),
        featured_until=NOW + datetime.timedelta(days=3),
    )
    assert article.is_featured_now
    time_machine.move_to(NOW + datetime.timedelta(days=3), tick=False)
    assert not Article.objects.get().is_featured_now


def test_the_admin_fills_in_and_shows_the_end_of_featuring(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="Zbiórka", lead="Zajawka.", status="published", is_featured="on")
    response = form.post()
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert article.featured_until == article.published_at + datetime.timedelta(14)
    listing = client.get("/admin/news/article/").content.decode()
    assert "opublikowany, wyróżniony do 15 grudnia, 10:00" in listing
    # unticking ends it
    form = AdminForm.open(client, f"/admin/news/article/{article.pk}/change/")
    form.data.pop("is_featured")
    form.set(change_kind="minor")
    assert form.post().status_code == 302
    assert Article.objects.get().featured_until is None


def test_featured_now_agrees_with_the_queryset_at_its_boundaries():
    second = datetime.timedelta(seconds=1)
    two_weeks = datetime.timedelta(days=14)
    articles = [
        ArticleFactory(is_featured=True, published_at=NOW - two_weeks),
        ArticleFactory(is_featured=True, published_at=NOW - two_weeks + second),
        ArticleFactory(is_featured=True, featured_until=NOW),
        ArticleFactory(is_featured=True, featured_until=NOW + second),
        ArticleFactory(is_featured=False, featured_until=NOW + second),
    ]
    annotated = {a.pk: a.featured_now for a in Article.objects.featured_first()}
    for article in articles:
        assert article.is_featured_now == annotated[article.pk]
