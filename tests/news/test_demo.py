from io import StringIO

import pytest
from django.core.management import call_command

from news.models import Article, Category

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_cal_article_once(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get()
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


def test_load_demo_keeps_what_staff_edited():
    call_command("load_demo", stdout=StringIO())
    Article.objects.update(lead="Zmieniona przez pracownika zajawka.")
    call_command("load_demo", stdout=StringIO())
    assert Article.objects.get().lead == "Zmieniona przez pracownika zajawka."


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
    assert list(current.articles.all()) == [Article.objects.get()]
    assert current.renewal_label == "odnowienie certyfikatu z 2011 r."
