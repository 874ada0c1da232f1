"""The production set-up outside Docker: the entrypoint, gunicorn, PostgreSQL."""

import re

import pytest

from tests.deployment.conftest import get, wait_for_status


def test_healthz_answers_200_and_is_never_cached(gunicorn):
    status, headers, body = get(gunicorn.url + "/healthz")
    assert (status, body) == (200, b"ok\n")
    assert (
        "no-cache" in headers["Cache-Control"]
        and "max-age=0" in headers["Cache-Control"]
    )


def test_healthz_needs_no_https_but_the_site_does(gunicorn):
    assert get(gunicorn.url + "/healthz", proto="http")[0] == 200
    status, headers, _ = get(gunicorn.url + "/", proto="http")
    assert status == 301
    assert headers["Location"] == "https://mops.example.pl/"


def test_the_home_page_renders_with_its_css_served_by_whitenoise(gunicorn):
    status, headers, body = get(gunicorn.url + "/")
    assert status == 200
    html = body.decode()
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the page links the hashed stylesheet"
    status, headers, css = get(gunicorn.url + stylesheet[1])
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "max-age=315360000" in headers["Cache-Control"]
    assert b"--accent" in css


def test_security_headers_on_a_public_page(gunicorn):
    status, headers, _ = get(gunicorn.url + "/aktualnosci/")
    assert status == 200
    assert headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    policy = headers["Content-Security-Policy"]
    script_src = next(
        d for d in policy.split(";") if d.strip().startswith("script-src")
    )
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_anonymous_pages_set_no_cookie_and_forms_get_host_only_ones(gunicorn):
    for path in ["/", "/aktualnosci/", "/kontakt/", "/szukaj/?q=zasilek"]:
        assert "Set-Cookie" not in get(gunicorn.url + path)[1], path
    _, headers, _ = get(gunicorn.url + "/admin/login/")
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("__Host-csrftoken=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie


def test_unknown_hosts_are_refused(gunicorn):
    assert get(gunicorn.url + "/", host="evil.example")[0] == 400


def test_the_app_survives_a_database_restart(gunicorn, postgres_server):
    wait_for_status(gunicorn.url + "/healthz", 200)
    postgres_server.stop()
    try:
        wait_for_status(gunicorn.url + "/healthz", 503, seconds=30)
        assert get(gunicorn.url + "/aktualnosci/")[0] == 500
    finally:
        postgres_server.start()
    wait_for_status(gunicorn.url + "/healthz", 200, seconds=30)
    status, _, body = get(gunicorn.url + "/aktualnosci/")
    assert status == 200 and "Aktualności" in body.decode()
    assert gunicorn.process.poll() is None  # the same gunicorn, never restarted


@pytest.mark.parametrize("path", ["/", "/aktualnosci/", "/wyroznienia/", "/kontakt/"])
def test_main_pages_answer_200_in_production(gunicorn, path):
    assert get(gunicorn.url + path)[0] == 200
