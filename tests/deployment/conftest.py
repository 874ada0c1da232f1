"""A private PostgreSQL server for the production tests, and gunicorn started by
the real entrypoint script, outside Docker (there is no Docker engine here).

The server is this machine's PostgreSQL binaries running a throw-away cluster on
a free port, so a test may stop and start it without touching anything else.
Without the binaries the tests are skipped locally and fail in CI (CI=true).
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _missing(message):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(command):
    """Run as the postgres user when we are root (initdb refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class PostgresServer:
    bindir: str
    data: str
    port: int

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def ctl(self, *args):
        subprocess.run(
            _as_postgres([f"{self.bindir}/pg_ctl", "-D", self.data, "-w", *args]),
            check=True,
            capture_output=True,
        )

    def start(self):
        options = (
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        )
        self.ctl("-o", options, "-l", f"{self.data}/server.log", "start")

    def stop(self):
        self.ctl("-m", "fast", "stop")

    def create_database(self, name):
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def psql(self, sql, database="postgres"):
        result = subprocess.run(
            [f"{self.bindir}/psql", "-Atq", "-d", self.url(database), "-c", sql],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()


@pytest.fixture(scope="session")
def postgres_server():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        _missing("PostgreSQL server binaries not found (apt-get install postgresql)")
    bindir = os.path.dirname(found[-1])
    data = tempfile.mkdtemp(prefix="mops-pg-")
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            [
                f"{bindir}/initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    server = PostgresServer(bindir=bindir, data=data, port=free_port())
    server.start()
    yield server
    with contextlib.suppress(subprocess.CalledProcessError):
        server.ctl("-m", "immediate", "stop")
    shutil.rmtree(data, ignore_errors=True)


def production_env(**extra):
    """The environment of a production container, outside Docker."""
    venv_bin = os.path.dirname(sys.executable)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "GUNICORN_", "PYTEST"))
    }
    env.update(
        PATH=f"{venv_bin}:{env.get('PATH', '')}",
        PYTHON=sys.executable,
        DJANGO_SETTINGS_MODULE="mops_site.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="production-test-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="mops.example.pl",
    )
    env.update(extra)
    return env


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def get(url, host="mops.example.pl", proto="https"):
    """GET through "the proxy": the Host and X-Forwarded-Proto nginx would send.
    Redirects are returned, not followed."""
    request = urllib.request.Request(
        url, headers={"Host": host, "X-Forwarded-Proto": proto}
    )
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for_status(url, status, seconds=60):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = get(url)[0]
            if last == status:
                return
        except OSError as error:
            last = error
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer {status} in {seconds}s (last: {last})")


@dataclass
class Gunicorn:
    url: str
    process: subprocess.Popen
    env: dict


@contextlib.contextmanager
def running_site(postgres_server, tmp_path_factory, database=None, **extra):
    """The entrypoint script (waits for the database, migrates, runs gunicorn)
    on a fresh database (or ``database``) and a free port, as the container
    runs it."""
    database = database or postgres_server.create_database(f"mops_{free_port()}")
    static_root = tmp_path_factory.mktemp("static")
    port = free_port()
    env = production_env(
        DATABASE_URL=database,
        DJANGO_STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        # A short-lived connection keeps the restart test quick and realistic.
        DJANGO_CONN_MAX_AGE="60",
        **extra,
    )
    # As the Docker build does.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with open(tmp_path_factory.mktemp("log") / "gunicorn.log", "w+") as log:
        process = subprocess.Popen(
            ["sh", "deploy/entrypoint.sh"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for_status(base + "/healthz", 200, seconds=90)
        except AssertionError:
            process.terminate()
            log.seek(0)
            raise AssertionError(log.read()[-3000:]) from None
        try:
            yield Gunicorn(url=base, process=process, env=env)
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def gunicorn(postgres_server, tmp_path_factory):
    with running_site(postgres_server, tmp_path_factory) as site:
        yield site
