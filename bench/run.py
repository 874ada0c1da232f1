"""Benchmark: how long the main pages take with a realistic amount of content.

    make bench                                  # SQLite
    DATABASE_URL=postgres://... make bench      # PostgreSQL

Builds a throw-away test database (as the test suite does), fills it with
ARTICLES published articles in 8 categories and 30 awards, then requests each page
ROUNDS times in-process through Django's test client with production settings
(DEBUG off). Prints the median and 95th percentile in milliseconds and the number
of SQL queries per page. The machines are shared and noisy: compare medians, and
compare runs made one after another on the same machine.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mops_site.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ["DJANGO_DEBUG"] = "0"
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
# Hashed static files as in production (collected below into a temporary folder).
os.environ["DJANGO_STATIC_ROOT"] = tempfile.mkdtemp(prefix="mops-bench-static-")

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def seed():
    from django.utils import timezone

    from awards.models import Award, Issuer
    from news.models import Article, Category

    categories = [
        Category.objects.create(name=f"Kategoria {n}", slug=f"kategoria-{n}")
        for n in range(8)
    ]
    now = timezone.now()
    words = (
        "Ośrodek pomocy społecznej zaprasza mieszkańców na spotkanie w sprawie zasiłków"
    )
    Article.objects.bulk_create(
        Article(
            title=f"Komunikat numer {n}: {words.split()[n % 10]}",
            slug=f"komunikat-{n}",
            lead=f"{words} ({n}).",
            body=f"<p>{words}. Łódź, Mława, Płock {n}.</p>" * 5,
            category=categories[n % len(categories)],
            # A quarter translated into Ukrainian: lists put them first.
            **(
                {
                    "title_uk": f"Повідомлення № {n}",
                    "slug_uk": f"povidomlennia-{n}",
                    "lead_uk": "Центр запрошує мешканців на зустріч.",
                    "body_uk": "<p>Центр соціальної допомоги запрошує.</p>" * 5,
                    "translated_from_uk": 1,
                }
                if n % 4 == 0
                else {}
            ),
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(ARTICLES)
    )
    issuer = Issuer.objects.create(
        name="Stowarzyszenie CAL", short_name="CAL", slug="cal"
    )
    for n in range(30):
        Award.objects.create(
            title=f"Certyfikat {n}",
            slug=f"certyfikat-{n}",
            issuer=issuer,
            recipient="MOPS",
            valid_from=datetime.date(2000 + n % 25, 1, 1),
            valid_until=datetime.date(2003 + n % 25, 12, 31),
        )
    # bulk_create sends no signals: index everything once, as after an upgrade.
    from search.indexing import rebuild

    started = time.perf_counter()
    indexed = rebuild()
    print(f"search index: {indexed} items in {time.perf_counter() - started:.1f} s")


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return (
        statistics.median(timings),
        timings[max(int(len(timings) * 0.95) - 1, 0)],
        len(queries),
    )


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("collectstatic", interactive=False, verbosity=0)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        seed()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would have done
        client = Client()
        pages = {
            "home": "/",
            "news list, page 1": "/aktualnosci/",
            "news list, page 150": "/aktualnosci/?page=150",
            "category": "/aktualnosci/kategoria/kategoria-3/",
            "article": "/aktualnosci/komunikat-1234/",
            "awards": "/wyroznienia/",
            "search 'mlawa'": "/szukaj/?q=mlawa",
            "search 'zasiłku' (every article)": "/szukaj/?q=zasi%C5%82ku",
            "search 'komunikat 1999'": "/szukaj/?q=komunikat+1999",
            "search 'zasilek' by date": "/szukaj/?q=zasilek&sortuj=data",
            "RSS feed": "/aktualnosci/rss/",
            "sitemap.xml (the index)": "/sitemap.xml",
            "sitemap-articles.xml (1000 URLs)": "/sitemap-articles.xml",
            # The same in Ukrainian: untranslated articles fall back to Polish.
            "home (uk)": "/uk/",
            "news list, page 1 (uk)": "/uk/novyny/",
            "article (uk, fallback)": "/uk/novyny/komunikat-1234/",
            "search 'zasiłku' (uk)": "/uk/poshuk/?q=zasi%C5%82ku",
        }
        print(f"{connection.vendor}, {ARTICLES} articles, {ROUNDS} rounds per page")
        print(f"{'page':<28}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
        for name, url in pages.items():
            median, p90, queries = measure(client, url)
            print(f"{name:<28}{median:>10.1f}{p90:>10.1f}{queries:>9}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
