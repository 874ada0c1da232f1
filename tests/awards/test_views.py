import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_today(time_machine):
    time_machine.move_to(TODAY, tick=False)


def test_list_shows_valid_awards_first_then_the_archive(client):
    expired = AwardFactory(
        title="Stary certyfikat", valid_from=D(2011, 1, 1), valid_until=D(2015, 12, 31)
    )
    older_valid = AwardFactory(
        title="Nagroda bezterminowa",
        kind="award",
        open_ended=True,
        valid_from=D(2018, 1, 1),
    )
    newest_valid = AwardFactory(title="Nowy certyfikat", valid_from=D(2022, 1, 1))
    AwardFactory(title="Ukryty", hidden=True)
    response = client.get("/wyroznienia/")
    assert response.status_code == 200
    assert list(response.context["current_awards"]) == [newest_valid, older_valid]
    assert list(response.context["archived_awards"]) == [expired]
    html = response.content.decode()
    assert (
        html.index("Nowy certyfikat")
        < html.index("Archiwum")
        < html.index("Stary certyfikat")
    )
    assert "Ukryty" not in html
    assert "ważny do 31 grudnia 2026" in html
    assert "wygasł" in html
    assert "2011–2015" in html


def test_award_list_query_count_does_not_grow(client):
    AwardFactory()
    with CaptureQueriesContext(connection) as one:
        client.get("/wyroznienia/")
    AwardFactory.create_batch(5)
    AwardFactory.create_batch(3, valid_from=D(2010, 1, 1), valid_until=D(2012, 12, 31))
    with CaptureQueriesContext(connection) as nine:
        client.get("/wyroznienia/")
    assert len(one) == len(nine)


def test_detail_shows_everything_about_an_award(client):
    issuer = IssuerFactory(
        name="Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL",
        short_name="CAL",
        website="https://www.cal.org.pl/",
    )
    first = AwardFactory(
        issuer=issuer,
        valid_from=D(2011, 6, 28),
        valid_until=D(2022, 3, 28),
        awarded_on=D(2011, 6, 28),
    )
    article = ArticleFactory(title="MOPS wyróżniony")
    draft = ArticleFactory(title="Szkic o certyfikacie", draft=True)
    award = AwardFactory(
        issuer=issuer,
        renews=first,
        presented_by="Grażyna Gnatowska",
        presenter_role="Wiceprezes Stowarzyszenia CAL",
        occasion="XXXVIII sesja Rady Miasta Mława",
        awarded_on=D(2022, 3, 29),
        description="<p>Za organizowanie społeczności lokalnej.</p>",
    )
    award.articles.add(article, draft)
    response = client.get(award.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        issuer.name,
        'href="/wyroznienia/przyznajacy/',
        "Grażyna Gnatowska, Wiceprezes Stowarzyszenia CAL",
        "XXXVIII sesja Rady Miasta Mława",
        "29 marca 2022",
        "2022–2026",
        "ważny do 31 grudnia 2026",
        "<p>Za organizowanie społeczności lokalnej.</p>",
        "Odnowienie certyfikatu z 2011 r.",
        f'href="{article.get_absolute_url()}"',
        f'href="{first.get_absolute_url()}"',
    ]:
        assert text in html, text
    assert "Szkic o certyfikacie" not in html


def test_hidden_awards_answer_404_to_the_public(client):
    hidden = AwardFactory(hidden=True)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/wyroznienia/nie-ma-takiego/").status_code == 404


def test_a_pdf_scan_is_a_download_link_with_its_size(client):
    award = AwardFactory(
        document=SimpleUploadedFile("skan.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    )
    html = client.get(award.get_absolute_url()).content.decode()
    assert "(PDF, 2,0\xa0KB)" in html
    assert "download" in html


def test_an_article_shows_badges_of_the_awards_it_announced(client):
    article = ArticleFactory()
    award = AwardFactory(title="Certyfikat CAL")
    award.articles.add(article)
    AwardFactory(title="Ukryty certyfikat", hidden=True).articles.add(article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{award.get_absolute_url()}"' in html
    assert "Certyfikat CAL (2022–2026)" in html
    assert "Ukryty certyfikat" not in html


def test_home_shows_currently_valid_awards_only(client):
    AwardFactory(title="Aktualny certyfikat")
    AwardFactory(
        title="Wygasły certyfikat",
        valid_from=D(2011, 1, 1),
        valid_until=D(2015, 12, 31),
    )
    AwardFactory(
        title="Przyszły certyfikat",
        valid_from=D(2027, 1, 1),
        valid_until=D(2030, 12, 31),
    )
    html = client.get("/").content.decode()
    assert "Aktualny certyfikat" in html
    assert "Wygasły certyfikat" not in html
    assert "Przyszły certyfikat" not in html


def test_issuer_page_lists_its_public_awards(client):
    award = AwardFactory(title="Widoczny")
    AwardFactory(
        title="Niewidoczny", issuer=award.issuer, hidden=True, valid_from=D(2020, 1, 1)
    )
    html = client.get(award.issuer.get_absolute_url()).content.decode()
    assert "Widoczny" in html and "Niewidoczny" not in html


def test_staff_preview_a_hidden_award_with_a_notice(client, publisher):
    hidden = AwardFactory(hidden=True)
    client.force_login(publisher)
    html = client.get(hidden.get_absolute_url()).content.decode()
    assert "To wyróżnienie jest ukryte przed mieszkańcami." in html
