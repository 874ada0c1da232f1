import pytest
from django.core.cache import caches
from django.utils import translation

from page_cache import cache as page_cache


@pytest.fixture(autouse=True)
def polish_between_requests():
    """Each test starts in Polish, as the panel and the shell do: a request to
    /uk/ leaves Ukrainian active in the thread, and content created under it
    would land in the Ukrainian columns."""
    translation.activate("pl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_and_isolated(settings, tmp_path):
    """Test-only settings: quick hashing, uploads in a temp dir, e-mail in memory,
    and the second login step off (most tests are about what a role may do;
    tests/base/test_two_factor.py turns it on)."""
    settings.ADMIN_TWO_FACTOR_REQUIRED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Every test goes through the page cache (in this process's memory; the
    # tests in tests/base/test_page_cache.py use a real Redis), empty at start.
    settings.SHARED_CACHE = settings.PAGE_CACHE_ENABLED = True
    # The database's count of changes is compared only where a test asks for it
    # (tests/base/test_page_cache.py): a query counted once a second would make
    # query counts depend on the machine's speed.
    settings.PAGE_CACHE_CHECK_SECONDS = None
    caches["default"].clear()
    page_cache.health.__init__()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered on every request, nothing remembered: for tests that count
    what a page costs to make, or change things behind the site's back (a file
    deleted on disk)."""
    settings.SHARED_CACHE = settings.PAGE_CACHE_ENABLED = False


def _staff_member(user_model, username, group):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    # Staff who have signed in before (their own password, not a one-time one).
    user = user_model.objects.create_user(
        username, password="haslo-testowe", is_staff=True, last_login=timezone.now()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, as one who has signed in before (a one-time
    password would send them to choose their own first)."""
    from django.utils import timezone

    admin_user.last_login = timezone.now()
    admin_user.save(update_fields=["last_login"])
    return admin_user


@pytest.fixture
def publisher(django_user_model):
    """A staff member in the "Wydawcy" group (created by migrations)."""
    return _staff_member(django_user_model, "wydawca", "Wydawcy")


@pytest.fixture
def editor(django_user_model):
    """A staff member in the "Redaktorzy" group: prepares drafts, cannot publish."""
    return _staff_member(django_user_model, "redaktor", "Redaktorzy")


class RedisServer:
    """Debian's redis-server on a free port, keeping nothing on disk, as the
    compose service runs it: a test may stop, pause or restart it."""

    def __init__(self, directory):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.directory = directory
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        import subprocess
        import time

        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.command("PING") == "PONG":
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def command(self, *words):
        """One command over the Redis protocol, without a client library."""
        import socket

        request = f"*{len(words)}\r\n" + "".join(
            f"${len(str(word).encode())}\r\n{word}\r\n" for word in words
        )
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(request.encode())
            reply = sock.recv(65536).decode()
        if reply.startswith("-"):
            raise AssertionError(reply)
        return reply[1:].split("\r\n")[0]


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    import os
    import shutil

    if not shutil.which("redis-server"):
        message = "redis-server not found (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The cache in a real Redis, as in production, emptied for each test."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "mops-tests",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    if redis_server.process is None:
        redis_server.start()
    redis_server.command("FLUSHALL")
    yield redis_server
    if redis_server.process is None:
        redis_server.start()
