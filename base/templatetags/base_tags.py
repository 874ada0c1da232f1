"""Template tags every page uses: rich text, pictures, canonical and absolute
addresses, structured data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from base.fields import clean_html

register = template.Library()


@register.filter
def iso_datetime(value):
    """A valid HTML/ISO 8601 date and time in the site's time zone, to the second
    (``|date:'c'`` prints microseconds, which ``<time datetime>`` refuses)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def rich_text(value):
    """The one way rich text reaches a page: cleaned again, then marked safe."""
    return mark_safe(clean_html(value))  # noqa: S308 (nh3 has just cleaned it)


@register.inclusion_tag("includes/picture.html")
def picture(renditions, *, alt, sizes="100vw", lazy=True, largest=800):
    """``<picture>`` with WebP and JPEG ``srcset``s, ``width``/``height`` and ``alt``.

    ``renditions`` is what ``base.images.renditions()`` returns; the ``<img>``'s own
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


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's address without query parameters, except a list's page number."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, name, *args):
    path = reverse(name, args=args)
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )
    # Escaped like json_script: the data cannot close the element. A JSON-LD data
    # block is not executed, so the CSP's script-src does not apply to it.
    safe_text = mark_safe(text)  # noqa: S308 (escaped above)
    return format_html('<script type="application/ld+json">{}</script>', safe_text)


@register.simple_tag(takes_context=True)
def organization_json_ld(context, office):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": office.name,
        "alternateName": office.short_name,
        "url": request.build_absolute_uri("/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": office.street_address,
            "postalCode": office.postal_code,
            "addressLocality": office.city,
            "addressCountry": "PL",
        },
    }
    if office.phone_numbers:
        data["telephone"] = office.phone_numbers[0]
    if office.email:
        data["email"] = office.email
    if office.description:
        data["description"] = office.description
    if office.bip_url:
        data["sameAs"] = [office.bip_url]
    data["logo"] = share_image(context)["url"]
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def share_image(context):
    """The image pages without a photo share: the office's logo, or the site's
    neutral image. ``{"url": absolute address, "alt": text, "width", "height"}``."""
    office = context.get("office")
    request = context.get("request")
    if office is not None and office.logo:
        url, alt = office.logo.url, office.logo_alt or office.name
        width, height = office.logo_width, office.logo_height
    else:
        url = static("img/udostepnianie.png")
        alt = office.name if office is not None else ""
        width, height = 1200, 630
    if request is not None:
        url = request.build_absolute_uri(url)
    return {"url": url, "alt": alt, "width": width, "height": height}


@register.inclusion_tag("includes/change_history.html")
def change_history(obj, published_at=None, published_by=None):
    """ "Historia zmian" under a public item (the BIP convention): who published
    it and when, and each later real change with its note; corrections are not
    listed. One query."""
    from base.history import person, public_changes

    return {
        "published_at": published_at,
        "published_by": person(published_by) if published_by else "",
        "changes": public_changes(obj),
    }
