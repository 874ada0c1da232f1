from django import template

from pages.models import Page

register = template.Library()


@register.simple_tag
def footer_pages():
    """The pages linked from every page's footer ("O nas", "Kontakt", …)."""
    return list(Page.objects.in_footer().translated_first())
