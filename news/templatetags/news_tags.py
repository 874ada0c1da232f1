from django import template
from django.utils.safestring import mark_safe

from news.fields import clean_html

register = template.Library()


@register.filter
def rich_text(value):
    """The one way rich text reaches a page: cleaned again, then marked safe."""
    return mark_safe(clean_html(value))  # noqa: S308 (nh3 has just cleaned it)


@register.inclusion_tag("includes/picture.html")
def picture(renditions, *, alt, sizes="100vw", lazy=True, largest=800):
    """``<picture>`` with WebP and JPEG ``srcset``s, ``width``/``height`` and ``alt``.

    ``renditions`` is what ``news.images.renditions()`` returns; the ``<img>``'s own
    ``src`` is the largest JPEG not wider than ``largest``.
    """
    jpegs = renditions["jpg"]
    fallback = [r for r in jpegs if r.width <= largest][-1:] or jpegs[:1]
    return {
        "webp": renditions["webp"],
        "jpg": jpegs,
        "fallback": fallback[0],
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
    }
