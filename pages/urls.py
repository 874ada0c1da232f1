from django.urls import path
from django.utils.translation import gettext_lazy as _

from pages import views

app_name = "pages"

# Included last in mops_site/urls.py: a page's slug lives at the top level
# ("/kontakt/"), and Page.clean() refuses addresses other routes own.
urlpatterns = [
    path(
        _("deklaracja-dostepnosci/"),
        views.accessibility_statement,
        name="accessibility_statement",
    ),
    path("<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
]
