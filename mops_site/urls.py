"""The site's addresses: each app's urls included, the home page and robots.txt
composed from templates, the admin and its additions. Wiring only."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView
from django.views.i18n import JavaScriptCatalog

from accounts import views as account_views
from base import admin as base_admin
from base import views as base_views
from mops_site.sitemaps import sitemaps
from search import views as search_views

static_lazy = lazy(static, str)

handler400 = "base.views.bad_request"
handler500 = "base.views.server_error"

# What residents read, in each language: Polish unprefixed ("/aktualnosci/"),
# Ukrainian and English under /uk/ and /en/ with translated segments
# ("/en/news/"). Static pages come last: their slugs live at the top level.
public_patterns = [
    # Filled by each app's inclusion tags (news_tags, awards_tags).
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path(_("aktualnosci/"), include("news.urls")),
    path(_("wyroznienia/"), include("awards.urls")),
    path(_("szukaj/"), search_views.search, name="search"),
    path(_("ustawienia/"), base_views.display_preferences, name="display_preferences"),
    path("", include("pages.urls")),
]

# Outside the language prefixes: the admin, the health check, the sitemap (which
# lists every language's addresses) and robots.txt.
urlpatterns = [
    path(
        "favicon.ico",
        RedirectView.as_view(url=static_lazy("favicon.ico"), permanent=True),
    ),
    # An index of sections, each paged (?p=2) when long: search engines read
    # small documents, and no request builds ten years of URLs at once.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain; charset=utf-8"
        ),
        name="robots_txt",
    ),
    path("healthz", base_views.healthz, name="healthz"),
    # The admin's JavaScript catalog, with the rich-text editor's strings (Polish
    # dialogs); it shadows the admin's own catalog at the same address.
    path(
        f"{settings.ADMIN_URL}jsi18n/",
        JavaScriptCatalog.as_view(
            packages=["django.contrib.admin", "django_prose_editor"]
        ),
    ),
    # "Nie pamiętasz hasła?" on the panel's login page: Django's own views.
    path(
        f"{settings.ADMIN_URL}haslo/",
        account_views.StaffPasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        f"{settings.ADMIN_URL}haslo/wyslano/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        f"{settings.ADMIN_URL}haslo/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_URL}haslo/gotowe/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Autocomplete results that mark unpublished articles; shadows the admin's own.
    path(
        f"{settings.ADMIN_URL}autocomplete/",
        admin.site.admin_view(
            base_admin.LabelledAutocompleteJsonView.as_view(admin_site=admin.site)
        ),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(*public_patterns, prefix_default_language=False)
