"""The one rich-text field every model uses, and the one cleaner behind it.

Swapping the editor later touches this module and the ``rich_text`` template
filter, nothing else. The server decides what HTML is kept: the field cleans on
every save (also ``Model.objects.create``) and the filter cleans again at render.
"""

import html
import re
from functools import cache

import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorField

from base.images import clean_image, make_renditions
from base.uploads import EMPTY_FILE, INVALID_IMAGE, document_format

#: What office staff can use in the editor; the HTML allow-list follows from it.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},  # the page owns h1
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    # The library turns the browser's spelling check off; staff want it.
    "NoSpellCheck": False,
}

LINK_SCHEMES = {"http", "https", "mailto", "tel"}


_EMAIL = re.compile(r"^[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]+$")
_DOMAIN = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#].*)?$",
    re.IGNORECASE,
)
#: Endings of file names, not of domains: "kontakt.html" is not a web address.
_FILE_ENDINGS = {
    "html",
    "htm",
    "php",
    "asp",
    "aspx",
    "pdf",
    "doc",
    "docx",
    "odt",
    "jpg",
}
_HREF = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')


def normalize_link(href):
    """What staff type into the link dialog, as the address they meant.

    "www.mlawa.pl" → "https://www.mlawa.pl", "mops@mlawa.pl" → "mailto:…",
    "23 654 35 60" → "tel:236543560". Anything else is returned as it is
    (``invalid_links`` then says whether it is a working address).
    """
    href = href.strip()
    if href.startswith("//"):
        return f"https:{href}"
    if href.startswith(("/", "#", "?")) or ":" in href.split("/", 1)[0]:
        return href  # a site path, an anchor, or has a scheme already
    if _EMAIL.match(href):
        return f"mailto:{href}"
    if _PHONE.match(href) and sum(c.isdigit() for c in href) >= 6:
        return "tel:" + re.sub(r"[^\d+]", "", href)
    host = re.split(r"[/?#:]", href, maxsplit=1)[0]
    if _DOMAIN.match(href) and host.rsplit(".", 1)[-1].lower() not in _FILE_ENDINGS:
        return f"https://{href}"
    return href


def is_site_path(href):
    """An address on this site ("/aktualnosci/…"): not "//host/…" nor "/\\host/…",
    which browsers open on another site."""
    return href.startswith("/") and not href.startswith("//") and "\\" not in href


def _is_working_link(href):
    if "\\" in href:
        return False  # browsers read "\\" as "/": "/\\evil.example" is off-site
    if href.startswith("#") or is_site_path(href):
        return True
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    try:
        if scheme in {"http", "https"}:
            URLValidator(schemes=["http", "https"])(href)
        elif scheme == "mailto":
            validate_email(rest.split("?", 1)[0])
        elif scheme == "tel":
            return re.fullmatch(r"\+?\d{3,15}", rest) is not None
        else:
            return False
    except ValidationError:
        return False
    return True


def invalid_links(cleaned_html):
    """The link addresses in cleaned HTML that would not work for a resident."""
    hrefs = (html.unescape(h) for h in _HREF.findall(cleaned_html or ""))
    return [href for href in hrefs if not _is_working_link(href)]


def _normalize_href(tag, attribute, value):
    # nh3 calls this after its scheme allow-list: it only completes addresses
    # without a scheme, so it can never let a dangerous one through.
    if tag == "a" and attribute == "href":
        return normalize_link(value)
    if tag == "a" and attribute == "title" and not value.strip():
        return None  # the link dialog leaves an empty title behind
    return value


@cache
def _cleaner():
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)
    attributes = {tag: set(attrs) for tag, attrs in allowed["attributes"].items()}
    # Links: only the address and a title; rel is ours to set, never the author's.
    attributes["a"] = {"href", "title"}
    return nh3.Cleaner(
        tags=set(allowed["tags"]),
        attributes=attributes,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_normalize_href,
    )


_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(markup):
    """Rich text as text: no tags, entities read, one line per paragraph (for
    comparing versions and for search)."""
    from django.utils.html import strip_tags

    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", markup or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def clean_html(html):
    """Return ``html`` reduced to what the editor can produce."""
    if not html:
        return ""
    cleaned = _cleaner().clean(str(html)).strip()
    # ProseMirror always leaves an empty paragraph: store an empty field instead.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


class RichTextField(ProseEditorField):
    """A text field edited with django-prose-editor and cleaned with nh3."""

    def __init__(self, *args, **kwargs):
        kwargs["extensions"] = dict(EDITOR_EXTENSIONS)
        kwargs["sanitize"] = clean_html
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        errors = [
            ValidationError(
                _(
                    "Link „%(link)s” nie zadziała. Wpisz pełny adres strony (np. "
                    "https://www.mlawa.pl), adres e-mail, numer telefonu albo adres "
                    "na tej stronie zaczynający się od „/”."
                ),
                code="invalid_link",
                params={"link": link},
            )
            for link in invalid_links(clean_html(value))
        ]
        if errors:
            raise ValidationError(errors)


IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def _with_extension(name, extension):
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}.{extension}"


def _clean_pending_image(file):
    """Swap a new upload's content for its re-encoded, metadata-free version,
    named with the extension of its real format; return its (width, height)."""
    cleaned, image_format, size = clean_image(file.file)
    file.file = cleaned
    file.name = _with_extension(file.name, IMAGE_EXTENSIONS[image_format])
    return size


class NewUploadsOnlyMixin:
    """Run a file field's validators on what a person uploads, never on the file
    already stored: saving a form again leaves it untouched (and unread). The
    stored file was checked when it came in; reading it again on every save costs
    a full decode, and Django may have closed it after reading its dimensions.

    Its form field says what to do with an empty file."""

    def formfield(self, **kwargs):
        messages = {"empty": EMPTY_FILE, **kwargs.pop("error_messages", {})}
        return super().formfield(error_messages=messages, **kwargs)

    def run_validators(self, value):
        if isinstance(value, FieldFile) and value._committed:
            return
        super().run_validators(value)


class CleanImageField(NewUploadsOnlyMixin, models.ImageField):
    """An image field whose stored files carry no metadata and have renditions.

    New uploads are re-encoded (EXIF/GPS dropped, orientation applied) before they
    are stored, and their renditions are written once, right after.
    """

    def __init__(self, *args, renditions=True, **kwargs):
        self.renditions = renditions
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if not self.renditions:
            kwargs["renditions"] = False
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        messages = {"invalid_image": INVALID_IMAGE, **kwargs.pop("error_messages", {})}
        return super().formfield(error_messages=messages, **kwargs)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Django reads the image again whenever the field is assigned, also when a
        # form puts back the file already stored. A stored file got its size when
        # it was uploaded (pre_save below): it is never opened again for that.
        stored = instance.__dict__.get(self.attname)
        if isinstance(stored, FieldFile) and stored._committed and stored.name:
            return
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except (OSError, ValueError):
            # A row without its size whose file is gone from the disk (or is not
            # an image any more): the page shows it without a size rather than
            # fail for every resident.
            return

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new = bool(file) and not file._committed
        if is_new:
            width, height = _clean_pending_image(file)
        file = super().pre_save(model_instance, add)
        if is_new:
            if self.width_field:
                setattr(model_instance, self.width_field, width)
            if self.height_field:
                setattr(model_instance, self.height_field, height)
            if self.renditions:
                make_renditions(file.name, storage=file.storage)
        return file


class DocumentField(NewUploadsOnlyMixin, models.FileField):
    """A file field for documents: the stored name ends in the extension of the
    format found in the content (a PDF renamed to .docx is stored as .pdf), and
    ``size_field`` names the model field that keeps its size in bytes, so pages
    never stat the file (nor fail when it went missing)."""

    def __init__(self, *args, size_field=None, **kwargs):
        self.size_field = size_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.size_field:
            kwargs["size_field"] = self.size_field
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.name = _with_extension(file.name, document_format(file.file).lower())
            if self.size_field:
                setattr(model_instance, self.size_field, file.size)
        return super().pre_save(model_instance, add)


class ScanField(NewUploadsOnlyMixin, models.FileField):
    """A scanned document: a PDF kept as it is, or an image cleaned like photos.

    ``width_field``/``height_field`` name the model fields that receive an image's
    size (define them after this field); they are emptied for a PDF.
    """

    def __init__(self, *args, width_field=None, height_field=None, **kwargs):
        self.width_field, self.height_field = width_field, height_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(width_field=self.width_field, height_field=self.height_field)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if not file or file._committed:
            return super().pre_save(model_instance, add)
        file.file.seek(0)
        is_pdf = file.file.read(5) == b"%PDF-"
        file.file.seek(0)
        if is_pdf:
            file.name = _with_extension(file.name, "pdf")
            size = (None, None)
        else:
            size = _clean_pending_image(file)
        setattr(model_instance, self.width_field, size[0])
        setattr(model_instance, self.height_field, size[1])
        file = super().pre_save(model_instance, add)
        if not is_pdf:
            make_renditions(file.name, storage=file.storage)
        return file


#: A Polish or international phone number as people write it: digits, spaces,
#: a leading +, hyphens and brackets; "wew. 12" for an extension.
_PHONE_NUMBER = re.compile(r"\+?[\d\s()\-]{6,20}(\s*(wew\.|w\.)\s*\d{1,5})?")


class PhoneNumbersFormField(forms.CharField):
    """Phone numbers typed one per line, kept as a list of separate values."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 30})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(item).strip() for item in value if str(item).strip()]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        errors = [
            ValidationError(
                _(
                    "„%(number)s” nie wygląda na numer telefonu: wpisz cyfry, np. "
                    "„23 654 35 60” albo „+48 23 654 35 60 wew. 12”, każdy numer "
                    "w osobnej linii."
                ),
                code="invalid_phone",
                params={"number": number},
            )
            for number in value
            if not _PHONE_NUMBER.fullmatch(number)
            or sum(c.isdigit() for c in number) < 6
        ]
        if errors:
            raise ValidationError(errors)

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


class PhoneNumbersField(models.JSONField):
    """Phone numbers, each a separate value (a JSON list of strings): shown,
    linked and validated one by one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # Django's Field.formfield, not JSONField's (which edits raw JSON).
        return models.Field.formfield(
            self, **{"form_class": PhoneNumbersFormField, "max_length": 500, **kwargs}
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        PhoneNumbersFormField(required=False).validate(value or [])
