from io import StringIO

import pytest
from django.core.management import call_command

from news.demo import CAL_ARTICLE_SLUG, POLISH_ONLY_SLUG
from news.models import Article, Category

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_cal_article_once(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get(slug=CAL_ARTICLE_SLUG)
    assert Article.objects.count() == 2
    assert Category.objects.filter(slug="wyroznienia").count() == 1
    assert article.title == (
        "Miejski Ośrodek Pomocy Społecznej wyróżniony za wspieranie aktywności lokalnej"
    )
    assert article.category.name == "Wyróżnienia"
    assert article in Article.objects.published()
    page = client.get("/").content.decode()
    assert article.title in page
    detail = client.get(article.get_absolute_url()).content.decode()
    assert "<h2>Czym jest certyfikat Jakości CAL?</h2>" in detail
    assert "Grażyna Gnatowska" in detail
    assert "Serdecznie gratulujemy wyróżnienia!" in detail


def test_the_demo_has_the_cal_article_in_ukrainian_and_english_and_one_polish_only(
    client,
):
    call_command("load_demo", stdout=StringIO())
    ukrainian = client.get(
        "/uk/novyny/miskyi-tsentr-sotsialnoi-dopomohy-vidznachenyi-za-pidtrymku-"
        "mistsevoi-aktyvnosti/"
    ).content.decode()
    assert "<h2>Що таке Сертифікат якості CAL?</h2>" in ukrainian
    assert "Щиро вітаємо з відзнакою!" in ukrainian
    assert "translation-note" not in ukrainian
    english = client.get(
        "/en/news/municipal-social-welfare-centre-honoured-for-supporting-local-"
        "activity/"
    ).content.decode()
    assert "<h2>What is the CAL Quality Certificate?</h2>" in english
    award = client.get("/en/awards/cal-quality-certificate-2022-2026/").content
    assert "Local Activity Centre Quality Certificate" in award.decode()
    assert "valid until 31 December 2026" in award.decode() or "expired" in (
        award.decode()
    )
    fallback = client.get(f"/en/news/{POLISH_ONLY_SLUG}/").content.decode()
    assert "This page has no English version yet" in fallback
    assert '<h1 lang="pl">Dyżury pracowników socjalnych' in fallback


def test_load_demo_keeps_what_staff_edited():
    call_command("load_demo", stdout=StringIO())
    Article.objects.update(
        lead="Zmieniona przez pracownika zajawka.", lead_uk="Змінений анонс."
    )
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get(slug=CAL_ARTICLE_SLUG)
    assert article.lead == "Zmieniona przez pracownika zajawka."
    assert article.lead_uk == "Змінений анонс."


def test_load_demo_creates_the_cal_certificates_linked_to_the_article():
    from awards.models import Award, Issuer

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Issuer.objects.get().short_name == "CAL"
    current = Award.objects.get(slug="certyfikat-jakosci-cal-2022-2026")
    assert Award.objects.count() == 2
    assert current.validity_display == "2022–2026"
    assert current.presented_by == "Grażyna Gnatowska"
    assert current.occasion == "XXXVIII sesja Rady Miasta Mława"
    assert list(current.articles.all()) == [Article.objects.get(slug=CAL_ARTICLE_SLUG)]
    assert current.renewal_label == "odnowienie certyfikatu z 2011 r."
