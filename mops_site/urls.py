from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from news import views as news_views

static_lazy = lazy(static, str)

admin.site.site_header = "Panel redakcyjny"
admin.site.site_title = "Panel redakcyjny"
admin.site.index_title = "Zarządzanie treścią strony"

urlpatterns = [
    path("", news_views.home, name="home"),
    path(
        "favicon.ico",
        RedirectView.as_view(url=static_lazy("favicon.ico"), permanent=True),
    ),
    path("aktualnosci/", include("news.urls")),
    path("wyroznienia/", include("awards.urls")),
    # The admin's JavaScript catalog, with the rich-text editor's strings (Polish
    # dialogs); it shadows the admin's own catalog at the same address.
    path(
        f"{settings.ADMIN_URL}jsi18n/",
        JavaScriptCatalog.as_view(
            packages=["django.contrib.admin", "django_prose_editor"]
        ),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
