"""The home page's "featured first, then newest" order, picked from a few
candidates (``top_featured_first``), is the very order of sorting every row."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import FEATURED_FOR, Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _titles(queryset):
    return [article.title for article in queryset]


@pytest.mark.parametrize("seed", range(6))
def test_top_featured_first_equals_the_full_sort(seed):
    rng = random.Random(seed)
    now = timezone.now()
    for number in range(40):
        featured = rng.random() < 0.3
        ends = rng.choice(
            [None, now + datetime.timedelta(days=1), now - datetime.timedelta(hours=1)]
        )
        age = datetime.timedelta(days=rng.randint(0, 40), minutes=rng.randint(0, 500))
        ArticleFactory(
            title=f"Artykuł {number}",
            published_at=now - age,
            is_featured=featured,
            featured_until=ends if featured else None,
            title_uk=f"Стаття {number}" if rng.random() < 0.3 else None,
            title_en=f"Article {number}" if rng.random() < 0.1 else None,
        )
    for language in ("pl", "uk", "en"):
        for count in (1, 6, 12):
            published = Article.objects.published()
            expected = published.featured_first().translated_first(language)[:count]
            got = published.top_featured_first(count, language)
            assert _titles(got) == _titles(expected), (language, count)


def test_featuring_by_age_ends_after_featured_for():
    now = timezone.now()
    ArticleFactory(title="Nowszy", published_at=now - datetime.timedelta(days=1))
    ArticleFactory(
        title="Wyróżniony dawno",
        is_featured=True,
        published_at=now - FEATURED_FOR - datetime.timedelta(hours=1),
    )
    ArticleFactory(
        title="Wyróżniony świeżo",
        is_featured=True,
        published_at=now - datetime.timedelta(days=3),
    )
    got = _titles(Article.objects.published().top_featured_first(3, "pl"))
    assert got == ["Wyróżniony świeżo", "Nowszy", "Wyróżniony dawno"]


def test_the_home_page_sorts_only_a_few_candidates_whatever_the_archive(
    client, uncached_pages
):
    ArticleFactory.create_batch(3)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    ArticleFactory.create_batch(60)
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(few) == len(many)
    articles = [
        q["sql"] for q in many.captured_queries if 'FROM "news_article" ' in q["sql"]
    ]
    assert len(articles) == 1
    # Sorted are only the candidates: each group's newest, limited inside the query.
    assert articles[0].count("LIMIT") == 3
