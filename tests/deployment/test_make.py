"""The two commands of the README, as make runs them."""

import subprocess
from pathlib import Path

import pytest
from django.contrib.sites.models import Site

from base.apps import _sync_site_domain
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parent.parent.parent


def test_make_run_gives_every_step_the_address_it_serves():
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=127.0.0.1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    steps = [line for line in plan.splitlines() if "manage.py" in line]
    assert any("migrate" in step for step in steps)
    assert any("runserver 127.0.0.1:8123" in step for step in steps)
    for step in steps:
        assert "DJANGO_SITE_DOMAIN=127.0.0.1:8123" in step, step


@pytest.mark.django_db
def test_view_on_site_stays_on_the_host_the_panel_is_open_on(client, publisher):
    article = ArticleFactory()
    client.force_login(publisher)
    change = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert f'href="{article.get_absolute_url()}" class="viewsitelink"' in change


@pytest.mark.django_db
def test_the_site_domain_follows_the_configured_address(settings):
    settings.SITE_DOMAIN = "127.0.0.1:8123"
    _sync_site_domain(sender=None)
    Site.objects.clear_cache()
    assert Site.objects.get_current().domain == "127.0.0.1:8123"
