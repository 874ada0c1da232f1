"""Uploaded files: what is accepted, and under which name it is stored.

Files are checked by their content, never by their name: an image must be fully
decodable by Pillow in an allowed format and size; a document must have the
structure of its format. Every message is written for office staff, in Polish.
"""

import os
import shutil
import uuid
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

from languages.slugs import slugify_pl

IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}

EMPTY_FILE = _(
    "Wybrany plik jest pusty (0 bajtów), więc nie ma czego zapisać. Sprawdź, czy "
    "otwiera się na komputerze, i wybierz go ponownie (albo inny, właściwy plik)."
)

INVALID_IMAGE = _(
    "To nie jest poprawny obraz. Dozwolone są zdjęcia JPEG, PNG, WebP i GIF; "
    "plik może być uszkodzony lub mieć inny format niż wskazuje nazwa."
)

OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": "ODT",
    b"application/vnd.oasis.opendocument.spreadsheet": "ODS",
}
OFFICE_OPEN_XML_PARTS = {"word/document.xml": "DOCX", "xl/workbook.xml": "XLSX"}


DISK_FULL = "Brak miejsca na dysku serwera — powiadom administratora strony."
#: Room kept free on the media disk beyond what an upload needs (its original
#: and renditions): the database, logs and backups need some too.
DISK_RESERVE = 50 * 1024 * 1024


def free_media_space():
    """Bytes free on the disk that holds MEDIA_ROOT (or its nearest parent)."""
    path = os.path.abspath(settings.MEDIA_ROOT)
    while not os.path.exists(path):
        path = os.path.dirname(path)
    return shutil.disk_usage(path).free


def _check_size(upload, limit):
    size = upload.size
    if not size:
        raise ValidationError(EMPTY_FILE, code="empty")
    if size > limit:
        raise ValidationError(
            _(
                "Plik jest za duży (%(size)s). Największy dopuszczalny rozmiar to "
                "%(limit)s."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    # Checked with the form, so nothing the person typed is lost; the original
    # and its renditions take up to about three times the upload.
    if free_media_space() < 3 * size + DISK_RESERVE:
        raise ValidationError(DISK_FULL, code="disk_full")


def image_format(upload):
    """Return the format name of a fully decodable, allowed image, or raise."""
    _check_size(upload, settings.UPLOAD_IMAGE_MAX_BYTES)
    upload.seek(0)
    unreadable = ValidationError(INVALID_IMAGE, code="invalid_image")
    too_many_pixels = ValidationError(
        _("Obraz ma za dużo pikseli. Zmniejsz go do najwyżej %(count)d megapikseli.")
        % {"count": settings.UPLOAD_IMAGE_MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in IMAGE_FORMATS:
                    raise unreadable
                width, height = image.size
                if width * height > settings.UPLOAD_IMAGE_MAX_PIXELS:
                    raise too_many_pixels
                frames = getattr(image, "n_frames", 1)
                if width * height * frames > settings.UPLOAD_IMAGE_MAX_PIXELS:
                    raise too_many_pixels
                if (
                    image.format != "JPEG"
                    and width * height * frames > settings.UPLOAD_IMAGE_MAX_PIXELS_FULL
                ):
                    # Only a JPEG decodes at a fraction of its size: a PNG, WebP
                    # or GIF this large would hold a worker's memory.
                    raise ValidationError(
                        _(
                            "Obraz PNG, WebP lub GIF może mieć najwyżej %(count)d "
                            "megapikseli. Zapisz zdjęcie jako JPEG albo zmniejsz je."
                        )
                        % {"count": settings.UPLOAD_IMAGE_MAX_PIXELS_FULL // 1_000_000},
                        code="too_many_pixels",
                    )
                if image.format == "JPEG":
                    # Every byte is still read, each block at 1/8 of its size: a
                    # truncated file fails, and 40 MP never sit whole in memory.
                    image.draft(image.mode, (width // 8, height // 8))
                image.load()  # decode every byte: truncated files fail here
                if frames > 1:
                    for frame in range(1, frames):
                        image.seek(frame)
                        image.load()
                return image.format
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (OSError, SyntaxError, ValueError):
        raise unreadable from None
    finally:
        upload.seek(0)


def document_format(upload):
    """Return "PDF", "DOCX", "ODT", "XLSX", "ODS" or "TXT" for a document, or raise."""
    _check_size(upload, settings.UPLOAD_DOCUMENT_MAX_BYTES)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "PDF"
        if head.startswith(b"PK\x03\x04"):
            found = _zip_document_format(upload)
            if found:
                return found
        else:
            text = _text_kind(upload.read())
            if text == "utf-8":
                return "TXT"
            if text == "legacy":
                raise ValidationError(
                    _(
                        "Plik tekstowy musi być zapisany w kodowaniu UTF-8 (w Notatniku: "
                        "„Zapisz jako”, kodowanie UTF-8)."
                    )
                )
    finally:
        upload.seek(0)
    raise ValidationError(
        _(
            "Nieobsługiwany rodzaj pliku. Dozwolone są dokumenty PDF, DOCX, ODT, XLSX, "
            "ODS i TXT; plik może być uszkodzony lub mieć inny format niż wskazuje nazwa."
        )
    )


def _zip_document_format(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                if archive.getinfo("mimetype").file_size > 100:
                    return None  # a real one is a few dozen bytes
                return OPENDOCUMENT_TYPES.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                for part, name in OFFICE_OPEN_XML_PARTS.items():
                    if part in names:
                        return name
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _text_kind(data):
    """ "utf-8" for plain UTF-8 text, "legacy" for text in another encoding (e.g.
    Windows-1250), None for anything else (binary, HTML, SVG)."""
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        controls = any(byte < 32 and byte not in (9, 10, 13) for byte in data)
        return None if controls else "legacy"
    markup = any(
        marker in text[:1024].lower() for marker in ("<html", "<script", "<svg")
    )
    return None if markup else "utf-8"


def validate_image(upload):
    image_format(upload)


def validate_document(upload):
    document_format(upload)


def validate_image_or_pdf(upload):
    """A scanned document: an image, or a PDF."""
    upload.seek(0)
    is_pdf = upload.read(5) == b"%PDF-"
    upload.seek(0)
    if is_pdf:
        _check_size(upload, settings.UPLOAD_DOCUMENT_MAX_BYTES)
    else:
        image_format(upload)


def safe_filename(filename, *, fallback="plik"):
    """A file name without path parts or control characters, in ASCII."""
    base = os.path.basename(str(filename).replace("\\", "/"))
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = slugify_pl(stem)[:80] or fallback
    extension = slugify_pl(extension)[:10]
    return f"{stem}.{extension}" if extension else stem


@deconstructible
class UploadTo:
    """``upload_to`` that stores ``folder/YYYY/<random>/<safe name>``.

    The random folder means two uploads with the same name never overwrite each
    other, and a stored file's address cannot be guessed from its name.
    """

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        from django.utils import timezone

        year = timezone.localdate().year
        return f"{self.folder}/{year}/{uuid.uuid4().hex[:12]}/{safe_filename(filename)}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


def file_fields():
    """Every (model, file field) of the project's models."""
    from django.apps import apps
    from django.db.models import FileField

    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, FileField)
    ]


def is_referenced(name):
    """Whether any row of any model, or any kept version of one (history can
    restore it), still points at the stored file ``name``."""
    from reversion.models import Version

    return (
        any(
            model._default_manager.filter(**{field.name: name}).exists()
            for model, field in file_fields()
        )
        or Version.objects.filter(serialized_data__contains=f'"{name}"').exists()
    )


def versioned_file_names():
    """The stored files that kept versions point at (history may restore them)."""
    import json

    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    fields_by_model = {}
    for model, field in file_fields():
        fields_by_model.setdefault(model, []).append(field.name)
    names = set()
    for model, field_names in fields_by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for data in (
            Version.objects.filter(content_type=content_type)
            .values_list("serialized_data", flat=True)
            .iterator()
        ):
            try:
                stored = json.loads(data)[0]["fields"]
            except (ValueError, LookupError, TypeError):
                continue
            names |= {stored.get(n) for n in field_names if stored.get(n)}
    return names


def delete_file_and_renditions(name, storage):
    import posixpath

    folder, filename = posixpath.split(name)
    stem = filename.rsplit(".", 1)[0]
    renditions_folder = posixpath.join(folder, "r")
    try:
        _, files = storage.listdir(renditions_folder)
    except FileNotFoundError:
        files = []
    for rendition in files:
        if rendition.startswith(f"{stem}-"):
            storage.delete(posixpath.join(renditions_folder, rendition))
    storage.delete(name)


def delete_unused_files(names, *, storage=None):
    """Delete the stored files ``names`` (and their renditions) that no row uses."""
    from django.core.files.storage import default_storage

    storage = storage or default_storage
    for name in names:
        if name and not is_referenced(name):
            delete_file_and_renditions(name, storage)
