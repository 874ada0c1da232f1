from django.utils.functional import SimpleLazyObject

from base import preferences
from base.models import Notice, Office
from page_cache import cache as page_cache


def site(request):
    """What every page's layout shows: the office's data, the notices on now, and
    the resident's display preferences (from cookies). The footer's pages come
    from the pages app's own tag (``footer_pages``)."""
    display = preferences.read(request)
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
        "text_size": display.text_size,
        "high_contrast": display.high_contrast,
        "display_classes": display.classes,
    }
