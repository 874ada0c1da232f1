from django import template
from django.utils.safestring import mark_safe

from news.fields import clean_html

register = template.Library()


@register.filter
def rich_text(value):
    """The one way rich text reaches a page: cleaned again, then marked safe."""
    return mark_safe(clean_html(value))  # noqa: S308 (nh3 has just cleaned it)
