"""docker-compose.yml, the Dockerfile and `check --deploy`, read as the office's
admin would run them (no Docker engine here, so they are parsed, not run)."""

import os
import re
import secrets
import subprocess
import sys

import pytest
import yaml
from django.test import Client

from tests.deployment.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
ENV_EXAMPLE = dict(
    line.split("=", 1)
    for line in (ROOT / ".env.example").read_text().splitlines()
    if line and not line.startswith("#")
)


def _always_on():
    return {
        name: service
        for name, service in COMPOSE["services"].items()
        if not service.get("profiles")
    }


def test_compose_has_the_four_services():
    assert set(_always_on()) == {"db", "redis", "web", "nginx"}
    assert COMPOSE["services"]["db"]["image"].startswith("postgres:17")
    assert COMPOSE["services"]["backup"]["profiles"] == ["tools"]


def test_compose_health_checks_and_start_order():
    services = COMPOSE["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["web"]["healthcheck"]["test"] == [
        "CMD",
        "python",
        "deploy/healthcheck.py",
    ]
    assert services["web"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        # The site serves (uncached) without Redis: it need not wait for it.
        "redis": {"condition": "service_started"},
    }
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    assert services["nginx"]["depends_on"] == {"web": {"condition": "service_healthy"}}
    for service in _always_on().values():
        assert service["restart"] == "unless-stopped"


def test_compose_redis_is_the_page_cache_and_keeps_nothing_on_disk():
    redis = COMPOSE["services"]["redis"]
    command = redis["command"]
    assert command[command.index("--save") + 1] == ""
    assert command[command.index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert "volumes" not in redis
    web = COMPOSE["services"]["web"]["environment"]
    assert web["REDIS_URL"] == "redis://redis:6379/0"


def test_compose_keeps_data_in_named_volumes():
    assert set(COMPOSE["volumes"]) == {"pgdata", "media"}
    assert "pgdata:/var/lib/postgresql/data" in COMPOSE["services"]["db"]["volumes"]
    assert "media:/app/media" in COMPOSE["services"]["web"]["volumes"]
    assert "media:/app/media:ro" in COMPOSE["services"]["nginx"]["volumes"]


def test_only_nginx_publishes_a_port():
    published = {name for name, s in COMPOSE["services"].items() if s.get("ports")}
    assert published == {"nginx"}
    assert COMPOSE["services"]["nginx"]["ports"] == ["${HTTP_PORT}:80"]


def test_every_compose_variable_is_in_env_example():
    lines = (ROOT / "docker-compose.yml").read_text().splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    used = set(re.findall(r"(?<!\$)\$\{(\w+)", text))
    assert used, "the file uses variables"
    assert used - set(ENV_EXAMPLE) == set()


def test_no_secret_is_written_in_compose():
    text = (ROOT / "docker-compose.yml").read_text().lower()
    assert "password:" not in text.replace(
        "postgres_password: ${postgres_password}", ""
    )
    assert (
        ENV_EXAMPLE["DJANGO_SECRET_KEY"] == ""
        and ENV_EXAMPLE["POSTGRES_PASSWORD"] == ""
    )


def test_nginx_limits_uploads_and_serves_media():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "client_max_body_size 32m;" in conf
    assert "location /media/" in conf and "alias /app/media/;" in conf
    assert "gzip on;" in conf
    assert "proxy_set_header X-Forwarded-Proto" in conf


def test_dockerfile_builds_in_two_stages_and_runs_unprivileged():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.count("FROM python:3.11-slim") == 2
    assert "USER app" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    assert "HEALTHCHECK" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in [".venv", "db.sqlite3", "media", ".env", "backups"]:
        assert entry in ignored


def test_check_deploy_has_no_warnings_with_the_example_environment():
    env = {key: value for key, value in ENV_EXAMPLE.items()}
    # As .env.example tells the admin to do: a generated secret.
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    env.pop("DATABASE_URL")  # no server needed to check settings
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_admin_address_is_configurable():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse;"
            "print(reverse('admin:index'))",
        ],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "mops_site.settings",
            "DJANGO_DEBUG": "1",
            "DJANGO_ADMIN_URL": "panel-7f3a/",
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "/panel-7f3a/"


@pytest.mark.django_db
def test_repeated_failed_logins_are_locked_out_in_polish(admin_user):
    client = Client()
    for _ in range(4):
        response = client.post(
            "/admin/login/", {"username": "admin", "password": "złe"}
        )
        assert response.status_code == 200
        assert "Wprowadź poprawne dane" in response.content.decode()
    fifth = client.post("/admin/login/", {"username": "admin", "password": "złe"})
    assert fifth.status_code == 429
    locked = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Konto zablokowane: zbyt wiele nieudanych prób logowania (5)" in html
    assert "Spróbuj ponownie za około 15 minut." in html
    # Even the right password waits for the lock-out to pass.
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_successful_login_is_not_blocked(admin_user):
    client = Client()
    client.post("/admin/login/", {"username": "admin", "password": "złe"})
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "password"}
    )
    assert response.status_code == 302


def test_healthz_with_the_test_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_the_image_collects_static_files_with_debug_off():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "DJANGO_DEBUG=0" in dockerfile
    assert dockerfile.index("DJANGO_DEBUG=0") < dockerfile.index("collectstatic")


def test_manage_py_needs_no_configuration_but_gunicorn_does():
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "mops_site.settings"}
    manage = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
    )
    assert manage.returncode == 0, manage.stderr
    wsgi = subprocess.run(
        [sys.executable, "-c", "import mops_site.wsgi"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
    )
    assert wsgi.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in wsgi.stderr


def test_every_service_rotates_its_logs():
    services = COMPOSE["services"]
    for name, service in services.items():
        logging = service.get("logging", {})
        assert logging.get("driver") == "json-file", name
        assert logging["options"]["max-size"] and logging["options"]["max-file"], name


def _settings_with(**env):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings;"
            "print(settings.ADMIN_TWO_FACTOR_REQUIRED, settings.ADMIN_ALLOWED_NETWORKS)",
        ],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "mops_site.settings",
            "DJANGO_DEBUG": "1",
            **env,
        },
        capture_output=True,
        text=True,
    )


def test_two_factor_is_required_unless_turned_off_and_networks_are_checked():
    assert _settings_with().stdout.strip() == "True []"
    assert _settings_with(DJANGO_ADMIN_2FA_REQUIRED="0").stdout.startswith("False")
    listed = _settings_with(DJANGO_ADMIN_ALLOWED_NETWORKS="192.168.10.0/24, 10.8.0.1")
    assert "IPv4Network('192.168.10.0/24')" in listed.stdout
    assert "IPv4Network('10.8.0.1/32')" in listed.stdout
    wrong = _settings_with(DJANGO_ADMIN_ALLOWED_NETWORKS="192.168.10.0/24, biuro")
    assert wrong.returncode != 0
    assert "'biuro' is not an address or a network" in wrong.stderr


def _admin_access(**env):
    return subprocess.run(
        ["sh", ROOT / "deploy/nginx-admin-access.sh", "/dev/stdout"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_nginx_gets_the_same_admin_address_and_networks():
    everyone = _admin_access()
    assert "default 1;" in everyone and '"~^0:/admin/" 1;' in everyone
    office = _admin_access(
        DJANGO_ADMIN_URL="/panel.mops/",
        DJANGO_ADMIN_ALLOWED_NETWORKS="192.168.10.0/24, 10.8.0.1",
    )
    assert "default 0;" in office
    assert "192.168.10.0/24 1;" in office and "10.8.0.1 1;" in office
    assert '"~^0:/panel\\.mops/" 1;' in office  # the dot is not "any character"
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "nginx-admin-access.sh:/docker-entrypoint.d/" in compose
    assert os.access(ROOT / "deploy/nginx-admin-access.sh", os.X_OK)
