import xml.etree.ElementTree as ET

import factory
import pytest

from tests.factories import ArticleFactory, AwardFactory, CategoryFactory
from tests.site_content import sitemap_urls

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def content():
    category = CategoryFactory(name="Komunikaty", slug="komunikaty")
    return {
        "published": ArticleFactory(title="Opublikowany", category=category),
        "other": ArticleFactory(title="Inny opublikowany"),
        "draft": ArticleFactory(title="Szkic", draft=True, category=category),
        "scheduled": ArticleFactory(title="Zaplanowany", scheduled=True),
        "category": category,
    }


def test_rss_lists_published_articles_only_and_is_valid_xml(client, content):
    response = client.get("/aktualnosci/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert sorted(titles) == ["Inny opublikowany", "Opublikowany"]
    item = next(root.iter("item"))
    assert item.findtext("link").startswith("http://testserver/aktualnosci/")
    assert item.findtext("description") == "Krótkie streszczenie artykułu."


def test_atom_lists_published_articles_only_and_is_valid_xml(client, content):
    root = ET.fromstring(client.get("/aktualnosci/atom/").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert sorted(titles) == ["Inny opublikowany", "Opublikowany"]


def test_category_feeds(client, content):
    rss = ET.fromstring(client.get("/aktualnosci/kategoria/komunikaty/rss/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["Opublikowany"]
    atom = ET.fromstring(client.get("/aktualnosci/kategoria/komunikaty/atom/").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == [
        "Opublikowany"
    ]
    assert client.get("/aktualnosci/kategoria/nie-ma/rss/").status_code == 404


def test_feed_has_at_most_20_items(client):
    ArticleFactory.create_batch(25)
    root = ET.fromstring(client.get("/aktualnosci/rss/").content)
    assert len(list(root.iter("item"))) == 20


def test_every_page_links_to_the_feeds(client, content):
    html = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Aktualności (RSS)" href="/aktualnosci/rss/">'
        in html
    )
    assert 'type="application/atom+xml"' in html
    category_page = client.get("/aktualnosci/kategoria/komunikaty/").content.decode()
    assert 'href="/aktualnosci/kategoria/komunikaty/rss/"' in category_page


def test_sitemap_lists_only_what_the_public_may_see(client, content):
    from pages.models import AccessibilityStatement

    AccessibilityStatement.objects.update(is_published=True)
    AwardFactory(slug="widoczny")
    AwardFactory(slug="ukryty", hidden=True)
    urls = sitemap_urls(client)
    base = "http://testserver"
    assert f"{base}{content['published'].get_absolute_url()}" in urls
    assert f"{base}{content['draft'].get_absolute_url()}" not in urls
    assert f"{base}{content['scheduled'].get_absolute_url()}" not in urls
    assert f"{base}/wyroznienia/widoczny/" in urls
    assert f"{base}/wyroznienia/ukryty/" not in urls
    assert f"{base}/aktualnosci/kategoria/komunikaty/" in urls
    assert f"{base}/kontakt/" in urls
    assert f"{base}/deklaracja-dostepnosci/" in urls
    assert f"{base}/" in urls


def test_sitemap_leaves_out_a_statement_not_yet_published(client, content):
    from pages.models import AccessibilityStatement

    AccessibilityStatement.objects.update(is_published=False)
    page = client.get("/deklaracja-dostepnosci/").content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert "http://testserver/deklaracja-dostepnosci/" not in sitemap_urls(client)


def test_the_sitemap_is_an_index_of_small_paged_sections(client):
    """At most 1,000 addresses per sitemap: 333 articles, each in up to three
    languages, read from the database a page at a time."""
    ArticleFactory.create_batch(
        334,
        title_uk=factory.Sequence(lambda n: f"Стаття {n}"),
        title_en=factory.Sequence(lambda n: f"Article {n}"),
    )
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-articles.xml" in sections
    assert "http://testserver/sitemap-articles.xml?p=2" in sections
    first = ET.fromstring(client.get("/sitemap-articles.xml").content)
    assert len(list(first.iter(f"{SITEMAP}url"))) == 999
    second = ET.fromstring(client.get("/sitemap-articles.xml?p=2").content)
    assert len(list(second.iter(f"{SITEMAP}url"))) == 3
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404
    assert client.get("/sitemap-nieznana.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "/admin" not in response.content.decode()  # never reveal the admin's address


def test_feeds_carry_the_office_as_author_and_the_whole_article(client, settings):
    from django.core.files.storage import default_storage  # noqa: F401

    from news.models import ArticleImage
    from tests import samples

    article = ArticleFactory(
        title="Pełna treść",
        body='<p>Zobacz <a href="/kontakt/">kontakt</a> i <a href="#godziny">godziny</a>.</p>',
    )
    ArticleImage.objects.create(
        article=article,
        image=samples.jpeg(size=(1600, 900)),
        alt_text="Sala",
        placement="main",
    )
    atom = ET.fromstring(client.get("/aktualnosci/atom/").content)
    assert atom.find(f"{ATOM}author/{ATOM}name").text == (
        "Miejski Ośrodek Pomocy Społecznej w Mławie"
    )
    entry = next(atom.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}author/{ATOM}name") is not None
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert 'href="http://testserver/kontakt/"' in content.text
    assert 'href="#godziny"' in content.text
    assert '<img src="http://testserver/media/' in content.text
    assert entry.find(f"{ATOM}summary").text == "Krótkie streszczenie artykułu."
    enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("href").startswith("http://testserver/media/")
    assert int(enclosure.get("length")) > 0
    assert enclosure.get("type") == "image/jpeg"

    rss = ET.fromstring(client.get("/aktualnosci/rss/").content)
    item = next(rss.iter("item"))
    full = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert 'href="http://testserver/kontakt/"' in full
    assert item.find("enclosure").get("type") == "image/jpeg"


def test_feeds_parse_without_errors_in_a_feed_reader_library(client, content):
    import feedparser

    for url in [
        "/aktualnosci/rss/",
        "/aktualnosci/atom/",
        "/aktualnosci/kategoria/komunikaty/atom/",
    ]:
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        assert parsed.entries


def test_residents_who_click_rss_get_an_explanation_with_every_address(client, content):
    home = client.get("/").content.decode()
    assert 'href="/aktualnosci/kanaly/">Aktualności w czytniku RSS</a>' in home
    category = client.get("/aktualnosci/kategoria/komunikaty/").content.decode()
    assert 'href="/aktualnosci/kanaly/">co to jest kanał RSS?</a>' in category
    response = client.get("/aktualnosci/kanaly/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kanał RSS to adres, który podaje się programowi" in html
    assert "<code>http://testserver/aktualnosci/rss/</code>" in html
    assert "<code>http://testserver/aktualnosci/atom/</code>" in html
    assert (
        "<code>http://testserver/aktualnosci/kategoria/komunikaty/rss/</code>" in html
    )
    # the feeds themselves stay machine-readable (no XSLT, no HTML)
    feed = client.get("/aktualnosci/rss/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert b"xml-stylesheet" not in feed.content


def test_an_article_cannot_take_the_feeds_page_address():

    article = ArticleFactory.build(slug="kanaly")
    with pytest.raises(Exception) as error:
        article.full_clean()
    assert [e.code for e in error.value.error_dict["slug"]] == ["reserved_slug"]


def test_the_sitemap_index_costs_the_same_for_10_and_1000_articles(
    client, uncached_pages
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ArticleFactory.create_batch(10)
    client.get("/sitemap.xml")  # the site's record, cached from now on
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    ArticleFactory.create_batch(990)
    with CaptureQueriesContext(connection) as many:
        client.get("/sitemap.xml")
    assert len(few.captured_queries) == len(many.captured_queries)
    latest = ET.fromstring(client.get("/sitemap.xml").content)
    assert any(el.text for el in latest.iter(f"{SITEMAP}lastmod"))
