"""The site's URLconf with one more section, as a future app would add it."""

from django.http import HttpResponse
from django.urls import path

from mops_site.urls import urlpatterns as site_patterns

urlpatterns = [
    path("projekty/", lambda request: HttpResponse("projekty"), name="projects"),
    *site_patterns,
]
