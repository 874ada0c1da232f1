import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent.parent


def _start_django(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mops_site.settings", **env},
        capture_output=True,
        text=True,
    )


def test_production_start_fails_clearly_without_a_secret_key():
    result = _start_django(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="mops.example.pl")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_start_fails_clearly_without_allowed_hosts():
    result = _start_django(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_development_starts_with_no_configuration():
    assert _start_django(DJANGO_DEBUG="1").returncode == 0


@pytest.mark.django_db
def test_migrations_are_committed():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
