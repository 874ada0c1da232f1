"""The ceiling of this stack on this machine (bench/load.py): a bare Django view
returning a fixed 10 KB page, served by gunicorn with the site's own settings
for workers and threads. No database, no middleware, no templates: whatever the
site does costs on top of this.

    gunicorn bench.ceiling:application
"""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-ceiling-only",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

PAGE = (
    "<!DOCTYPE html><html lang=pl><title>Strona</title><p>"
    + "Osrodek pomocy spolecznej zaprasza. " * 300
)[:10240].encode()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
