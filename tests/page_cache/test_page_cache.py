"""Whole pages for residents from the shared cache (a real Redis, started by the
tests): served without rendering, never stale, never to or from staff.

The two-process case (two gunicorn servers sharing one Redis and one database)
is in tests/deployment/test_page_cache_processes.py."""

import datetime
import logging

import pytest
from django.contrib.redirects.models import Redirect
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from awards.models import Award
from base.models import Notice, Office
from news.models import Article
from page_cache import cache as page_cache
from page_cache.middleware import PageCacheMiddleware
from pages.models import AccessibilityStatement, Page
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory, AwardFactory, CategoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


def _get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def _warm(client, *urls):
    """Each page made once and then answered from the cache."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT", url


def test_a_second_view_is_served_whole_from_redis_without_a_query(client):
    ArticleFactory(title="Gorący posiłek przy mrozie")
    first, html = _get(client, "/")
    assert first["X-Page-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second, cached = _get(client, "/")
    assert second["X-Page-Cache"] == "HIT"
    assert len(queries) == 0
    assert cached == html and "Gorący posiłek przy mrozie" in cached
    # The headers the rest of the stack gave the page come with it.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type"):
        assert second[header] == first[header]
    assert not second.cookies and "Set-Cookie" not in second


def test_head_is_answered_from_the_entry_of_get(client):
    ArticleFactory()
    client.get("/aktualnosci/")
    assert client.head("/aktualnosci/")["X-Page-Cache"] == "HIT"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/aktualnosci/",
        "/aktualnosci/?page=2",
        "/aktualnosci/rss/",
        "/wyroznienia/",
        "/szukaj/?q=zasiłek",
        "/sitemap.xml",
        "/uk/novyny/",
        "/en/",
        "/nie-ma-takiej-strony/",
    ],
)
def test_every_kind_of_public_page_is_cached(client, url):
    ArticleFactory.create_batch(12, title="Zasiłek celowy")
    AwardFactory()
    status = client.get(url).status_code
    again = client.get(url)
    assert (again.status_code, again["X-Page-Cache"]) == (status, "HIT")


def test_display_preferences_and_languages_have_their_own_pages(client):
    client.get("/")
    client.cookies["tekst"] = "larger"
    response, html = _get(client, "/")
    assert response["X-Page-Cache"] == "MISS" and "text-larger" in html
    client.cookies["kontrast"] = "1"
    response, html = _get(client, "/")
    assert response["X-Page-Cache"] == "MISS" and "high-contrast" in html
    assert client.get("/")["X-Page-Cache"] == "HIT"
    # A forged value reads as the default: it shares the default page.
    client.cookies["tekst"] = "<script>"
    client.cookies["kontrast"] = "x"
    response, html = _get(client, "/")
    assert response["X-Page-Cache"] == "HIT" and "text-larger" not in html
    assert client.get("/uk/")["X-Page-Cache"] == "MISS"


def test_the_host_and_scheme_are_part_of_the_key(client):
    # Feeds and the sitemap carry absolute addresses.
    client.get("/aktualnosci/rss/")
    assert (
        client.get("/aktualnosci/rss/", HTTP_HOST="localhost")["X-Page-Cache"] == "MISS"
    )
    assert client.get("/aktualnosci/rss/", secure=True)["X-Page-Cache"] == "MISS"


def test_staff_never_get_cached_pages_and_never_fill_the_cache(client, publisher):
    draft = ArticleFactory(status="draft", published_at=None, title="Szkic Wydawcy")
    client.get("/aktualnosci/")  # a resident's page, cached
    client.force_login(publisher)
    response = client.get("/aktualnosci/")
    assert "X-Page-Cache" not in response
    # A preview only staff may see is not kept for anyone.
    preview, html = _get(client, draft.get_absolute_url())
    assert preview.status_code == 200 and "Szkic Wydawcy" in html
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    # Logging out ended the session; the resident's cached page is untouched.
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "HIT"


def test_the_panel_health_check_and_posts_are_never_cached(client):
    assert "X-Page-Cache" not in client.get("/admin/login/")
    client.get("/healthz")
    assert client.get("/healthz")["X-Page-Cache"] == "MISS"
    response = client.post("/ustawienia/", {"tekst": "large", "next": "/"})
    assert response.status_code == 302 and "X-Page-Cache" not in response


def test_a_response_that_sets_a_cookie_or_is_private_is_not_kept(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    made = []

    def view(request):
        response = HttpResponse(f"<p>{len(made)}</p>")
        made.append(response)
        if request.path == "/z-ciasteczkiem/":
            response.set_cookie("sesja", "1")
        elif request.path == "/prywatna/":
            response["Cache-Control"] = "private"
        elif request.path == "/z-formularzem/":
            get_token(request)  # a form with the visitor's own CSRF token
        return response

    middleware = PageCacheMiddleware(view)
    for path in ["/z-ciasteczkiem/", "/prywatna/", "/z-formularzem/"]:
        for _ in range(2):
            assert middleware(rf.get(path))["X-Page-Cache"] == "MISS"
    middleware(rf.get("/zwykla/"))
    assert middleware(rf.get("/zwykla/"))["X-Page-Cache"] == "HIT"
    assert len(made) == 7


# Never stale: every kind of change shows at the next request ------------------


def _article(**kwargs):
    return ArticleFactory(title="Pomoc w opłaceniu rachunków", **kwargs)


def test_publishing_editing_unpublishing_and_deleting_an_article(
    client, publisher, django_capture_on_commit_callbacks
):
    draft = _article(status="draft", published_at=None, slug="rachunki")
    pages = ["/", "/aktualnosci/", "/aktualnosci/rss/", "/szukaj/?q=rachunki"]
    _warm(client, *pages, "/aktualnosci/rachunki/")
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(publisher)
        draft.save()
    for url in [*pages, "/aktualnosci/rachunki/"]:
        assert "Pomoc w opłaceniu rachunków" in _get(client, url)[1], url
    _warm(client, *pages)
    with django_capture_on_commit_callbacks(execute=True):
        draft.title = "Pomoc w opłaceniu rachunków za prąd"
        draft.save()
    for url in pages:
        assert "rachunków za prąd" in _get(client, url)[1], url
    _warm(client, *pages)
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish(publisher)
        draft.save()
    for url in pages:
        assert "rachunków za prąd" not in _get(client, url)[1], url
    assert client.get("/aktualnosci/rachunki/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(publisher)
        draft.save()
    _warm(client, *pages)
    with django_capture_on_commit_callbacks(execute=True):
        draft.delete()
    for url in pages:
        assert "rachunków za prąd" not in _get(client, url)[1], url


def test_a_publishers_edit_in_the_panel_shows_at_once(client, publisher):
    article = _article(slug="rachunki")
    _warm(client, "/aktualnosci/rachunki/", "/")
    client.force_login(publisher)
    form = AdminForm.open(client, f"/admin/news/article/{article.pk}/change/")
    response = form.set(title="Nowy tytuł z panelu", change_kind="minor").post()
    assert response.status_code == 302, form_errors(response)
    client.logout()
    assert "Nowy tytuł z panelu" in _get(client, "/aktualnosci/rachunki/")[1]
    assert "Nowy tytuł z panelu" in _get(client, "/")[1]


def test_a_404_becomes_the_new_page_and_a_renamed_address_redirects(client):
    _warm(client, "/kontakt-zimowy/", "/aktualnosci/stary-adres/")
    assert client.get("/kontakt-zimowy/").status_code == 404
    Page.objects.create(title="Kontakt zimowy", slug="kontakt-zimowy", body="<p>a</p>")
    assert client.get("/kontakt-zimowy/").status_code == 200
    # An office admin's redirect (Django's redirects app) replaces a cached 404.
    Redirect.objects.create(
        site_id=1, old_path="/aktualnosci/stary-adres/", new_path="/kontakt-zimowy/"
    )
    response = client.get("/aktualnosci/stary-adres/")
    assert response.status_code == 301
    assert response["Location"] == "/kontakt-zimowy/"


@pytest.mark.parametrize(
    ("url", "change", "expected"),
    [
        (
            "/wyroznienia/",
            lambda: AwardFactory(title="Nagroda Wojewody"),
            "Nagroda Wojewody",
        ),
        (
            "/wyroznienia/",
            lambda: Award.objects.update_or_create(
                pk=AwardFactory(title="Stary tytuł").pk,
                defaults={"title": "Nowy tytuł nagrody"},
            ),
            "Nowy tytuł nagrody",
        ),
        (
            "/",
            lambda: Notice.objects.create(
                text="Przy mrozie wydajemy gorące posiłki",
                starts_at=timezone.now() - datetime.timedelta(hours=1),
                ends_at=timezone.now() + datetime.timedelta(days=1),
            ),
            "Przy mrozie wydajemy gorące posiłki",
        ),
        (
            "/aktualnosci/",
            lambda: _rename_category("k", "Świadczenia rodzinne"),
            "Świadczenia rodzinne",
        ),
        (
            "/",
            lambda: _rename_office("Centrum Usług Społecznych w Mławie"),
            "Centrum Usług Społecznych w Mławie",
        ),
        (
            "/deklaracja-dostepnosci/",
            lambda: _statement_contact("Anna Dostępna"),
            "Anna Dostępna",
        ),
        (
            "/o-zespole/",
            lambda: _edit_page("o-zespole", "<p>Zespół terenowy</p>"),
            "Zespół terenowy",
        ),
    ],
    ids=[
        "award-added",
        "award-edited",
        "notice",
        "category",
        "office",
        "accessibility-statement",
        "page",
    ],
)
def test_each_kind_of_content_change_shows_at_the_next_request(
    client, url, change, expected, django_capture_on_commit_callbacks
):
    ArticleFactory(category=CategoryFactory(name="Stara nazwa", slug="k"))
    Page.objects.create(title="O zespole", slug="o-zespole", body="<p>Zespół</p>")
    client.get(url)
    client.get(url)
    assert expected not in _get(client, url)[1]
    with django_capture_on_commit_callbacks(execute=True):
        change()
    response, html = _get(client, url)
    assert response["X-Page-Cache"] == "MISS" and expected in html


def _rename_category(slug, name):
    from news.models import Category

    category = Category.objects.get(slug=slug)
    category.name = name
    category.save()


def _rename_office(name):
    office = Office.current()
    office.name = name
    office.save()


def _statement_contact(name):
    statement = AccessibilityStatement.current()
    statement.contact_person = name
    statement.contact_email = "dostepnosc@mops.example.pl"
    statement.is_published = True
    statement.save()


def _edit_page(slug, body):
    page = Page.objects.get(slug=slug)
    page.body = body
    page.save()


def test_a_change_during_a_slow_page_is_not_kept_under_the_new_state(client):
    """A page rendered from the old rows while a change commits must not be kept
    as current: the generation read before rendering no longer matches."""
    article = _article()
    client.get("/")  # starts the generation when none exists
    generation = page_cache.cache().get(page_cache.GENERATION_KEY)
    article.title = "Zmieniony w trakcie"
    article.save()
    assert page_cache.cache().get(page_cache.GENERATION_KEY) > generation
    assert "Zmieniony w trakcie" in _get(client, "/")[1]


# Changes in time, with no one acting ------------------------------------------------


@pytest.fixture
def clock(time_machine):
    time_machine.move_to("2026-12-01 10:00:00+01:00", tick=False)
    return time_machine


def test_a_scheduled_article_appears_at_its_moment(client, clock):
    at = timezone.now() + datetime.timedelta(hours=2)
    ArticleFactory(title="Zapisy na Wigilię", published_at=at, slug="wigilia")
    _warm(client, "/", "/aktualnosci/", "/aktualnosci/rss/", "/aktualnosci/wigilia/")
    clock.move_to(at - datetime.timedelta(seconds=1))
    assert "Zapisy na Wigilię" not in _get(client, "/")[1]
    clock.move_to(at)
    for url in ["/", "/aktualnosci/", "/aktualnosci/rss/"]:
        assert "Zapisy na Wigilię" in _get(client, url)[1], url
    assert client.get("/aktualnosci/wigilia/").status_code == 200


def test_an_end_of_publication_and_of_featuring_show_at_their_moment(client, clock):
    now = timezone.now()
    ArticleFactory(
        title="Nabór wniosków",
        published_until=now + datetime.timedelta(minutes=30),
    )
    ArticleFactory(
        title="Wyróżniony komunikat",
        is_featured=True,
        featured_until=now + datetime.timedelta(minutes=45),
        published_at=now - datetime.timedelta(days=3),
    )
    ArticleFactory.create_batch(3, published_at=now - datetime.timedelta(hours=1))
    _warm(client, "/aktualnosci/", "/")
    assert "Nabór wniosków" in _get(client, "/aktualnosci/")[1]
    clock.move_to(now + datetime.timedelta(minutes=30))
    assert "Nabór wniosków" not in _get(client, "/aktualnosci/")[1]
    _warm(client, "/")
    home = _get(client, "/")[1]
    assert home.index("Wyróżniony komunikat") < home.index("Artykuł numer")
    clock.move_to(now + datetime.timedelta(minutes=45))
    home = _get(client, "/")[1]
    assert home.index("Wyróżniony komunikat") > home.index("Artykuł numer")


def test_a_notice_shows_and_goes_at_its_start_and_end(client, clock):
    now = timezone.now()
    Notice.objects.create(
        text="Urząd nieczynny w piątek",
        starts_at=now + datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=3),
    )
    _warm(client, "/", "/aktualnosci/")
    clock.move_to(now + datetime.timedelta(hours=1))
    assert "Urząd nieczynny w piątek" in _get(client, "/aktualnosci/")[1]
    clock.move_to(now + datetime.timedelta(hours=3))
    assert "Urząd nieczynny w piątek" not in _get(client, "/aktualnosci/")[1]


def test_an_award_expires_at_local_midnight(client, clock):
    award = AwardFactory(
        title="Certyfikat Jakości", valid_until=datetime.date(2026, 12, 1)
    )
    url = award.get_absolute_url()
    _warm(client, url, "/wyroznienia/")
    assert "wygasł" not in _get(client, url)[1]
    clock.move_to("2026-12-01 23:59:59+01:00")
    assert "wygasł" not in _get(client, url)[1]
    clock.move_to("2026-12-02 00:00:00+01:00")
    assert "wygasł" in _get(client, url)[1]


def test_an_entry_never_lives_in_redis_past_the_next_change(client, clock):
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(minutes=10))
    client.get("/")
    keys = [
        key for key in page_cache.cache()._cache.get_client().keys("*page-cache:page:*")
    ]
    assert len(keys) == 1
    ttl = page_cache.cache()._cache.get_client().ttl(keys[0])
    assert 0 < ttl <= 10 * 60


def test_the_next_change_is_the_earliest_of_every_apps_moments(clock):
    now = timezone.now()
    assert page_cache.next_change(now) == page_cache.next_local_midnight(now)
    assert timezone.localtime(page_cache.next_change(now)).isoformat() == (
        "2026-12-02T00:00:00+01:00"
    )
    ArticleFactory(published_at=now + datetime.timedelta(hours=5))
    Notice.objects.create(
        text="x",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=4),
    )
    assert page_cache.next_change(now) == now + datetime.timedelta(hours=4)
    ArticleFactory(
        is_featured=True,
        published_at=now - page_cache_featured_for() + (datetime.timedelta(hours=1)),
    )
    assert page_cache.next_change(now) == now + datetime.timedelta(hours=1)


def page_cache_featured_for():
    from news.models import FEATURED_FOR

    return FEATURED_FOR


# Redis down ----------------------------------------------------------------------------


def test_with_redis_down_pages_are_served_uncached_and_logged(
    client, redis_cache, caplog, monkeypatch
):
    monkeypatch.setattr(page_cache, "RETRY_AFTER", 0)
    _article()
    _warm(client, "/")
    redis_cache.stop()
    with caplog.at_level(logging.WARNING, logger="page_cache.cache"):
        response, html = _get(client, "/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "DOWN"
        assert "Pomoc w opłaceniu rachunków" in html
        # A change while Redis is away still saves and shows.
        article = Article.objects.get()
        article.title = "Zmiana bez pamięci podręcznej"
        article.save()
        assert "Zmiana bez pamięci podręcznej" in _get(client, "/")[1]
    assert "Page cache unavailable" in caplog.text
    redis_cache.start()
    client.get("/")
    response, html = _get(client, "/")
    assert response["X-Page-Cache"] == "HIT"
    assert "Zmiana bez pamięci podręcznej" in html


def test_a_change_redis_missed_is_applied_before_anything_is_served_again(
    client, redis_cache, monkeypatch
):
    """Redis paused (unreachable but keeping its data): the raise of the
    generation that failed is retried before a cached page is served."""
    monkeypatch.setattr(page_cache, "RETRY_AFTER", 0)
    article = _article()
    _warm(client, "/")
    redis_cache.command("CLIENT", "PAUSE", "1500", "ALL")
    article.title = "Zmiana w czasie przerwy"
    article.save()
    assert page_cache.health.bump_pending
    import time

    time.sleep(1.6)
    response, html = _get(client, "/")
    assert "Zmiana w czasie przerwy" in html
    assert not page_cache.health.bump_pending


def test_a_change_whose_process_ended_while_redis_was_away_still_shows(
    client, settings, redis_cache, monkeypatch
):
    """A command saves while Redis is paused and ends before Redis is back
    (its pending raise dies with it): the database counted the change, and the
    web process applies it before it serves the page again."""

    settings.PAGE_CACHE_CHECK_SECONDS = 0  # every lookup compares
    monkeypatch.setattr(page_cache, "RETRY_AFTER", 0)
    article = _article()
    _warm(client, "/")
    assert _get(client, "/")[0]["X-Page-Cache"] == "HIT"
    # Writes refused until the test says so (not for a time the machine's
    # speed could outrun).
    redis_cache.command("CLIENT", "PAUSE", "60000", "WRITE")
    try:
        article.title = "Zmiana z polecenia"
        article.save()
        assert page_cache.health.bump_pending
    finally:
        redis_cache.command("CLIENT", "UNPAUSE")
    page_cache.health.__init__()  # the command's process ended: nothing pending
    response, html = _get(client, "/")
    assert "Zmiana z polecenia" in html
    assert response["X-Page-Cache"] == "MISS"
    # Applied once: the next view is served from Redis again.
    assert _get(client, "/")[0]["X-Page-Cache"] == "HIT"


def test_the_count_of_changes_is_compared_at_most_as_often_as_set(
    client, settings, redis_cache, django_assert_num_queries
):
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    _article()
    _warm(client, "/")
    page_cache.health.checked_at = None
    with django_assert_num_queries(1):  # the count, once
        _get(client, "/")
    with django_assert_num_queries(0):
        _get(client, "/")


def test_every_model_residents_see_is_watched():
    """A new model shown on public pages must be watched (or listed here as
    not shown), or its changes would wait for midnight."""
    from django.apps import apps

    not_shown = {
        "base.ContentChangeCount",
        "base.EditPresence",
        "news.ArticleChange",
        "news.PreviewLink",
    }
    watched = {model._meta.label for model in page_cache.watched_models()}
    for app in ("base", "news", "awards", "pages"):
        for model in apps.get_app_config(app).get_models():
            label = model._meta.label
            assert label in watched or label in not_shown, label


def test_remembered_values_work_with_pages_uncached(
    settings, django_assert_num_queries
):
    """With the page cache off (DJANGO_PAGE_CACHE=0) but Redis there, the
    layout's values are still remembered, and still dropped on a change."""
    settings.PAGE_CACHE_ENABLED = False
    page_cache.cache().clear()
    assert page_cache.remember("office", Office.current).name
    with django_assert_num_queries(0):
        office = page_cache.remember("office", Office.current)
    office.name = "Centrum Usług Społecznych w Mławie"
    office.save()
    fresh = page_cache.remember("office", Office.current)
    assert fresh.name == "Centrum Usług Społecznych w Mławie"
    with django_assert_num_queries(0):
        page_cache.remember("office", Office.current)


def test_a_missed_change_is_applied_before_a_remembered_value_is_read(
    settings, redis_cache, monkeypatch
):
    """Pages uncached, Redis paused while the office record changes: the
    remembered record is not read back once Redis answers again."""
    import time

    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(page_cache, "RETRY_AFTER", 0)
    page_cache.remember("office", Office.current)
    redis_cache.command("CLIENT", "PAUSE", "1500", "ALL")
    office = Office.current()
    office.name = "Centrum Usług Społecznych w Mławie"
    office.save()
    assert page_cache.health.bump_pending
    time.sleep(1.6)
    assert page_cache.remember("office", Office.current).name == office.name


def test_a_change_told_to_redis_is_not_raised_again_by_the_count(
    client, settings, redis_cache, django_capture_on_commit_callbacks
):
    """The saving process told Redis and recorded the count as applied: a worker
    comparing the counts afterwards finds nothing to raise (no second
    rendering of every page)."""

    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    article = _article()
    page_cache.health.checked_at = None
    _warm(client, "/")  # this worker compared the counts just now
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Zmiana z panelu"
        article.save()
    response, html = _get(client, "/")  # made anew, without comparing
    assert "Zmiana z panelu" in html and response["X-Page-Cache"] == "MISS"
    page_cache.health.__init__()  # another worker, comparing at once
    assert page_cache.health.checked_at is None
    response, html = _get(client, "/")
    assert response["X-Page-Cache"] == "HIT"
