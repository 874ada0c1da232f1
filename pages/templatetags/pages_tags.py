from django import template
from django.utils.translation import get_language

from page_cache import cache as page_cache
from pages.models import Page

register = template.Library()


@register.simple_tag
def footer_pages():
    """The pages linked from every page's footer ("O nas", "Kontakt", …),
    remembered until content changes."""
    return page_cache.remember(
        f"footer-pages:{get_language()}",
        lambda: list(Page.objects.in_footer().translated_first()),
    )
