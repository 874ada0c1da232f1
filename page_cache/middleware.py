"""The page cache's middleware: first in ``MIDDLEWARE``, it answers a
resident's GET from the cache before anything else runs (page_cache.cache)."""

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone, translation

from page_cache.cache import (
    CACHEABLE_STATUSES,
    MAX_BYTES,
    PAGE_KEY_PREFIX,
    _lookup,
    _valid_until,
    _varying_cookies,
    cache,
    enabled,
    health,
    max_age,
)


class PageCacheMiddleware:
    """First in ``MIDDLEWARE``: a cached page is answered before sessions,
    authentication and templates run; it carries the headers the rest of the
    stack gave it (security headers, the content security policy)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = tuple(
            "/" + prefix.strip("/") + "/"
            for prefix in (settings.ADMIN_URL, settings.STATIC_URL, settings.MEDIA_URL)
        )

    def __call__(self, request):
        if not enabled() or not self.for_residents(request):
            return self.get_response(request)
        if not health.usable():
            return self.uncached(request)
        store = cache()
        try:
            key = self.key(request)
        except DisallowedHost:
            # A host the site does not serve: refused further in, where the
            # security headers and the office's 400 page are added.
            return self.get_response(request)
        found = _lookup(store, key)
        if found is None:
            return self.uncached(request)
        if found.entry is not None:
            return self.from_entry(found.entry)
        generation = found.generation

        response = self.get_response(request)
        if (
            generation is None
            or request.method != "GET"
            or not self.storable(request, response)
        ):
            response["X-Page-Cache"] = "MISS"
            return response
        until = _valid_until(store, generation, found.next_change, found.now)
        if until is not None:
            self.store(store, key, generation, until, response)
        response["X-Page-Cache"] = "MISS"
        return response

    def uncached(self, request):
        response = self.get_response(request)
        response["X-Page-Cache"] = "DOWN"
        return response

    def for_residents(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path_info.startswith(self.skipped_prefixes):
            return False
        cookies = request.COOKIES
        # Staff (a session) and a message waiting to be shown go uncached.
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    def key(self, request):
        language = translation.get_language_from_path(request.path_info) or (
            settings.LANGUAGE_CODE
        )
        parts = [
            request.scheme,
            request.get_host(),
            language,
            *(
                value if value in allowed else default
                for value, (allowed, default) in (
                    (request.COOKIES.get(name), rule)
                    for name, rule in _varying_cookies.items()
                )
            ),
            request.get_full_path(),
        ]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return PAGE_KEY_PREFIX + digest

    def storable(self, request, response):
        if response.status_code not in CACHEABLE_STATUSES or response.streaming:
            return False
        # A form's CSRF token is the visitor's own, even when no cookie is set
        # (it was already there): a page holding one is never shared.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in ("private", "no-store", "no-cache")):
            return False
        return len(response.content) <= MAX_BYTES

    def store(self, store, key, generation, until, response):
        seconds = min(max_age(), until - timezone.now().timestamp())
        if seconds < 1:
            return
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("x-page-cache", "date")
        ]
        entry = (generation, until, response.status_code, headers, response.content)
        try:
            store.set(key, entry, timeout=int(seconds))
        except Exception as error:  # noqa: BLE001
            health.failed("writing", error)

    def from_entry(self, entry):
        _generation, _until, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "HIT"
        return response
