"""A resident's display preferences (larger text, high contrast), kept in two
cookies: read here, once, for the layout, the page cache's key and the form
that sets them."""

from dataclasses import dataclass

TEXT_COOKIE = "tekst"
CONTRAST_COOKIE = "kontrast"
#: Text sizes and the class each puts on <body>.
TEXT_SIZES = {"normal": "", "large": "text-large", "larger": "text-larger"}
CONTRASTS = {"0": "", "1": "high-contrast"}


@dataclass(frozen=True)
class DisplayPreferences:
    text_size: str = "normal"
    high_contrast: bool = False

    @property
    def classes(self):
        """The <body> classes: "text-larger high-contrast"."""
        contrast = CONTRASTS["1" if self.high_contrast else "0"]
        return " ".join(c for c in (TEXT_SIZES[self.text_size], contrast) if c)


def read(request):
    """The preferences a request's cookies carry (a forged value is the
    default), parsed once per request."""
    known = getattr(request, "_display_preferences", None)
    if known is None:
        text_size = request.COOKIES.get(TEXT_COOKIE, "normal")
        known = DisplayPreferences(
            text_size=text_size if text_size in TEXT_SIZES else "normal",
            high_contrast=request.COOKIES.get(CONTRAST_COOKIE) == "1",
        )
        request._display_preferences = known
    return known
