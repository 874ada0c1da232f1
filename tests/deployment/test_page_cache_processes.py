"""Two production servers (gunicorn through the entrypoint, 2 workers each, as
two containers would run them) sharing one PostgreSQL database and one Redis:
a change made by a third process (the shell, a management command) shows on
both at the next request; pages are then served from Redis by either."""

import subprocess
import sys
import time

import pytest

from tests.deployment.conftest import ROOT, free_port, get, running_site


@pytest.fixture(scope="module")
def two_sites(postgres_server, redis_server, tmp_path_factory):
    database = postgres_server.create_database(f"mops_{free_port()}")
    options = {
        "database": database,
        "REDIS_URL": redis_server.url,
    }
    redis_server.command("FLUSHALL")
    with (
        running_site(postgres_server, tmp_path_factory, **options) as first,
        running_site(postgres_server, tmp_path_factory, **options) as second,
    ):
        yield first, second


def shell(site, code):
    """Run ``code`` in a separate Django process with the sites' settings;
    what it printed."""
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=site.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


ARTICLE = """
from django.utils import timezone
from news.models import Article
Article.objects.update_or_create(slug="mroz", defaults=dict(
    title={title!r}, lead="Lead.", body="<p>Tekst.</p>", status={status!r},
    published_at=timezone.now()))
"""


def page(site, path="/aktualnosci/"):
    status, headers, body = get(site.url + path)
    return status, headers.get("X-Page-Cache"), body.decode()


def test_a_change_shows_on_both_servers_at_the_next_request(two_sites):
    first, second = two_sites
    shell(first, ARTICLE.format(title="Gorący posiłek", status="published"))
    assert "Gorący posiłek" in page(first)[2]
    # The page made by the first server is served by the second one.
    assert page(second)[1] == "HIT"
    assert page(first)[1] == "HIT"

    shell(first, ARTICLE.format(title="Gorący posiłek i herbata", status="published"))
    for site in (second, first):
        status, cache, html = page(site)
        assert status == 200 and "Gorący posiłek i herbata" in html
    assert page(first)[1] == page(second)[1] == "HIT"

    shell(first, ARTICLE.format(title="Gorący posiłek i herbata", status="draft"))
    for site in (first, second):
        assert "Gorący posiłek" not in page(site)[2]
        assert page(site, "/aktualnosci/mroz/")[0] == 404

    shell(first, "from news.models import Article; Article.objects.all().delete()")
    shell(first, ARTICLE.format(title="Nowy komunikat", status="published"))
    for site in (second, first):
        assert "Nowy komunikat" in page(site, "/aktualnosci/mroz/")[2]
        assert "Nowy komunikat" in page(site, "/aktualnosci/rss/")[2]


def test_cached_pages_carry_no_cookie_and_the_security_headers(two_sites):
    first, second = two_sites
    page(first, "/")
    status, headers, _ = get(second.url + "/")
    assert status == 200 and headers["X-Page-Cache"] == "HIT"
    assert "Set-Cookie" not in headers
    assert "Strict-Transport-Security" in headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_plain_http_still_goes_to_https_and_a_foreign_host_is_refused(two_sites):
    first, second = two_sites
    for site in (first, second, first):
        status, headers, _ = get(site.url + "/aktualnosci/", proto="http")
        assert status == 301
        assert headers["Location"] == "https://mops.example.pl/aktualnosci/"
    assert get(second.url + "/aktualnosci/", proto="http")[1]["X-Page-Cache"] == "HIT"
    # A host the site does not serve is refused before any cache key is made.
    status, headers, _ = get(first.url + "/", host="evil.example")
    assert status == 400 and "X-Page-Cache" not in headers


def test_a_shell_save_while_redis_is_paused_reaches_every_server(
    two_sites, redis_server
):
    """Redis refuses writes while the shell saves (its raise of the generation
    fails, and the shell ends with it pending): both servers still show the
    change once Redis answers, from the database's count of changes."""
    first, second = two_sites
    shell(first, ARTICLE.format(title="Dopłata do opału", status="published"))
    for site in (first, second):
        deadline = time.monotonic() + 30
        while page(site)[1] != "HIT":
            assert time.monotonic() < deadline, "the page is never kept"
            time.sleep(0.2)

    redis_server.command("CLIENT", "PAUSE", "60000", "WRITE")
    try:
        printed = shell(
            first,
            ARTICLE.format(title="Dopłata do opału: nowy termin", status="published")
            + "from page_cache import cache as page_cache\nprint(page_cache.health.bump_pending)\n",
        )
    finally:
        redis_server.command("CLIENT", "UNPAUSE")
    assert printed.split()[-1] == "True"  # the shell could not tell Redis

    for site in (first, second):
        deadline = time.monotonic() + 30
        while "nowy termin" not in page(site)[2]:
            assert time.monotonic() < deadline, "the change never reached the page"
            time.sleep(0.2)
        # Applied once, then served from Redis again (a raise the paused Redis
        # still carries out may cost one more rendering, not more).
        while page(site)[1] != "HIT":
            assert time.monotonic() < deadline, "the page is never kept again"
            time.sleep(0.2)
        assert "nowy termin" in page(site)[2]
