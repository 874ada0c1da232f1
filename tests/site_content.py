"""A site with real content and the address of every public page kind, for the
checks that must see them all (axe-core, the Nu HTML Checker)."""

import datetime
from io import StringIO

import reversion
from django.core.management import call_command
from django.utils import timezone, translation

from base.models import RevisionNote
from news.demo import CAL_ARTICLE_SLUG, POLISH_ONLY_SLUG
from news.models import Article, ArticleImage, PreviewLink
from pages.models import AccessibilityStatement, Page
from tests import samples
from tests.factories import ArticleFactory


def every_page_kind():
    """The demo content, with a published statement, an article with a main
    photo, a gallery photo and an outside link, and enough articles for two list
    pages; returns ``{kind: address}``."""
    call_command("load_demo", stdout=StringIO())
    AccessibilityStatement.objects.update(
        contact_email="dostepnosc@mlawa.pl", is_published=True
    )
    article = Article.objects.get(slug=CAL_ARTICLE_SLUG)
    polish_only = Article.objects.get(slug=POLISH_ONLY_SLUG)
    ArticleImage.objects.create(
        article=article,
        image=samples.jpeg("wreczenie.jpg", size=(900, 600)),
        alt_text="Przedstawicielka CAL wręcza certyfikat dyrektor ośrodka",
        caption="Wręczenie certyfikatu podczas sesji Rady Miasta",
        credit="fot. MOPS",
        placement="main",
    )
    ArticleImage.objects.create(
        article=article, image=samples.jpeg("sala.jpg"), alt_text="Sala ośrodka"
    )
    # A table wider than a phone (and than the page in the largest text).
    row = "".join(f"<td>Wnioskodawczyni{n}</td>" for n in range(7))
    table = (
        "<table><tbody><tr>"
        + "".join(f"<th>Kolumna{n}</th>" for n in range(7))
        + f"</tr><tr>{row}</tr></tbody></table>"
    )
    Article.objects.filter(pk=article.pk).update(
        body=article.body
        + '<p>Więcej na <a href="https://www.cal.org.pl/">stronie CAL</a>.</p>'
        + table
    )
    ArticleFactory.create_batch(11, category=article.category)
    archived = _archived_article_with_a_change_history()
    draft = ArticleFactory(status="draft", title="Szkic do akceptacji dyrektora")
    preview = PreviewLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=7)
    )
    return {
        "home": "/",
        "news list": "/aktualnosci/",
        "news list page 2": "/aktualnosci/?page=2",
        "article with image": article.get_absolute_url(),
        "category": article.category.get_absolute_url(),
        "feeds explained": "/aktualnosci/kanaly/",
        "search results": "/szukaj/?q=osrodek",
        "empty search": "/szukaj/?q=zzzz",
        "search with a suggestion": "/szukaj/?q=osrodka",
        "archived article with its change history": archived.get_absolute_url(),
        "preview link": preview.get_absolute_url(),
        "awards list": "/wyroznienia/",
        "award": "/wyroznienia/certyfikat-jakosci-cal-2022-2026/",
        "issuer": "/wyroznienia/przyznajacy/cal/",
        "accessibility statement": "/deklaracja-dostepnosci/",
        **{page.title: page.get_absolute_url() for page in Page.objects.all()},
        "404 page": "/nie-ma-takiej-strony/",
        **_in_other_languages(article, polish_only),
    }


def _in_other_languages(article, polish_only):
    """The Ukrainian and English pages residents who do not read Polish use:
    translated content, and a Polish-only article with its note."""
    with translation.override("uk"):
        uk = {
            "home (uk)": "/uk/",
            "news list (uk)": "/uk/novyny/",
            "article (uk)": article.get_absolute_url(),
            "untranslated article (uk)": polish_only.get_absolute_url(),
            "award (uk)": "/uk/vidznaky/sertyfikat-yakosti-cal-2022-2026/",
            "search results (uk)": "/uk/poshuk/?q=сертифікат",
            "accessibility statement (uk)": "/uk/deklaratsiia-dostupnosti/",
            "404 page (uk)": "/uk/nemaie-takoi-storinky/",
        }
    with translation.override("en"):
        en = {
            "home (en)": "/en/",
            "article (en)": article.get_absolute_url(),
            "untranslated article (en)": polish_only.get_absolute_url(),
            "awards list (en)": "/en/awards/",
            "search results (en)": "/en/search/?q=certificate",
        }
    return {**uk, **en}


def _archived_article_with_a_change_history():
    now = timezone.now()
    article = ArticleFactory(
        title="Nabór do programu osłonowego zakończony",
        published_at=now - datetime.timedelta(days=20),
        published_until=now - datetime.timedelta(days=1),
    )
    with reversion.create_revision():
        article.lead = "Nabór trwał do końca listopada."
        article.save()
        reversion.add_meta(RevisionNote, is_major=True, text="Przedłużono nabór")
    return article


def sitemap_urls(client):
    """Every address the sitemap gives search engines: the index at
    /sitemap.xml, then each section it lists (pages included)."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    urls = set()
    for loc in ET.fromstring(index.content).iter(f"{namespace}loc"):
        part = urlsplit(loc.text)
        section = client.get(part.path + (f"?{part.query}" if part.query else ""))
        assert section.status_code == 200, loc.text
        urls |= {u.text for u in ET.fromstring(section.content).iter(f"{namespace}loc")}
    return urls
