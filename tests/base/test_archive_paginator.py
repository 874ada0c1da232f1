"""Long lists: the same pages as Django's Paginator, the count remembered until
content changes or the next scheduled moment."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from base.paginator import ArchivePaginator
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


def _counts(queries):
    return [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_every_page_is_the_same_as_djangos(language):
    now = timezone.now()
    for number in range(23):
        ArticleFactory(
            title=f"Artykuł {number}",
            # Equal dates: the key breaks the tie, in both paginators alike.
            published_at=now - datetime.timedelta(days=number // 3),
            title_uk=f"Стаття {number}" if number % 4 == 0 else None,
        )
    listing = Article.objects.published().for_cards().translated_first(language)
    ours = ArchivePaginator(listing, 5, count_key=f"test:{language}")
    django = Paginator(listing, 5)
    assert (ours.count, ours.num_pages) == (django.count, django.num_pages) == (23, 5)
    for number in ours.page_range:
        assert [a.pk for a in ours.page(number)] == [a.pk for a in django.page(number)]


def test_the_count_is_remembered_until_content_changes(client):
    ArticleFactory.create_batch(25)
    client.get("/aktualnosci/")
    with CaptureQueriesContext(connection) as second_page:
        html = client.get("/aktualnosci/?page=2").content.decode()
    assert _counts(second_page) == []  # counted once, for page 1
    assert "Strona 2 z 3" in html
    ArticleFactory.create_batch(6)
    with CaptureQueriesContext(connection) as after_change:
        html = client.get("/aktualnosci/?page=2").content.decode()
    assert len(_counts(after_change)) == 1
    assert "Strona 2 z 4" in html


def test_the_count_follows_a_scheduled_article(client, time_machine):
    time_machine.move_to("2026-12-01 10:00:00+01:00", tick=False)
    ArticleFactory.create_batch(10)
    at = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(published_at=at)
    assert "Strona 1 z 2" not in client.get("/aktualnosci/").content.decode()
    client.get("/aktualnosci/?page=1")
    time_machine.move_to(at)
    assert "Strona 1 z 2" in client.get("/aktualnosci/").content.decode()


def test_a_page_past_the_end_is_404_not_an_error(client):
    ArticleFactory.create_batch(3)
    for page in ["2", "99999999999999999999", "-1", "abc", "1.5"]:
        assert client.get("/aktualnosci/", {"page": page}).status_code == 404, page
