"""The two-step login in Chromium, as a publisher meets it the first time and the
next: typed, not posted, with axe-core on each step's page."""

import re
import time
from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}


def _violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def _code(key, offset=0):
    totp = TOTP(b32decode(key))
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def _password_step(page, user):
    page.goto("/admin/")
    page.get_by_label("Nazwa użytkownika").fill(user.username)
    page.get_by_label("Hasło").fill("hasło-testowe-123")
    page.get_by_role("button", name="Zaloguj się").click()


def test_a_publisher_connects_a_phone_then_logs_in_with_a_code(
    page, publisher, settings
):
    settings.ADMIN_TWO_FACTOR_REQUIRED = True
    publisher.set_password("hasło-testowe-123")
    publisher.save()

    _password_step(page, publisher)
    page.wait_for_url(re.compile(r"/admin/dwuetapowa/konfiguracja/"))
    assert page.locator(".two-factor-qr svg").is_visible()
    assert _violations(page) == []
    key = page.locator(".two-factor-key").inner_text().replace(" ", "")
    page.get_by_label("Kod z aplikacji").fill(_code(key))
    page.get_by_role("button", name="Włącz weryfikację").click()
    codes = page.locator(".two-factor-codes code").all_inner_texts()
    assert len(codes) == 10
    assert _violations(page) == []
    page.get_by_role("link", name="Kody zapisane, przejdź dalej").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.get_by_role("link", name="Weryfikacja dwuetapowa").is_visible()

    page.get_by_role("button", name="Wyloguj").click()
    _password_step(page, publisher)
    page.wait_for_url(re.compile(r"/admin/dwuetapowa/kod/"))
    assert _violations(page) == []
    # Nothing of the panel is reachable between the two steps.
    assert page.locator("#nav-sidebar").count() == 0
    page.get_by_label("Kod z aplikacji albo kod zapasowy").fill(_code(key, 30))
    page.get_by_role("button", name="Potwierdź").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.get_by_role("heading", name="Zarządzanie treścią strony").is_visible()
    assert page.problems == []
