import datetime

import pytest
from django.test import Client

from base.models import Notice

pytestmark = pytest.mark.django_db


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


def test_display_preferences_work_without_a_token_and_pages_set_no_cookie(client):

    strict = Client(enforce_csrf_checks=True)
    for path in ["/", "/aktualnosci/", "/kontakt/", "/wyroznienia/"]:
        assert not strict.get(path).cookies, path
    response = strict.post("/ustawienia/", {"kontrast": "1", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["kontrast"].value == "1"


def test_a_form_without_a_valid_token_gets_the_sites_own_page(client):

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/admin/login/",
        {"username": "x", "password": "y"},
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
    response = strict.post("/admin/login/", HTTP_REFERER="https://zly.example/")
    assert '<a href="/">Wróć do poprzedniej strony</a>' in response.content.decode()


@pytest.mark.django_db
def test_a_host_the_site_does_not_serve_gets_the_offices_400_with_every_header(
    client,
):
    response = client.get("/aktualnosci/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nieprawidłowe zapytanie" in html
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html
    assert "evil.example" not in html
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src" in response["Content-Security-Policy"]
    assert "X-Page-Cache" not in response


def test_an_office_copy_written_before_phones_were_separate_still_serves(settings):
    """The error pages' copy of the office from before the upgrade (one phone
    text) is read as separate numbers until the next save rewrites it."""
    import json

    from base.error_pages import office_snapshot, snapshot_path

    snapshot_path().parent.mkdir(parents=True, exist_ok=True)
    snapshot_path().write_text(
        json.dumps({"name": "MOPS", "phone": "23 654 35 60, 23 654 27 69"}),
        encoding="utf-8",
    )
    assert office_snapshot()["phones"] == ["23 654 35 60", "23 654 27 69"]
    assert office_snapshot()["name"] == "MOPS"


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("/aktualnosci/", True),
        ("/uk/novyny/?page=2", True),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
        ("https://evil.example/", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_a_redirect_goes_only_to_this_site(rf, target, kept):
    from base.views import safe_redirect

    request = rf.get("/")
    assert safe_redirect(request, target) == (target if kept else "/")
