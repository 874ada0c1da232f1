from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from news import views as news_views

admin.site.site_header = "Panel redakcyjny"
admin.site.site_title = "Panel redakcyjny"
admin.site.index_title = "Zarządzanie treścią strony"

urlpatterns = [
    path("", news_views.home, name="home"),
    path("aktualnosci/", include("news.urls")),
    path("wyroznienia/", include("awards.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
