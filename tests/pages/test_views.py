import datetime
import re

import pytest
from django.core.exceptions import ValidationError

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
    assert "cc_lang_pref=pl&amp;hl=pl" in html
    # The Ukrainian page asks YouTube for Ukrainian captions and player texts.
    ukrainian = client.get("/uk/jezyk-migowy/").content.decode()
    assert "cc_lang_pref=uk&amp;hl=uk" in ukrainian


def test_hidden_pages_answer_404(client):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    assert client.get("/ukryta/").status_code == 404
    assert client.get("/nie-ma-takiej-strony/").status_code == 404


#: "Warunki techniczne … deklaracji dostępności", version 2.0 of 31 July 2024.
MANDATORY_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
]
CONDITIONAL_IDS = [
    "a11y-data-przeglad",
    "a11y-ocena",
    "a11y-aplikacje",
    "a11y-architektura-url",
]


def _published_statement(**values):
    statement = AccessibilityStatement.current()
    statement.contact_email = "dostepnosc@example.pl"
    statement.is_published = True
    statement.published_on = datetime.date(2026, 1, 15)
    statement.prepared_on = datetime.date(2026, 1, 20)
    statement.last_reviewed_on = datetime.date(2026, 1, 20)
    for name, value in values.items():
        setattr(statement, name, value)
    statement.save()
    return statement


def test_accessibility_statement_has_every_mandatory_id_of_version_2(client):
    _published_statement()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in MANDATORY_IDS:
        assert len(re.findall(f'id="{element_id}"', html)) == 1, element_id
    for element_id in CONDITIONAL_IDS:  # none of them applies yet
        assert f'id="{element_id}"' not in html, element_id
    assert (
        '<time id="a11y-data-publikacja" datetime="2026-01-15">15 stycznia 2026</time>'
        in html
    )
    assert '<span id="a11y-zakres">strony internetowej</span>' in html
    assert 'href="mailto:dostepnosc@example.pl"' in html
    assert "<strong>częściowo zgodna</strong>" in html
    assert "Rzecznika Praw Obywatelskich" in html
    assert "tłumacza polskiego języka migowego" in html  # the starter text


def test_conditional_ids_appear_when_they_apply(client):
    _published_statement(
        last_reviewed_on=datetime.date(2027, 3, 1),
        burden_assessment="<p>Ocena z 2026 r.</p>",
        mobile_apps="Ośrodek nie ma aplikacji mobilnych.",
        architecture_url="https://mops.example.pl/budynek/",
    )
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in MANDATORY_IDS + CONDITIONAL_IDS:
        assert len(re.findall(f'id="{element_id}"', html)) == 1, element_id
    assert '<time id="a11y-data-przeglad" datetime="2027-03-01">' in html


def test_a_statement_without_an_e_mail_is_not_published(client, publisher):
    statement = AccessibilityStatement.current()
    statement.contact_email = ""
    statement.is_published = True
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert [e.code for e in error.value.error_dict["contact_email"]] == [
        "required_to_publish"
    ]
    # as the migration left it: residents read that it is being prepared
    AccessibilityStatement.objects.update(contact_email="", is_published=False)
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert "jest w przygotowaniu" in html
    assert 'id="a11y-status"' not in html
    assert 'href="tel:236543560"' in html
    client.force_login(publisher)  # staff preview the whole statement
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'id="a11y-status"' in html and "Podgląd." in html


def test_the_statement_takes_the_offices_e_mail_and_phone_unless_it_has_its_own(
    client,
):
    from base.models import Office

    Office.objects.update(email="mops@mlawa.pl", phones=["23 654 35 60", "23 1"])
    AccessibilityStatement.objects.update(contact_email="", contact_phone="")
    statement = AccessibilityStatement.current()
    statement.is_published = True
    statement.clean()  # the office's e-mail is enough to publish
    statement.save()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'id="a11y-email" href="mailto:mops@mlawa.pl"' in html
    assert 'id="a11y-telefon" href="tel:236543560"' in html
    # A change of the office's e-mail reaches the statement (one fact).
    office = Office.current()
    office.email = "sekretariat@mlawa.pl"
    office.save()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'href="mailto:sekretariat@mlawa.pl"' in html
    # Its own address, when staff give one, wins.
    statement = AccessibilityStatement.current()
    statement.contact_email = "dostepnosc@mlawa.pl"
    statement.contact_phone = "23 654 00 99"
    statement.save()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'href="mailto:dostepnosc@mlawa.pl"' in html
    assert 'href="tel:236540099"' in html


def test_staff_preview_a_hidden_page_with_a_notice(client, publisher):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    client.force_login(publisher)
    html = client.get("/ukryta/").content.decode()
    assert "Ta strona jest ukryta przed mieszkańcami." in html
    assert "ukryta przed" not in client.get("/kontakt/").content.decode()
