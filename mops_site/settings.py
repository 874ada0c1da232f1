"""
Settings of the MOPS site: one module, driven by environment variables.

Every variable is listed, with a comment, in ``.env.example`` and in docs/configuration.md.
Development (``make run``) sets ``DJANGO_DEBUG=1``; with DEBUG off the site refuses
to start until the production values are given.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, got {value!r}."
        ) from None


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-only-key"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. List the site's host names, separated by "
        "commas (for example: mops.mlawa.pl,www.mops.mlawa.pl)."
    )

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The site's own page, in Polish, when a form comes back without a valid token.
CSRF_FAILURE_VIEW = "base.views.csrf_failure"

# The site's own texts (written in Polish; translated to Ukrainian and English),
# then a few of Django's own Polish admin texts reworded for the office's staff.
# Both come before Django's catalogues. `manage.py makemessages` writes to the
# first; tests/test_translations.py fails when either is stale or incomplete.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]

INSTALLED_APPS = [
    # Before the admin, as it asks: adds per-language columns to registered models.
    "modeltranslation",
    # Django's admin with the panel's second login step (mops_site.admin_site).
    "mops_site.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "csp",
    "mops_site.apps.LoginLockoutConfig",  # django-axes
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Every save of content keeps a version (history, compare, restore).
    "reversion",
    # Staff accounts, roles and two-step login; residents' pages from Redis;
    # content in three languages; then the site frame.
    "accounts",
    "page_cache",
    "languages",
    "base",
    "news",
    "awards",
    "pages",
    "search",
]

MIDDLEWARE = [
    # First: residents' pages from the shared cache, before anything else runs.
    "page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "base.middleware.ReadOnlyPublicSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second step.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminNetworkMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "mops_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "base.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "mops_site.wsgi.application"

# Database: DATABASE_URL (postgres://user:password@host:5432/name) or, by default,
# a SQLite file next to manage.py, which needs no set-up.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# The cache: Redis (REDIS_URL, e.g. redis://redis:6379/0, the compose service),
# shared by every worker, so a change shows on all of them at once. Without it,
# the memory of each process: right for `make run` (one process), so in
# production the page cache is then off (page_cache, docs/speed.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mops",
            # A cache that does not answer must not hold a worker: pages are
            # then served uncached (page_cache).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "mops",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# One cache for every process (Redis; or the single process of `make run`): only
# then are content changes tracked and pages or counts kept (page_cache).
SHARED_CACHE = bool(REDIS_URL) or DEBUG
# Whole public pages for residents, never stale (page_cache).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", SHARED_CACHE)
# The longest a page is kept when nothing changes (seconds).
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 24 * 60 * 60)
# How often each process compares the database's count of content changes with
# the cache's (seconds): a change whose process could not reach Redis shows
# within this long of Redis answering again (page_cache).
PAGE_CACHE_CHECK_SECONDS = 1.0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish is the office's language (and the source of every text); residents may
# read the site in Ukrainian or English under /uk/ and /en/. Unprefixed addresses,
# the admin among them, are always Polish (i18n_patterns without a default prefix).
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("uk", "Українська"), ("en", "English")]
# Content in other languages: one column per language (django-modeltranslation);
# an empty translation reads the Polish text, and pages say so (base.translation).
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pl",)
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

SITE_ID = 1
# The public host name, for absolute links in feeds and the sitemap; kept in the
# sites framework's record by news.apps after every migrate.
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN") or (
    "127.0.0.1:8000" if DEBUG else ALLOWED_HOSTS[0].lstrip(".")
)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    # Uploads: removes a half-written file when the disk fills up (base/storage.py).
    "default": {"BACKEND": "base.storage.MediaStorage"},
    # Hashed, compressed files that WhiteNoise serves with far-future cache headers.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Logs go to stdout (docker compose logs); request errors carry the path, the status
# and the traceback, and are mailed to ADMINS when they are set.
ADMINS = [(address.split("@")[0], address) for address in env_list("DJANGO_ADMINS")]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "root@localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", SERVER_EMAIL)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
# Seconds to wait for the mail server: a server that never answers must not hold
# a worker (password resets, error reports).
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["production"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {
            "handlers": ["console", "mail_admins"] if ADMINS else ["console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

# Security. Production runs behind nginx and a TLS proxy that set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container's own health check speaks HTTP
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
# Over HTTPS the cookies carry the __Host- prefix: the browser then refuses them
# from a subdomain or without Secure, so no other host can plant or shadow them.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# django-permissions-policy: the site uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}

# django-axes: 5 failed logins for one user name from one address lock them out for
# a while, from that address only: someone guessing from elsewhere cannot lock an
# editor out. The client's address comes from X-Forwarded-For, which the
# project's nginx overwrites with the one address it trusts (never appends), read
# with django-ipware: DJANGO_TRUSTED_PROXIES is how many such proxies stand in
# front of gunicorn (1 in Docker: nginx; 0 for `make run`: REMOTE_ADDR only).
TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", 0 if DEBUG else 1)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXIES else ("REMOTE_ADDR",)
)
# nginx overwrites the header, so it holds exactly the client; more entries mean a
# forgery that got past a proxy, and ipware then falls back to REMOTE_ADDR.
AXES_IPWARE_PROXY_COUNT = max(TRUSTED_PROXIES - 1, 0)
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_VERBOSE = False

# News
NEWS_PAGE_SIZE = 10

# Content-Security-Policy (django-csp): scripts only from this site or with the
# per-request nonce (the editor's import map); no inline scripts, no third parties.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        # Nothing unless listed below (the HTTP Observatory's top CSP grade).
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        # The editor (Tiptap) injects one fixed <style> element: allowed by its
        # hash. A browser test fails if an upgrade changes it.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "manifest-src": [SELF],
        # Sign-language videos, loaded only when a resident asks (click-to-load).
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The admin's address; a less obvious one keeps bots away ("panel-7f3a/").
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Two-step login (accounts.two_factor): a code from a phone app after the password,
# required for superusers and publishers; editors may turn it on themselves.
ADMIN_TWO_FACTOR_REQUIRED = env_bool("DJANGO_ADMIN_2FA_REQUIRED", True)
# The name the phone app shows next to the code: the site's address.
OTP_TOTP_ISSUER = f"Panel {SITE_DOMAIN}"
# Wrong codes make the next try wait 1, 2, 4, 8… seconds (per person).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1


def env_networks(name):
    import ipaddress

    networks = []
    for item in env_list(name):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an address or a network "
                "(e.g. 192.168.10.0/24)."
            ) from None
    return networks


# Optional: the panel answers only these addresses or networks (comma-separated,
# e.g. the office's 192.168.10.0/24 and a VPN); empty lets anyone reach the login.
# The same list is enforced by nginx (deploy/nginx-admin-access.sh).
ADMIN_ALLOWED_NETWORKS = env_networks("DJANGO_ADMIN_ALLOWED_NETWORKS")

# Uploads: limits checked by base.uploads (and nginx's client_max_body_size).
UPLOAD_IMAGE_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_IMAGE_MAX_PIXELS = 40_000_000
# A PNG, WebP or GIF decodes whole (a JPEG at a fraction): its limit is lower.
UPLOAD_IMAGE_MAX_PIXELS_FULL = 16_000_000
UPLOAD_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

# Awards: how many days before its end an award counts as "expiring soon".
AWARDS_EXPIRING_DAYS = env_int("AWARDS_EXPIRING_DAYS", 90)
