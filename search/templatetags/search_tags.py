"""What the site's frame asks of search: its address in every language."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

register = template.Library()


@register.simple_tag
def search_addresses():
    """The search page's path in each language (/szukaj/, /uk/poshuk/, …):
    robots.txt keeps crawlers out of every one of them."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths
