"""Every public page kind passes the W3C Nu HTML Checker (vnu) with no error."""

import json
import subprocess

import pytest
from django.test import RequestFactory

from base.views import server_error
from tests.site_content import every_page_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client):
    """The saved HTML of every public page kind, with real content."""
    urls = every_page_kind()
    html = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code in {200, 404}, name
        html[name] = response.content
    html["500"] = server_error(RequestFactory().get("/")).content
    return html


def test_every_public_page_kind_is_valid_html(pages, vnu_jar, tmp_path):
    files = []
    for name, content in pages.items():
        path = tmp_path / (name.replace(" ", "-").replace("/", "") + ".html")
        path.write_bytes(content)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')[
        "messages"
    ]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
    assert len(files) >= 18


def test_the_checker_reports_an_invalid_datetime(vnu_jar, tmp_path):
    page = tmp_path / "zly.html"
    page.write_text(
        '<!DOCTYPE html><html lang="pl"><title>x</title>'
        '<time datetime="2026-03-29T10:15:07.123456+02:00">x</time></html>'
    )
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    messages = json.loads(result.stderr)["messages"]
    assert any("datetime" in m["message"] for m in messages)
