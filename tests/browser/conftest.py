"""Browser tests: Playwright drives Debian's Chromium against the live server.

Without Chromium they are skipped on a developer's machine, but fail in CI
(CI=true), so a missing install step cannot hide behind a green run.
"""

import os
import shutil

import pytest
from django.test import Client

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
            # Browser tests run against the live server, so they commit; the rows
            # data migrations made (office, groups, pages, statement, categories)
            # come back after each one through Django's serialized rollback.
            marker = item.get_closest_marker("django_db")
            assert marker and marker.kwargs.get("serialized_rollback"), (
                f"{item.nodeid}: use django_db(transaction=True, "
                "serialized_rollback=True)"
            )


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the tests still
    # use the ORM synchronously, which Django would otherwise refuse.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """Django's serialized copy of the freshly migrated database, taken before
    the live server replaces the connection (which drops it)."""
    from django.db import connection

    return connection._test_serialized_contents


@pytest.fixture(autouse=True)
def required_rows(migrated_rows, transactional_db):
    """The rows data migrations made (office, pages, statement, categories): a
    flush after an earlier test empties them (post_migrate brings back only
    groups, permissions and the site), so they are put back from that copy."""
    from django.core import serializers

    from base.models import Office

    if Office.objects.exists():
        return
    missing = {"base.office", "pages.page", "pages.accessibilitystatement"}
    missing.add("news.category")
    for row in serializers.deserialize("json", migrated_rows):
        if row.object._meta.label_lower in missing:
            row.save()


class Problems(list):
    """Console errors, page errors and CSP refusals seen by a page."""

    def watch(self, page):
        page.on(
            "console",
            lambda message: message.type == "error" and self.append(message.text),
        )
        page.on("pageerror", lambda error: self.append(f"page error: {error}"))


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.problems = Problems()
    page.problems.watch(page)
    return page


@pytest.fixture
def log_in(context, live_server):
    """Log a user into the browser context through a real session cookie."""

    def log_in(user):
        from django.conf import settings

        client = Client()
        client.force_login(user)
        name = settings.SESSION_COOKIE_NAME  # "__Host-sessionid" as in production
        cookie = client.cookies[name]
        context.add_cookies(
            [
                {
                    "name": name,
                    "value": cookie.value,
                    "domain": "localhost",
                    "path": "/",
                    "secure": settings.SESSION_COOKIE_SECURE,
                    "httpOnly": True,
                }
            ]
        )

    return log_in
