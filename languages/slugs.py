"""Slugs for public URLs, with Polish letters transliterated, and Ukrainian
Cyrillic by the official Ukrainian national transliteration (Resolution of the
Cabinet of Ministers of Ukraine No. 55 of 27 January 2010).

Django's ``slugify`` drops letters it cannot decompose, so "Mława" would become
"mawa" and a Ukrainian title nothing at all. Every content app builds its
slugs here.
"""

import re

from django.utils.text import slugify

POLISH_TO_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

#: The 2010 table, lower case; "є ї й ю я" differ at the start of a word.
UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
    "ʼ": "",
}  # fmt: skip
UKRAINIAN_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_CYRILLIC_WORD = re.compile(r"[а-яґєіїʼ’']+", re.IGNORECASE)


def _ukrainian_word(match):
    word = match.group(0).lower().replace("зг", "zgh")  # Згорани → Zghorany
    first = UKRAINIAN_WORD_START.get(word[0]) or UKRAINIAN.get(word[0], word[0])
    return first + "".join(UKRAINIAN.get(letter, letter) for letter in word[1:])


def transliterate_uk(text):
    """Ukrainian Cyrillic in Latin letters: "Допомога для українців" ->
    "Dopomoha dlia ukraintsiv" (lower case)."""
    return _CYRILLIC_WORD.sub(_ukrainian_word, str(text))


def slugify_pl(text):
    """Return a slug for ``text``: "Łódź i Mława" -> "lodz-i-mlawa";
    "Допомога для українців" -> "dopomoha-dlia-ukraintsiv"."""
    return slugify(transliterate_uk(str(text).translate(POLISH_TO_ASCII)))


def unique_slug(instance, text, *, field="slug", fallback="wpis", reserved=()):
    """Return a slug for ``text`` that no other row of ``instance``'s model uses
    and that is not one of ``reserved`` (its section's own addresses).

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
    taken = set(reserved) | set(
        others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True)
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
        number += 1
    return candidate
