import datetime
import re

import pytest

from base.models import Office
from pages.models import AccessibilityStatement, Page

pytestmark = pytest.mark.django_db

REQUIRED_PAGES = {
    "o-nas": "O nas",
    "kontakt": "Kontakt",
    "ochrona-danych-osobowych": "Ochrona danych osobowych",
    "tekst-latwy-do-czytania": "Informacje w tekście łatwym do czytania",
    "jezyk-migowy": "Informacje w polskim języku migowym",
}


@pytest.mark.parametrize(("slug", "title"), REQUIRED_PAGES.items())
def test_required_pages_exist_and_are_linked_from_the_footer(client, slug, title):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()
    home = client.get("/").content.decode()
    assert f'<a href="/{slug}/">{title}</a>' in home


def test_footer_links_bip_and_the_accessibility_statement(client):
    Office.objects.update(bip_url="https://bip.example.pl/")
    html = client.get("/aktualnosci/").content.decode()
    assert '<a href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in html
    assert (
        '<a href="https://bip.example.pl/">Biuletyn Informacji Publicznej (BIP)</a>'
        in html
    )
    assert (
        '<meta name="deklaracja-dostępności" content="http://testserver/deklaracja-dostepnosci/">'
        in html
    )


def test_contact_page_shows_the_office_record_and_a_map_link(client):
    office = Office.current()
    office.office_hours = "poniedziałek: 7:30–17:00\nwtorek–piątek: 7:30–15:30"
    office.save()
    html = client.get("/kontakt/").content.decode()
    assert "ul. Narutowicza 6, 06-500 Mława" in html
    assert 'href="tel:236543560"' in html
    assert "poniedziałek: 7:30–17:00" in html
    assert (
        "https://www.openstreetmap.org/search?query=ul.+Narutowicza+6%2C+06-500+M%C5%82awa"
        in html
    )


def test_privacy_page_names_the_controller_and_the_dpo(client):
    office = Office.current()
    office.dpo_name, office.dpo_email = "Jan Kowalski", "iod@example.pl"
    office.save()
    html = client.get("/ochrona-danych-osobowych/").content.decode()
    assert (
        "Administratorem Twoich danych osobowych jest Miejski Ośrodek Pomocy Społecznej w Mławie"
        in html
    )
    assert 'href="mailto:iod@example.pl"' in html and "Jan Kowalski" in html
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in html


def test_a_sign_language_video_loads_only_on_request(client):
    page = Page.objects.get(slug="jezyk-migowy")
    page.video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    page.video_title = "Informacja o ośrodku w PJM"
    page.full_clean()
    page.save()
    html = client.get("/jezyk-migowy/").content.decode()
    assert "<iframe" not in html  # nothing from YouTube until the resident asks
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert (
        'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?cc_load_policy=1'
        in html
    )
    assert "/static/js/video.js" in html


def test_hidden_pages_answer_404(client):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    assert client.get("/ukryta/").status_code == 404
    assert client.get("/nie-ma-takiej-strony/").status_code == 404


def test_accessibility_statement_has_the_prescribed_ids_and_dates(client):
    statement = AccessibilityStatement.current()
    statement.contact_email = "dostepnosc@example.pl"
    statement.published_on = datetime.date(2026, 1, 15)
    statement.last_reviewed_on = datetime.date(2026, 3, 2)
    statement.save()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in [
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
    ]:
        assert len(re.findall(f'id="{element_id}"', html)) == 1, element_id
    assert (
        '<time id="a11y-data-publikacja" datetime="2026-01-15">15 stycznia 2026</time>'
        in html
    )
    assert "<strong>częściowo zgodna</strong>" in html
    assert "Rzecznika Praw Obywatelskich" in html


def test_staff_preview_a_hidden_page_with_a_notice(client, publisher):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    client.force_login(publisher)
    html = client.get("/ukryta/").content.decode()
    assert "Ta strona jest ukryta przed mieszkańcami." in html
    assert "ukryta przed" not in client.get("/kontakt/").content.decode()
