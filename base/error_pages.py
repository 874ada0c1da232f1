"""What error pages know of the office when nothing else can be trusted.

The 500 page must not touch the database (it may be the reason for the error),
yet residents need the office's name and phone there. A copy of those fields is
written to a small JSON file whenever the office record is saved (and after every
migrate); the values the first migration uses are the last resort.
"""

import json
import logging
import os
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

#: The office fields error pages show.
FIELDS = [
    "name",
    "short_name",
    "street_address",
    "postal_code",
    "city",
    "phone",
    "email",
]

#: The last resort: the values of the migration that creates the office record.
FALLBACK = {
    "name": "Miejski Ośrodek Pomocy Społecznej w Mławie",
    "short_name": "MOPS Mława",
    "street_address": "ul. Narutowicza 6",
    "postal_code": "06-500",
    "city": "Mława",
    "phone": "23 654 35 60, 23 654 27 69",
    "email": "",
}


def snapshot_path():
    return Path(settings.MEDIA_ROOT) / "site" / "office.json"


def write_office_snapshot(office):
    """Keep the copy error pages read; never fails the save that called it."""
    path = snapshot_path()
    data = {field: getattr(office, field) for field in FIELDS}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)  # readers never see half a file
    except OSError:
        logger.exception("Could not write the office copy for error pages.")


def office_snapshot():
    """The office's fields for error pages: the copy, or the last resort."""
    try:
        data = json.loads(snapshot_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return dict(FALLBACK)
    return {field: str(data.get(field, FALLBACK[field])) for field in FIELDS}
