import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from base.models import Notice, Office
from pages.models import AccessibilityStatement, Page
from tests.factories import ArticleFactory

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


def _codes(error, field):
    return [e.code for e in error.value.error_dict[field]]


def test_only_youtube_videos_are_accepted():
    page = Page(title="Film", slug="film", video_url="https://example.com/film.mp4")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "video_url") == ["not_youtube"]


@pytest.mark.parametrize(
    "slug",
    [
        "aktualnosci",
        "wyroznienia",
        "szukaj",
        "deklaracja-dostepnosci",
        "ustawienia",
        "admin",
        "healthz",
        "static",
        "media",
    ],
)
def test_a_page_cannot_take_an_address_the_site_uses(slug):
    page = Page(title="Strona", slug=slug)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "slug") == ["reserved_slug"]


def test_the_reserved_addresses_come_from_the_urls_not_a_list(settings):
    page = Page(title="Projekty", slug="projekty")
    page.full_clean()  # free today
    settings.ROOT_URLCONF = "tests.urls_with_a_new_section"
    with pytest.raises(ValidationError) as error:
        page.full_clean()  # taken once a section answers there
    assert _codes(error, "slug") == ["reserved_slug"]


def test_hidden_pages_answer_404(client):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    assert client.get("/ukryta/").status_code == 404
    assert client.get("/nie-ma-takiej-strony/").status_code == 404


def test_page_body_is_cleaned_on_create():
    page = Page.objects.create(
        title="X", slug="x", body='<p onmouseover="x()">a</p><script>x()</script>'
    )
    assert page.body == "<p>a</p>"


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


def test_statement_review_reminder_in_the_admin(client, publisher, time_machine):
    statement = AccessibilityStatement.current()
    statement.last_reviewed_on = datetime.date(2025, 3, 1)
    statement.save()
    client.force_login(publisher)
    time_machine.move_to(
        datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), tick=False
    )
    assert "termin upływa 31.03.2026" in client.get("/admin/").content.decode()
    time_machine.move_to(
        datetime.datetime(2026, 4, 2, 12, tzinfo=datetime.UTC), tick=False
    )
    assert "termin minął 31.03.2026" in client.get("/admin/").content.decode()
    statement.last_reviewed_on = datetime.date(2026, 3, 20)
    statement.save()
    assert "Deklaracja dostępności wymaga" not in client.get("/admin/").content.decode()


def test_statement_needs_inaccessible_content_unless_compliant():
    statement = AccessibilityStatement.current()
    statement.contact_email = "dostepnosc@example.pl"
    statement.site_url = "https://mops.example.pl/"
    statement.inaccessible_content = ""
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert _codes(error, "inaccessible_content") == ["inaccessible_content_missing"]
    statement.status = AccessibilityStatement.Status.COMPLIANT
    statement.full_clean()


def test_a_notice_shows_on_every_page_only_within_its_window(client, time_machine):
    start = datetime.datetime(2026, 1, 10, 8, tzinfo=datetime.UTC)
    Notice.objects.create(
        text="Gorący posiłek przy mrozie poniżej −10°C",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=3),
    )
    time_machine.move_to(start - datetime.timedelta(minutes=1), tick=False)
    assert "Gorący posiłek" not in client.get("/").content.decode()
    time_machine.move_to(start, tick=False)
    for url in ["/", "/aktualnosci/", "/kontakt/", "/wyroznienia/", "/szukaj/"]:
        assert "Gorący posiłek przy mrozie" in client.get(url).content.decode(), url
    time_machine.move_to(start + datetime.timedelta(days=3), tick=False)
    assert "Gorący posiłek" not in client.get("/").content.decode()


def test_display_preferences_are_remembered_without_javascript(client):
    response = client.post("/ustawienia/", {"kontrast": "1", "next": "/aktualnosci/"})
    assert response.status_code == 302 and response["Location"] == "/aktualnosci/"
    html = client.get("/kontakt/").content.decode()
    assert '<html lang="pl" class="high-contrast">' in html
    assert "Wyłącz wysoki kontrast" in html
    client.post("/ustawienia/", {"tekst": "larger", "next": "/"})
    assert (
        '<html lang="pl" class="text-larger high-contrast">'
        in client.get("/").content.decode()
    )
    client.post("/ustawienia/", {"tekst": "normal", "kontrast": "0"})
    assert '<html lang="pl">' in client.get("/").content.decode()


def test_display_preferences_refuse_odd_values_and_foreign_redirects(client):
    response = client.post(
        "/ustawienia/", {"tekst": "huge", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert "tekst" not in response.cookies
    client.cookies["tekst"] = "<script>"
    assert '<html lang="pl">' in client.get("/").content.decode()
    assert client.get("/ustawienia/").status_code == 405


def test_display_preferences_need_the_csrf_token():
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post("/ustawienia/", {"kontrast": "1"}).status_code == 403


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
    office.phone = "23 600 11 22"
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


def test_a_form_without_a_valid_token_gets_the_sites_own_page(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/ustawienia/",
        {"tekst": "large", "next": "/"},
        HTTP_REFERER="http://testserver/aktualnosci/",
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Formularz wygasł</h1>" in html
    assert (
        '<a href="http://testserver/aktualnosci/">Wróć do poprzedniej strony</a>'
        in html
    )
    assert "CSRF" not in html
    # a foreign referrer is not offered as the way back
    response = strict.post("/ustawienia/", HTTP_REFERER="https://zly.example/")
    assert '<a href="/">Wróć do poprzedniej strony</a>' in response.content.decode()


def test_article_page_has_social_and_structured_metadata(client):
    article = ArticleFactory(title="Dyżur świąteczny", lead="Ośrodek czynny do 12:00.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Dyżur świąteczny – MOPS Mława</title>" in html
    assert '<meta name="description" content="Ośrodek czynny do 12:00.">' in html
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">'
        in html
    )
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Dyżur świąteczny">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Dyżur świąteczny"
    assert data["mainEntityOfPage"] == f"http://testserver{article.get_absolute_url()}"


def test_home_describes_the_office_as_an_organization(client):
    html = client.get("/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "GovernmentOrganization"
    assert data["address"]["addressLocality"] == "Mława"


def test_json_ld_cannot_be_broken_out_of(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "\\u003C/script\\u003E" in html


def test_canonical_keeps_only_the_page_number(client):
    ArticleFactory.create_batch(11)
    html = client.get(
        "/aktualnosci/", {"page": "2", "utm_source": "x"}
    ).content.decode()
    assert '<link rel="canonical" href="http://testserver/aktualnosci/?page=2">' in html


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
        "/" + "a" * 3000 + "/",
        "/media/../../etc/passwd",
        "/static/../settings.py",
    ],
)
def test_odd_urls_never_answer_500(client, url):
    assert client.get(url).status_code in {200, 301, 302, 400, 404}


def test_the_admin_asks_for_missing_office_contact_data(client, publisher):
    client.force_login(publisher)
    html = client.get("/admin/").content.decode()
    for missing in ["e-mail ośrodka", "adres BIP", "e-mail inspektora ochrony"]:
        assert f"Uzupełnij dane instytucji: {missing}" in html
    assert "Deklaracja dostępności nie ma adresu e-mail do kontaktu." in html
    Office.objects.update(
        email="a@example.pl",
        bip_url="https://bip.example.pl/",
        dpo_email="i@example.pl",
        dpo_name="Jan Nowak",
    )
    AccessibilityStatement.objects.update(contact_email="d@example.pl")
    html = client.get("/admin/").content.decode()
    assert "Uzupełnij dane instytucji" not in html
    assert "nie ma adresu e-mail" not in html


def test_the_statement_points_at_the_configured_site(settings):
    assert (
        AccessibilityStatement.current().site_url == f"https://{settings.SITE_DOMAIN}/"
    )


def test_staff_preview_a_hidden_page_with_a_notice(client, publisher):
    Page.objects.create(title="Ukryta", slug="ukryta", is_public=False)
    client.force_login(publisher)
    html = client.get("/ukryta/").content.decode()
    assert "Ta strona jest ukryta przed mieszkańcami." in html
    assert "ukryta przed" not in client.get("/kontakt/").content.decode()
