"""What link previews and search engines read, extracted by an independent
library (extruct): Open Graph on every page kind, NewsArticle and the office's
GovernmentOrganization with Google's required and recommended properties."""

import extruct
import pytest
from django.utils import translation

from base.models import Office
from pages.models import AccessibilityStatement
from tests.factories import ArticleFactory, AwardFactory

pytestmark = pytest.mark.django_db


def _extract(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return extruct.extract(
        response.content.decode(),
        base_url=f"http://testserver{url}",
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )


@pytest.fixture
def site():
    AccessibilityStatement.objects.update(contact_email="d@mlawa.pl", is_published=True)
    award = AwardFactory(title="Certyfikat Jakości", description="<p>Za pracę OSL.</p>")
    article = ArticleFactory(title="Dzień otwarty", lead="Zapraszamy w sobotę.")
    return {
        "home": "/",
        "news list": "/aktualnosci/",
        "article": article.get_absolute_url(),
        "awards list": "/wyroznienia/",
        "award": award.get_absolute_url(),
        "issuer": award.issuer.get_absolute_url(),
        "page": "/kontakt/",
        "statement": "/deklaracja-dostepnosci/",
    }


def test_every_page_kind_has_a_preview_with_its_own_description_and_an_image(
    client, site
):
    for kind, url in site.items():
        [og] = _extract(client, url)["opengraph"]
        assert og.get("og:title"), kind
        assert og.get("og:description"), kind
        assert og["og:description"] != og["og:title"], kind
        assert og.get("og:image", "").startswith("http://testserver/"), kind
        assert og.get("og:image:alt"), kind


def test_the_default_share_image_exists_and_the_logo_replaces_it(client, settings):
    from django.contrib.staticfiles import finders

    [og] = _extract(client, "/aktualnosci/")["opengraph"]
    assert og["og:image"].endswith("/static/img/udostepnianie.png")
    assert finders.find("img/udostepnianie.png")
    office = Office.current()
    from tests import samples

    office.logo = samples.jpeg("logo.jpg", size=(1200, 630))
    office.logo_alt = "Logo ośrodka"
    office.save()
    [og] = _extract(client, "/aktualnosci/")["opengraph"]
    assert "/media/site/" in og["og:image"]
    assert og["og:image:alt"] == "Logo ośrodka"


def test_news_article_has_googles_required_and_recommended_properties(client, site):
    data = _extract(client, site["article"])["json-ld"]
    [article] = [item for item in data if item["@type"] == "NewsArticle"]
    for key in ["headline", "image", "datePublished", "dateModified"]:
        assert article.get(key), key
    assert article["author"]["name"] and article["author"]["url"]
    assert article["publisher"]["name"]
    assert article["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert "." not in article["datePublished"].split("T")[1].split("+")[0]


def test_the_office_is_a_complete_government_organization(client):
    Office.objects.update(
        email="mops@mlawa.pl",
        bip_url="https://mopsmlawa.bip.gov.pl/",
        description="Pomagamy rodzinom w trudnej sytuacji.",
    )
    data = _extract(client, "/")["json-ld"]
    [office] = [item for item in data if item["@type"] == "GovernmentOrganization"]
    assert office["logo"].startswith("http://testserver/")
    assert office["email"] == "mops@mlawa.pl"
    assert office["sameAs"] == ["https://mopsmlawa.bip.gov.pl/"]
    assert office["description"] == "Pomagamy rodzinom w trudnej sytuacji."


def test_an_articles_photo_preview_says_its_size(client):
    from news.models import ArticleImage
    from tests import samples

    article = ArticleFactory(title="Zdjęcie", lead="Z sali.")
    ArticleImage.objects.create(
        article=article,
        image=samples.jpeg("sala.jpg", size=(1600, 1000)),
        alt_text="Sala",
        placement="main",
    )
    [og] = _extract(client, article.get_absolute_url())["opengraph"]
    assert "/media/" in og["og:image"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1600", "1000")


def test_a_page_showing_polish_text_under_another_language_says_polish(client):
    polish_only = ArticleFactory(title="Dyżur", slug="dyzur", lead="Do 13:00.")
    translated = ArticleFactory(
        title="Opał", slug="opal", lead="Zasiłek.", title_en="Fuel", lead_en="Aid."
    )
    with translation.override("en"):
        polish_address = polish_only.get_absolute_url()
        english_address = translated.get_absolute_url()
    [og] = _extract(client, polish_address)["opengraph"]
    assert og["og:locale"] == "pl_PL"
    [og] = _extract(client, english_address)["opengraph"]
    assert og["og:locale"] == "en_GB"
