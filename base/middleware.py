"""Public pages are read-only (GET and HEAD)."""

from django.conf import settings
from django.http import HttpResponseNotAllowed

SAFE_METHODS = {"GET", "HEAD"}


def accepts_writes(view):
    """Mark a public view that takes a POST (e.g. display preferences)."""
    view.accepts_writes = True
    return view


class ReadOnlyPublicSiteMiddleware:
    """Answer 405 to any method but GET and HEAD on a public view: a PUT or DELETE
    to a list, feed or the sitemap is never meant, whatever the view would do
    with it. The admin (and its login and password reset) and views marked with
    ``accepts_writes`` take their forms as usual. Listed before the CSRF check, so
    the answer is the same with or without a token."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        if request.path.startswith(self.admin_prefix):
            return None
        if getattr(view_func, "accepts_writes", False):
            return None
        return HttpResponseNotAllowed(sorted(SAFE_METHODS))
