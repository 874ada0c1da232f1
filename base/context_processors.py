from django.utils.functional import SimpleLazyObject

from base import page_cache
from base.models import Notice, Office

TEXT_SIZES = {"normal": "", "large": "text-large", "larger": "text-larger"}


def site(request):
    """What every page's layout shows: the office's data, the notices on now, and
    the resident's display preferences (from cookies). The footer's pages come
    from the pages app's own tag (``footer_pages``)."""
    text_size = request.COOKIES.get("tekst", "normal")
    if text_size not in TEXT_SIZES:
        text_size = "normal"
    high_contrast = request.COOKIES.get("kontrast") == "1"
    classes = [TEXT_SIZES[text_size], "high-contrast" if high_contrast else ""]
    return {
        # Remembered until content changes or a notice starts or ends.
        "office": SimpleLazyObject(
            lambda: page_cache.remember("office", Office.current)
        ),
        "notices": SimpleLazyObject(
            lambda: page_cache.remember(
                "notices", lambda: list(Notice.objects.current())
            )
        ),
        "text_size": text_size,
        "high_contrast": high_contrast,
        "display_classes": " ".join(c for c in classes if c),
    }
