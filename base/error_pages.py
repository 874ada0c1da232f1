"""What error pages know of the office when nothing else can be trusted.

The 500 page must not touch the database (it may be the reason for the error),
yet residents need the office's name and phone there. A copy of those fields is
written to a small JSON file whenever the office record is saved (and after every
migrate); the values the first migration uses are the last resort.

The same moments write the static pages nginx shows for the errors it answers
itself (the app down, a body too large, …) into ``site/errors/`` of the media
volume, which nginx reads (deploy/nginx.conf).
"""

import json
import logging
import os
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

#: The office fields error pages show.
FIELDS = [
    "name",
    "short_name",
    "street_address",
    "postal_code",
    "city",
    "phones",
    "email",
]

#: The last resort: the values of the migration that creates the office record.
FALLBACK = {
    "name": "Miejski Ośrodek Pomocy Społecznej w Mławie",
    "short_name": "MOPS Mława",
    "street_address": "ul. Narutowicza 6",
    "postal_code": "06-500",
    "city": "Mława",
    "phones": ["23 654 35 60", "23 654 27 69"],
    "email": "",
}


def snapshot_path():
    return Path(settings.MEDIA_ROOT) / "site" / "office.json"


#: nginx's own errors: (status, title, what to do).
NGINX_ERRORS = {
    400: (
        _("Nieprawidłowe zapytanie"),
        _(
            "Przeglądarka wysłała zapytanie, którego serwer nie rozumie. Wróć i spróbuj ponownie."
        ),
    ),
    403: (
        _("Panel niedostępny z tej sieci"),
        _(
            "Panel redakcyjny można otwierać tylko z sieci urzędu (albo przez jego VPN). Strona dla mieszkańców działa jak zwykle."
        ),
    ),
    405: (
        _("Niedozwolona operacja"),
        _("Ta strona służy tylko do czytania. Wróć do poprzedniej strony."),
    ),
    413: (
        _("Za duże pliki"),
        _(
            "Wysyłane pliki są razem za duże. Dodaj je pojedynczo albo zmniejsz je (zdjęcia do 10 MB, dokumenty do 20 MB)."
        ),
    ),
    414: (
        _("Za długi adres"),
        _("Adres strony jest za długi. Sprawdź, czy został poprawnie skopiowany."),
    ),
    429: (
        _("Za dużo zapytań"),
        _(
            "Z tego adresu przyszło w krótkim czasie zbyt wiele zapytań. Odczekaj minutę i spróbuj ponownie."
        ),
    ),
    502: (
        _("Strona chwilowo nie działa"),
        _(
            "Trwają prace techniczne albo wystąpiła awaria. Spróbuj ponownie za kilka minut."
        ),
    ),
}


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)  # readers never see half a file


def _versions(texts):
    """An nginx error page knows no language: it says the same in each one,
    Polish first, every version marked with its ``lang``."""
    versions = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            title, advice = (str(text) for text in texts)
            versions.append(
                {
                    "code": code,
                    "title": title,
                    "advice": advice,
                    "call": translation.gettext("W pilnej sprawie zadzwoń:"),
                    "or": translation.gettext("lub"),
                    "visit": translation.gettext("albo przyjdź:"),
                    "home": translation.gettext("Strona główna"),
                    "code_label": translation.gettext("Kod błędu:"),
                }
            )
    return versions


def _split(numbers):
    """Phone numbers as one text (before base 0011), as separate values."""
    return [n.strip() for n in str(numbers or "").split(",") if n.strip()]


def write_office_snapshot(office):
    """Keep the copy error pages read, and nginx's error pages; never fails the
    save that called it."""
    from django.template.loader import render_to_string

    from base.models import Office

    data = {field: getattr(office, field, None) for field in FIELDS}
    if data["phones"] is None:  # a migration's model from before base 0011
        data["phones"] = _split(getattr(office, "phone", ""))
    office = Office(**data)  # also when a migration's historical model called
    try:
        _write(snapshot_path(), json.dumps(data, ensure_ascii=False))
        for status, texts in NGINX_ERRORS.items():
            html = render_to_string(
                "nginx_error.html",
                {"office": office, "status": status, "versions": _versions(texts)},
            )
            _write(snapshot_path().parent / "errors" / f"{status}.html", html)
    except OSError:
        logger.exception("Could not write the office copy for error pages.")


def office_snapshot():
    """The office's fields for error pages: the copy, or the last resort."""
    try:
        data = json.loads(snapshot_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return dict(FALLBACK)
    if "phone" in data and "phones" not in data:  # a copy written before phones
        data["phones"] = _split(data["phone"])
    snapshot = {field: data.get(field, FALLBACK[field]) for field in FIELDS}
    return {
        field: [str(n) for n in value] if field == "phones" else str(value)
        for field, value in snapshot.items()
    }
