"""Ukrainian and English for residents: addresses, the language switcher,
fallbacks to Polish and their notes, hreflang, per-language feeds, sitemap and
search, Ukrainian slugs, and the same number of queries in every language."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from news.models import Article
from tests.factories import ArticleFactory, AwardFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated():
    """An article in all three languages, in a translated category."""
    category = CategoryFactory(
        name="Pomoc", slug="pomoc", name_uk="Допомога", name_en="Help"
    )
    return ArticleFactory(
        title="Zasiłek celowy na opał",
        slug="zasilek-celowy-na-opal",
        lead="Wniosek złożysz w ośrodku.",
        body="<p>Zasiłek celowy pomaga kupić opał na zimę.</p>",
        title_uk="Цільова допомога на паливо",
        lead_uk="Заяву можна подати в центрі.",
        body_uk="<p>Цільова допомога допомагає купити паливо на зиму.</p>",
        title_en="Special-purpose benefit for fuel",
        lead_en="You can apply at the centre.",
        body_en="<p>The benefit helps to buy fuel for the winter.</p>",
        category=category,
    )


@pytest.fixture
def polish_only():
    return ArticleFactory(
        title="Dyżur w Wigilię", slug="dyzur-w-wigilie", lead="Pracujemy do 13:00."
    )


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


# --- addresses ------------------------------------------------------------------


def test_polish_addresses_stay_and_the_others_are_prefixed_and_translated(
    client, translated
):
    for url in ["/", "/aktualnosci/", "/wyroznienia/", "/szukaj/", "/kontakt/"]:
        assert client.get(url).status_code in (200, 404), url
    assert client.get("/aktualnosci/").status_code == 200
    assert client.get("/pl/aktualnosci/").status_code == 404
    for url in ["/uk/", "/uk/novyny/", "/uk/vidznaky/", "/en/news/", "/en/awards/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/en/aktualnosci/").status_code == 404
    assert client.get("/en/accessibility-statement/").status_code in (200, 404)


def test_admin_health_sitemap_and_robots_stay_outside_the_prefixes(client):
    for url in ["/sitemap.xml", "/robots.txt", "/healthz"]:
        assert client.get(url).status_code == 200, url
        assert client.get(f"/uk{url}", follow=True).status_code == 404, url
    assert client.get("/admin/").status_code == 302
    assert client.get("/uk/admin/").status_code == 404


def test_the_admin_speaks_polish_whatever_the_browser_asks(client, publisher):
    client.force_login(publisher)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.8")
    assert response.status_code == 200
    assert '<html lang="pl"' in response.content.decode()


# --- the switcher -----------------------------------------------------------------


def _switcher(html):
    nav = re.search(r'<nav class="language-switcher"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no language switcher"
    return re.findall(
        r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"([^>]*)>([^<]+)</a>', nav[1]
    )


def test_the_switcher_goes_to_the_same_article_in_each_language_without_javascript(
    client, translated
):
    with translation.override("uk"):
        uk_url = translated.get_absolute_url()
    assert uk_url == "/uk/novyny/tsilova-dopomoha-na-palyvo/"
    links = _switcher(_html(client, translated.get_absolute_url()))
    assert [(url, lang, name) for url, lang, _, name in links] == [
        ("/aktualnosci/zasilek-celowy-na-opal/", "pl", "Polski"),
        (uk_url, "uk", "Українська"),
        ("/en/news/special-purpose-benefit-for-fuel/", "en", "English"),
    ]
    assert 'aria-current="true"' in links[0][2]
    # Plain links: following one is all it takes.
    html = _html(client, uk_url)
    assert '<html lang="uk"' in html
    assert "Цільова допомога на паливо</h1>" in html


def test_the_switcher_keeps_the_section_and_the_query(client):
    links = _switcher(_html(client, "/szukaj/?q=zasiłek"))
    assert [url for url, *_ in links] == [
        "/szukaj/?q=zasi%C5%82ek",
        "/uk/poshuk/?q=zasi%C5%82ek",
        "/en/search/?q=zasi%C5%82ek",
    ]


def test_a_translated_item_opened_by_its_polish_slug_goes_to_its_own_address(
    client, translated
):
    response = client.get("/uk/novyny/zasilek-celowy-na-opal/")
    assert response.status_code == 302
    assert response["Location"] == "/uk/novyny/tsilova-dopomoha-na-palyvo/"
    assert client.get("/uk/novyny/nie-ma-takiego/").status_code == 404


# --- fallbacks --------------------------------------------------------------------


def test_an_untranslated_article_shows_polish_marked_with_a_note_in_the_language(
    client, polish_only
):
    html = _html(client, "/uk/novyny/dyzur-w-wigilie/")
    assert '<html lang="uk"' in html
    assert "Ця сторінка ще не має української версії" in html
    assert '<h1 lang="pl">Dyżur w Wigilię</h1>' in html
    assert '<p class="lead" lang="pl">Pracujemy do 13:00.</p>' in html
    # The Polish page is the one search engines should index.
    assert (
        '<link rel="canonical" href="http://testserver/aktualnosci/dyzur-w-wigilie/">'
        in html
    )
    assert 'hreflang="uk" href' not in html
    html = _html(client, "/en/news/dyzur-w-wigilie/")
    assert "This page has no English version yet. The text below is in Polish." in html
    assert _html(client, "/aktualnosci/dyzur-w-wigilie/").count("translation-note") == 0


def test_lists_show_translated_items_first_then_marked_polish_ones(
    client, translated, polish_only
):
    # The untranslated one is newer: in Polish it comes first.
    Article.objects.filter(pk=translated.pk).update(
        published_at=polish_only.published_at.replace(year=2020)
    )
    polish = _html(client, "/aktualnosci/")
    assert polish.index("Dyżur w Wigilię") < polish.index("Zasiłek celowy na opał")
    ukrainian = _html(client, "/uk/novyny/")
    assert ukrainian.index("Цільова допомога") < ukrainian.index("Dyżur w Wigilię")
    assert '<a href="/uk/novyny/dyzur-w-wigilie/" lang="pl">Dyżur w Wigilię</a>' in (
        ukrainian
    )
    assert "лише польською" in ukrainian
    assert "лише польською" not in ukrainian.split("Dyżur w Wigilię")[0]


def test_an_outdated_translation_says_so_and_links_to_the_polish_page(
    client, translated
):
    translated.lead = "Wnioski przyjmujemy do 31 marca."
    translated.change_is_major = True
    translated.save()
    html = _html(client, "/en/news/special-purpose-benefit-for-fuel/")
    assert "This translation may be out of date" in html
    assert (
        '<a href="/aktualnosci/zasilek-celowy-na-opal/" lang="pl" hreflang="pl">'
        "Polish version</a>" in html
    )
    assert "This translation may be out of date" not in _html(
        client, "/aktualnosci/zasilek-celowy-na-opal/"
    )


# --- what search engines and previews read ------------------------------------------


def test_each_language_version_carries_hreflang_locale_and_language(client, translated):
    html = _html(client, "/uk/novyny/tsilova-dopomoha-na-palyvo/")
    links = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
    )
    assert links == {
        "pl": "http://testserver/aktualnosci/zasilek-celowy-na-opal/",
        "x-default": "http://testserver/aktualnosci/zasilek-celowy-na-opal/",
        "uk": "http://testserver/uk/novyny/tsilova-dopomoha-na-palyvo/",
        "en": "http://testserver/en/news/special-purpose-benefit-for-fuel/",
    }
    assert '<meta property="og:locale" content="uk_UA">' in html
    assert '"inLanguage": "uk"' in html
    assert '"headline": "Цільова допомога на паливо"' in html
    home = _html(client, "/en/")
    assert '<meta property="og:locale" content="en_GB">' in home
    assert 'hreflang="uk" href="http://testserver/uk/"' in home


def test_feeds_in_a_language_carry_the_articles_written_in_it(
    client, translated, polish_only
):
    feed = ET.fromstring(client.get("/uk/novyny/rss/").content)
    channel = feed.find("channel")
    assert channel.findtext("language") == "uk"
    assert [item.findtext("title") for item in channel.iter("item")] == [
        "Цільова допомога на паливо"
    ]
    assert channel.find("item").findtext("link") == (
        "http://testserver/uk/novyny/tsilova-dopomoha-na-palyvo/"
    )
    polish = ET.fromstring(client.get("/aktualnosci/rss/").content)
    assert len(list(polish.iter("item"))) == 2
    category = ET.fromstring(client.get("/en/news/category/pomoc/rss/").content)
    assert [i.findtext("title") for i in category.iter("item")] == [
        "Special-purpose benefit for fuel"
    ]


def test_the_sitemap_lists_each_language_with_alternates(
    client, translated, polish_only
):
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ET.fromstring(client.get("/sitemap-articles.xml").content)
    urls = {
        url.findtext("s:loc", namespaces=namespaces): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    base = "http://testserver"
    translated_alternates = {
        "pl": f"{base}/aktualnosci/zasilek-celowy-na-opal/",
        "uk": f"{base}/uk/novyny/tsilova-dopomoha-na-palyvo/",
        "en": f"{base}/en/news/special-purpose-benefit-for-fuel/",
        "x-default": f"{base}/aktualnosci/zasilek-celowy-na-opal/",
    }
    assert urls[f"{base}/uk/novyny/tsilova-dopomoha-na-palyvo/"] == (
        translated_alternates
    )
    # The Polish-only article is offered once, in Polish, without alternates:
    # its page has no hreflang links either.
    assert [u for u in urls if "dyzur-w-wigilie" in u] == [
        f"{base}/aktualnosci/dyzur-w-wigilie/"
    ]
    assert urls[f"{base}/aktualnosci/dyzur-w-wigilie/"] == {}
    page = _html(client, "/aktualnosci/dyzur-w-wigilie/")
    assert 'hreflang="' not in page.split("</head>", 1)[0]


def test_a_category_in_each_language_links_to_itself_in_the_others(client, translated):
    category = translated.category
    addresses = {}
    for code in ("pl", "uk", "en"):
        with translation.override(code):
            addresses[code] = category.get_absolute_url()
    assert addresses["uk"] != "/uk/novyny/katehoriia/pomoc/"  # its own slug
    for code, address in addresses.items():
        html = _html(client, address)
        links = dict(
            re.findall(
                r'<link rel="alternate" hreflang="([\w-]+)" href="http://testserver([^"]+)"',
                html,
            )
        )
        assert {k: v for k, v in links.items() if k != "x-default"} == addresses
        switcher = dict(
            (language, href)
            for href, language in re.findall(
                r'<a href="([^"]+)" lang="\w+" hreflang="(\w+)"', html
            )
        )
        assert switcher == addresses
        for link in links.values():
            assert client.get(link).status_code == 200, (code, link)
    # The Polish slug under /uk/ is not a second copy of the Ukrainian page.
    with translation.override("uk"):
        from django.urls import reverse

        polish_slug = reverse("news:category", kwargs={"slug": "pomoc"})
    response = client.get(polish_slug + "?page=1")
    assert response.status_code == 302
    assert response["Location"] == addresses["uk"] + "?page=1"


def test_search_works_per_language(client, translated, polish_only):
    html = _html(client, "/uk/poshuk/?q=паливо")
    assert "Знайдено: 1" in html
    assert 'href="/uk/novyny/tsilova-dopomoha-na-palyvo/"' in html
    english = _html(client, "/en/search/?q=fuel")
    assert 'href="/en/news/special-purpose-benefit-for-fuel/"' in english
    # Polish words find Polish-only items in every language, marked as Polish.
    html = _html(client, "/en/search/?q=wigilia")
    assert '<a href="/en/news/dyzur-w-wigilie/" lang="pl">Dyżur w Wigilię</a>' in html
    # Each language searches its own texts.
    assert "Nic nie znaleziono" in _html(client, "/szukaj/?q=паливо")


# --- slugs and pages --------------------------------------------------------------


def test_ukrainian_titles_get_latin_slugs_by_the_national_transliteration():
    article = ArticleFactory(
        title="Pomoc dla Ukraińców", title_uk="Допомога для українців у Млаві"
    )
    assert article.slug_uk == "dopomoha-dlia-ukraintsiv-u-mlavi"
    twin = ArticleFactory(title="Inny", title_uk="Допомога для українців у Млаві")
    assert twin.slug_uk == "dopomoha-dlia-ukraintsiv-u-mlavi-2"
    # A later change of the title keeps the address.
    article.title_uk = "Допомога для українців"
    article.save()
    article.refresh_from_db()
    assert article.slug_uk == "dopomoha-dlia-ukraintsiv-u-mlavi"


def test_a_page_cannot_take_an_address_another_section_has_in_its_language():
    from django.core.exceptions import ValidationError

    from pages.models import Page

    page = Page(title="Новини", slug="nowosci", slug_uk="novyny", title_uk="Новини")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.error_dict["slug_uk"][0].code == "reserved_slug"
    page.slug_uk = "novyny-tsentru"
    page.full_clean()


def test_error_pages_speak_the_residents_language(client):
    html = _html(client, "/uk/nemaie-takoi-storinky/", status=404)
    assert '<html lang="uk"' in html
    assert "<h1>Сторінку не знайдено</h1>" in html
    assert 'href="/uk/poshuk/"' in html


# --- budgets ---------------------------------------------------------------------


def _queries(client, url):
    client.get(url)  # process-wide caches (the site record) warmed
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_every_page_makes_the_same_number_of_queries_in_each_language(
    client, translated, polish_only, uncached_pages
):
    award = AwardFactory(title="Certyfikat", slug="certyfikat", title_uk="Сертифікат")
    award.articles.add(translated)
    pages = {
        "home": ["/", "/uk/", "/en/"],
        "list": ["/aktualnosci/", "/uk/novyny/", "/en/news/"],
        "category": [
            "/aktualnosci/kategoria/pomoc/",
            "/uk/novyny/katehoriia/dopomoha/",
            "/en/news/category/help/",
        ],
        "article": [
            "/aktualnosci/zasilek-celowy-na-opal/",
            "/uk/novyny/tsilova-dopomoha-na-palyvo/",
            "/en/news/special-purpose-benefit-for-fuel/",
        ],
        "untranslated": [
            "/aktualnosci/dyzur-w-wigilie/",
            "/uk/novyny/dyzur-w-wigilie/",
            "/en/news/dyzur-w-wigilie/",
        ],
        "awards": ["/wyroznienia/", "/uk/vidznaky/", "/en/awards/"],
        "award": [
            "/wyroznienia/certyfikat/",
            "/uk/vidznaky/sertyfikat/",
            "/en/awards/certyfikat/",
        ],
        "search": ["/szukaj/?q=opał", "/uk/poshuk/?q=паливо", "/en/search/?q=fuel"],
        "feed": ["/aktualnosci/rss/", "/uk/novyny/rss/", "/en/news/rss/"],
    }
    counts = {
        name: [_queries(client, url) for url in urls] for name, urls in pages.items()
    }
    assert {name: c for name, c in counts.items() if len(set(c)) != 1} == {}
    # As many as before languages came (tests/news/test_views.py pins them).
    assert counts["home"][0] == 6
    assert counts["list"][0] == 6
