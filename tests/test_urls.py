import json
import re

import pytest

from base.models import Office

pytestmark = pytest.mark.django_db


def test_404_page_is_polish_and_in_the_layout(client):
    response = client.get("/aktualnosci/nie-ma-takiego-artykulu/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Nie znaleziono strony</h1>" in html
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html  # the layout's footer


def test_500_page_renders_without_the_database(django_assert_num_queries):
    from django.test import RequestFactory

    from base.views import server_error

    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Przepraszamy, wystąpił błąd</h1>" in html
    assert 'lang="pl"' in html
    # the migration's values as the last resort: name and phone to call
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html
    assert 'href="tel:236543560"' in html
    # no form that cannot work without a request (CSRF token)
    assert 'method="post"' not in html


def test_500_page_shows_the_office_as_staff_last_saved_it(
    client, publisher, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.test import RequestFactory

    from base.views import server_error

    office = Office.current()
    office.name = "Centrum Usług Społecznych w Mławie"
    office.phones = ["23 600 11 22"]
    with django_capture_on_commit_callbacks(execute=True):
        office.save()
    with django_assert_num_queries(0):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert "Centrum Usług Społecznych w Mławie" in html
    assert 'href="tel:236001122"' in html
    assert "Miejski Ośrodek" not in html


def test_the_urlconf_uses_the_office_aware_500_page(client, settings):
    from django.urls import get_resolver

    assert get_resolver().resolve_error_handler(500).__name__ == "server_error"


@pytest.mark.parametrize(
    "url",
    [
        "/aktualnosci/%00/",
        "/%C0%AE%C0%AE/",
        "/aktualnosci/kategoria/%2e%2e/",
        "/szukaj/?q=%00",
        "/szukaj/?q=osrodek&page=-1",
        "/szukaj/?q[]=a&q[]=b",
        "/wyroznienia/%3Cscript%3E/",
        "/aktualnosci/?page=1e309",
        "/aktualnosci/?page=%F0%9F%98%80",
        "/aktualnosci/rss/?page=abc",
        "/sitemap.xml?p=999",
        "/sitemap-articles.xml?p=999",
        "/sitemap-articles.xml?p=abc",
        "/sitemap-..xml",
        "/" + "a" * 3000 + "/",
        "/media/../../etc/passwd",
        "/static/../settings.py",
    ],
)
def test_odd_urls_never_answer_500(client, url):
    assert client.get(url).status_code in {200, 301, 302, 400, 404}


def test_home_describes_the_office_as_an_organization(client):
    html = client.get("/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "GovernmentOrganization"
    assert data["address"]["addressLocality"] == "Mława"


@pytest.mark.parametrize("method", ["put", "delete", "patch", "post", "options"])
def test_public_pages_answer_only_get_and_head(client, method):
    from django.test import Client

    from tests.factories import ArticleFactory, AwardFactory

    article = ArticleFactory()
    award = AwardFactory()
    urls = [
        "/",
        "/aktualnosci/",
        article.get_absolute_url(),
        "/aktualnosci/rss/",
        "/aktualnosci/atom/",
        "/aktualnosci/kanaly/",
        "/szukaj/?q=zasilek",
        "/wyroznienia/",
        award.get_absolute_url(),
        "/kontakt/",
        "/deklaracja-dostepnosci/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/robots.txt",
        "/healthz",
    ]
    strict = Client(enforce_csrf_checks=True)  # with or without a token: 405
    for url in urls:
        for caller in (client, strict):
            response = getattr(caller, method)(url)
            assert response.status_code == 405, (method, url)
            assert response["Allow"] == "GET, HEAD"
        assert client.head(url).status_code == 200, url
