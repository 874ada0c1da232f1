"""Browser tests: Playwright drives Debian's Chromium against the live server.

Without Chromium they are skipped on a developer's machine, but fail in CI
(CI=true), so a missing install step cannot hide behind a green run.
"""

import importlib
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


REQUIRED_ROWS = [
    "news.migrations.0002_office_and_staff_groups",
    "news.migrations.0005_required_pages",
]


@pytest.fixture(autouse=True)
def required_rows(transactional_db):
    """The rows data migrations make (the office, groups, required pages, the
    accessibility statement): a transactional test starts from an emptied
    database, so they are made again, by the migrations' own functions."""
    from django.apps import apps
    from django.core.management.sql import emit_post_migrate_signal

    for module in REQUIRED_ROWS:
        importlib.import_module(module).create(apps, None)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


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
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        context.add_cookies(
            [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
        )

    return log_in
