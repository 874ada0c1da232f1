"""Whole public pages for residents, from the shared cache (Redis in production).

A resident's GET is answered from the cache when an entry for the same address,
host, scheme, language and display preferences (text size, contrast) exists and
is still true:

- **Content changes**: every save or deletion of anything residents see (each app
  lists its models with ``watch()``) raises a site-wide *generation* number in the
  shared cache, right away and again when the transaction commits; an entry made
  under an older generation is never served. Every worker reads the same number,
  so a change shows on every page at the next request, on every worker.
- **Time**: scheduled publication, end of publication, featuring, notices,
  award validity and anything dated change with no one acting. Each app tells
  the next such moment (``changes_at()``); local midnight is always one. An
  entry is never served at or past the moment that was next when it was made.

A change is also counted in the database, in its own transaction (the counter
is given by the app that stores it: ``count_changes()``). Each worker compares that count with the one the cache
last applied, at most once a second (``PAGE_CACHE_CHECK_SECONDS``), and raises
the generation when they differ: a change made by a process that could not
reach Redis (a command or the shell while Redis restarted), and that ended
before Redis came back, still reaches every page.

Staff never get or fill cached pages: a request with a session (or a pending
message) goes through uncached, as does every response that sets a cookie, is
private or marked not to cache. If the cache does not answer, pages are served
uncached (logged, and not retried for a few seconds), never an error.

The check costs one round trip to the cache (the generation, the current next
moment and the page in one ``get_many``) before any other middleware runs.
"""

import datetime
import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change"
#: The database's count of changes the generation reflects.
APPLIED_KEY = "page-cache:changes-applied"
PAGE_KEY_PREFIX = "page-cache:page:"
VALUE_KEY_PREFIX = "page-cache:value:"
#: Statuses worth keeping: pages, moved addresses and "not found" (bots ask the
#: same missing addresses over and over).
CACHEABLE_STATUSES = {200, 301, 404}
#: Larger responses (none today: the biggest sitemap section is about 400 KB)
#: are served uncached rather than fill the cache.
MAX_BYTES = 2 * 1024 * 1024
#: After the cache failed to answer, how long pages skip it (seconds).
RETRY_AFTER = 5.0
#: Functions giving the next moment a public page changes by itself.
_next_change_functions = []
_watched = set()
#: Cookies a public page differs by: {name: (allowed values, default)}.
_varying_cookies = {}
#: The database's count of content changes: {"add": f(), "read": f() -> int}.
_counter = {}


def shared():
    """Whether the cache is one for every process (Redis; or the one process of
    `make run`): only then are changes tracked and values remembered."""
    return getattr(settings, "SHARED_CACHE", False)


def enabled():
    """Whether residents' pages are served from the cache."""
    return shared() and getattr(settings, "PAGE_CACHE_ENABLED", True)


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def max_age():
    """The longest an entry is kept (seconds), whatever else happens."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 24 * 60 * 60)


class _Health:
    """Whether the cache answered lately, per process; and a generation raise
    that could not be written, retried before anything is served again."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failed_at = None
        self.bump_pending = False
        self.logged_at = None
        #: When this process last compared the database's count of changes.
        self.checked_at = None

    def usable(self):
        return self.failed_at is None or time.monotonic() - self.failed_at > RETRY_AFTER

    def failed(self, action, error):
        now = time.monotonic()
        with self.lock:
            self.failed_at = now
            quiet = self.logged_at is not None and now - self.logged_at < 60
            if not quiet:
                self.logged_at = now
        if not quiet:
            logger.warning(
                "Page cache unavailable (%s: %s); serving pages uncached.",
                action,
                error,
            )

    def ok(self):
        self.failed_at = None


health = _Health()


# Content changes ------------------------------------------------------------


def _raise_generation():
    if not health.usable():
        # Redis failed a moment ago: not asked again on every save of a batch
        # (an import, a migration); raised before anything is served again.
        health.bump_pending = True
        return False
    store = cache()
    try:
        try:
            store.incr(GENERATION_KEY)
        except ValueError:  # no number yet (new or emptied cache)
            _start_generation(store)
    except Exception as error:  # noqa: BLE001 (any client or network error)
        health.bump_pending = True
        health.failed("raising the generation", error)
        return False
    health.bump_pending = False
    return True


def _start_generation(store):
    # Milliseconds since the epoch: larger than any number an emptied cache may
    # have counted to, so an entry left from before never matches.
    if not store.add(GENERATION_KEY, int(time.time() * 1000), timeout=None):
        store.incr(GENERATION_KEY)


def content_changed(**kwargs):
    """A change residents may see: counted in the database with the change,
    then the generation raised now (pages made from here on are not kept past
    the commit) and again on commit (pages made during the transaction, from
    the old rows, are dropped)."""
    if not shared():
        return
    if _counter:
        _counter["add"]()
    _raise_generation()
    transaction.on_commit(_raise_and_record, robust=True)


def _raise_and_record():
    """On commit: raise the generation and, when that landed, record that the
    database's count is applied (so no worker raises it a second time)."""
    if not _raise_generation() or not _counter:
        return
    from django.db import DatabaseError

    try:
        cache().set(APPLIED_KEY, _counter["read"](), timeout=None)
    except DatabaseError:
        pass  # a worker compares the counts within a second anyway
    except Exception as error:  # noqa: BLE001 (any client or network error)
        health.failed("writing", error)


def _apply_missed_changes(store):
    """At most once per ``PAGE_CACHE_CHECK_SECONDS`` in each process: when the
    database counted changes the cache has not applied (their process could not
    reach Redis), raise the generation. Raises what the cache raises."""
    interval = getattr(settings, "PAGE_CACHE_CHECK_SECONDS", 1.0)
    now = time.monotonic()
    if (
        interval is None
        or not _counter
        or (health.checked_at is not None and now - health.checked_at < interval)
    ):
        return
    from django.db import DatabaseError

    try:
        count = _counter["read"]()
    except DatabaseError:  # not migrated yet; pages then fail on their own
        return
    if store.get(APPLIED_KEY) != count:
        try:
            store.incr(GENERATION_KEY)
        except ValueError:
            _start_generation(store)
        store.set(APPLIED_KEY, count, timeout=None)
    health.checked_at = now


def watch(*models):
    """Pages show these models: any save or deletion raises the generation."""
    for model in models:
        if model in _watched:
            continue
        _watched.add(model)
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(_on_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_m2m, sender=field.remote_field.through, dispatch_uid=uid
            )


def watched_models():
    return set(_watched)


def count_changes(*, add, read):
    """Where the database counts content changes: ``add()`` one more (called
    inside the change's transaction), ``read()`` the count."""
    _counter.update(add=add, read=read)


def vary_on_cookie(name, allowed, default):
    """Pages differ by cookie ``name`` (a display preference): each of its
    ``allowed`` values gets its own entry; anything else counts as ``default``
    (a forged cookie never makes a new entry)."""
    _varying_cookies[name] = (frozenset(allowed), default)


def _on_save(sender, raw=False, **kwargs):
    if not raw:  # fixtures being loaded
        content_changed()


def _on_delete(sender, **kwargs):
    content_changed()


def _on_m2m(sender, action, **kwargs):
    if action.startswith("post_"):
        content_changed()


# Changes in time -------------------------------------------------------------


def changes_at(function):
    """Register ``function(now)``: the next moment after ``now`` when some
    public page changes with no one acting, or None."""
    if function not in _next_change_functions:
        _next_change_functions.append(function)
    return function


def next_local_midnight(now):
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(tomorrow, datetime.time.min)
    return timezone.make_aware(midnight, local.tzinfo)


def next_change(now):
    """The earliest moment after ``now`` any page may change by itself: dates
    shown in words, award validity and the year change at local midnight."""
    moments = [next_local_midnight(now)]
    for function in _next_change_functions:
        moment = function(now)
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments)


def _valid_until(store, generation, known, now):
    """The next moment pages change by themselves, as computed under this
    generation (or computed now and shared); None if it cannot be shared."""
    if known is not None and known[0] == generation and now.timestamp() < known[1]:
        return known[1]
    moment = next_change(now).timestamp()
    try:
        store.set(
            NEXT_CHANGE_KEY,
            (generation, moment),
            timeout=max(1, int(moment - now.timestamp()) + 1),
        )
    except Exception as error:  # noqa: BLE001
        health.failed("writing", error)
        return None
    return moment


class _Lookup:
    """What one round trip to the cache tells: the generation (started when
    missing), the next change as last computed, and the entry under ``key`` if
    it is still true."""

    def __init__(self, store, key):
        found = store.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, key])
        self.generation = found.get(GENERATION_KEY)
        if self.generation is None:
            _start_generation(store)
            self.generation = store.get(GENERATION_KEY)
        self.next_change = found.get(NEXT_CHANGE_KEY)
        self.now = timezone.now()
        entry = found.get(key)
        fresh = (
            entry is not None
            and entry[0] == self.generation
            and self.now.timestamp() < entry[1]
        )
        self.entry = entry if fresh else None


def _lookup(store, key):
    """A ``_Lookup``, or None when the cache does not answer. A raise of the
    generation that failed earlier is applied first: nothing made before a
    change is read back after it."""
    if health.bump_pending and not _raise_generation():
        return None
    try:
        _apply_missed_changes(store)
        found = _Lookup(store, key)
    except Exception as error:  # noqa: BLE001 (any client or network error)
        health.failed("reading", error)
        return None
    health.ok()
    return found


def remember(name, compute):
    """``compute()``, kept in the shared cache under ``name`` exactly as long
    as a page would be: until content changes or the next scheduled moment.
    For a value many pages need and that costs with the archive (a list's
    count, the layout's office record). Computed every time when the cache is
    not shared or does not answer."""
    if not shared() or not health.usable():
        return compute()
    store = cache()
    key = VALUE_KEY_PREFIX + name
    found = _lookup(store, key)
    if found is None:
        return compute()
    if found.entry is not None:
        return found.entry[2]
    value = compute()
    generation, now = found.generation, found.now
    until = _valid_until(store, generation, found.next_change, now)
    seconds = None if until is None else min(max_age(), until - now.timestamp())
    if seconds is not None and seconds >= 1:
        try:
            store.set(key, (generation, until, value), timeout=int(seconds))
        except Exception as error:  # noqa: BLE001
            health.failed("writing", error)
    return value
