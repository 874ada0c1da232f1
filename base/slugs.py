"""Slugs for public URLs, with Polish letters transliterated.

Django's ``slugify`` drops letters it cannot decompose, so "Mława" would become
"mawa". Articles and awards both build their slugs here.
"""

from django.utils.text import slugify

POLISH_TO_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def slugify_pl(text):
    """Return a slug for ``text``: "Łódź i Mława" -> "lodz-i-mlawa"."""
    return slugify(str(text).translate(POLISH_TO_ASCII))


#: Slugs an article cannot take: they are addresses of the news section itself.
RESERVED_SLUGS = {"rss", "atom", "kategoria", "kanaly"}


def unique_slug(instance, text, *, field="slug", fallback="wpis"):
    """Return a slug for ``text`` that no other row of ``instance``'s model uses.

    A clash gets a number: ``tytul``, ``tytul-2``, ``tytul-3``, ...
    """
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = slugify_pl(text)[:max_length].strip("-") or fallback
    others = (
        model._default_manager.exclude(pk=instance.pk)
        if instance.pk
        else (model._default_manager.all())
    )
    taken = RESERVED_SLUGS | set(
        others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True)
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
        number += 1
    return candidate
