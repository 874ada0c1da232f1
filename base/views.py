"""Views of the site frame: display preferences, the health check, error pages,
and the preview rule every detail page shares."""

from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_deny
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from accounts.two_factor import second_factor_done
from base import preferences
from base.error_pages import office_snapshot
from base.middleware import accepts_writes
from base.models import Office


def safe_redirect(request, target, default=None):
    """``target`` when it is an address on this site (its host, and HTTPS when
    the request is), else ``default`` or the home page: for every "back" and
    "next" a visitor's request carries. (The panel's own, below base, is
    accounts.two_factor.safe_next.)"""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("home")


def by_translated_slug(queryset, slug):
    """The item whose slug in the active language is ``slug``, else the one
    whose Polish slug it is (untranslated items, old links); 404 otherwise."""
    obj = queryset.by_translated_slug(slug)
    if obj is None:
        raise Http404(_("Nie ma takiej strony."))
    return obj


class TranslatedSlugMixin:
    """A detail page found by the slug of the page's language: ``/uk/…/<slug_uk>/``.
    An item without a translation keeps its Polish slug in every language (its
    page falls back to Polish); an item opened by its Polish slug under a
    language it has its own slug in is sent to that address."""

    def get_object(self, queryset=None):
        if queryset is None:
            queryset = self.get_queryset()
        return by_translated_slug(queryset, self.kwargs[self.slug_url_kwarg])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        address = self.object.get_absolute_url()
        if address != request.path:
            return HttpResponseRedirect(address)
        return self.render_to_response(self.get_context_data(object=self.object))


def may_preview(request, model):
    """Whether ``request``'s person may see ``model``'s items residents cannot
    yet: who may change them, past the second login step (a session that has
    not passed it is not staff). The one preview rule of every page."""
    opts = model._meta
    permission = f"{opts.app_label}.change_{opts.model_name}"
    return request.user.has_perm(permission) and second_factor_done(request)


class StaffPreviewMixin:
    """A detail page residents see only when ``public()`` allows it; staff who may
    change the item also open it through the admin's "View on site" and get
    ``is_preview`` when residents cannot see it yet."""

    def public(self, queryset):
        return queryset.public()

    def may_preview(self):
        return may_preview(self.request, self.model or self.queryset.model)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.may_preview():
            return queryset
        return self.public(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.may_preview():
            model = type(self.object)
            visible = self.public(model.objects.filter(pk=self.object.pk)).exists()
            context["is_preview"] = not visible
        return context


class ContentDetailView(TranslatedSlugMixin, StaffPreviewMixin, DetailView):
    """A content item's page, for every content app: found by the slug of the
    page's language, shown to residents when ``public()`` allows, previewed by
    who may change it."""


PREFERENCE_MAX_AGE = 365 * 24 * 60 * 60


@accepts_writes
@csrf_exempt
@require_POST
def display_preferences(request):
    """Larger text and high contrast, remembered in cookies; works without JS.

    Exempt from CSRF on purpose: a forged post can only set a resident's text
    size or contrast (a harmless preference cookie) and redirects only within
    this site; with a token, every public page would set a CSRF cookie and
    could not be cached."""
    response = HttpResponseRedirect(safe_redirect(request, request.POST.get("next")))
    options = {
        "max_age": PREFERENCE_MAX_AGE,
        "samesite": "Lax",
        "secure": request.is_secure(),
    }
    text_size = request.POST.get(preferences.TEXT_COOKIE)
    if text_size in preferences.TEXT_SIZES:
        response.set_cookie(preferences.TEXT_COOKIE, text_size, **options)
    contrast = request.POST.get(preferences.CONTRAST_COOKIE)
    if contrast in preferences.CONTRASTS:
        response.set_cookie(preferences.CONTRAST_COOKIE, contrast, **options)
    return response


@never_cache
def healthz(request):
    """For the container's health check: 200 while the app and its database
    answer, 503 while the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


@xframe_options_deny  # refused before the middleware that adds it
def bad_request(request, exception=None):
    """A request the site cannot read (a host it does not serve, a malformed
    header): the office's 400 page, rendered without the request (its host may
    be the problem), with every security header the other pages have."""
    office = Office(**office_snapshot())  # unsaved: no query
    html = loader.get_template("400.html").render({"office": office})
    return HttpResponseBadRequest(html)


def server_error(request):
    """The 500 page, without the database: the office's name and phone come from
    the copy error_pages keeps. Rendered without the request, so the layout
    leaves out what needs it (the display forms, which post with a CSRF token)."""
    office = Office(**office_snapshot())  # unsaved: no query
    html = loader.get_template("500.html").render({"office": office})
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    """A form sent without a valid token (a page open for too long, cookies
    blocked): the site's own page, in Polish, with a way back."""
    back = safe_redirect(request, request.META.get("HTTP_REFERER"))
    return HttpResponseForbidden(
        loader.render_to_string("403_csrf.html", {"back": back}, request)
    )
