"""Case- and accent-insensitive text for search: ``fold("Łódź") == "lodz"``
(the search app folds words so, in the index and in queries)."""

import unicodedata

from languages.slugs import POLISH_TO_ASCII


def fold(text):
    """Lower case without diacritics: "Łódź" -> "lodz"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize(
        "NFKD", str(text).translate(POLISH_TO_ASCII).lower()
    )
    return "".join(char for char in decomposed if not unicodedata.combining(char))
