"""The one rich-text field every model uses, and the one cleaner behind it.

Swapping the editor later touches this module and the ``rich_text`` template
filter, nothing else. The server decides what HTML is kept: the field cleans on
every save (also ``Model.objects.create``) and the filter cleans again at render.
"""

from functools import cache

import nh3
from django_prose_editor.config import allowlist_from_extensions
from django_prose_editor.fields import ProseEditorField

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
}

LINK_SCHEMES = {"http", "https", "mailto", "tel"}


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
    )


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
