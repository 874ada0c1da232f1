"""Template tags every page uses: rich text, pictures, canonical and absolute
addresses, structured data."""

import json
import re

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from base.fields import clean_html

register = template.Library()


@register.filter
def iso_datetime(value):
    """A valid HTML/ISO 8601 date and time in the site's time zone, to the second
    (``|date:'c'`` prints microseconds, which ``<time datetime>`` refuses)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


_TABLE = re.compile(r"(<table\b.*?</table>)", re.S)


@register.filter
def rich_text(value):
    """The one way rich text reaches a page: cleaned again, then marked safe.
    A table goes in a region that scrolls sideways when it is wider than the
    page (large text, a phone), which keyboards can reach and readers name."""
    label = escape(gettext("Tabela (przewiń w bok, aby zobaczyć całą)"))
    html = _TABLE.sub(
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">'
        r"\1</div>",
        clean_html(value),
    )
    return mark_safe(html)  # noqa: S308 (nh3 has just cleaned it)


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
    obj = context.get("object")
    if obj is not None and not _translated(obj, translation.get_language()):
        # An untranslated item's page in another language shows the Polish
        # text: the Polish page is the one to index.
        with translation.override(settings.LANGUAGE_CODE):
            return request.build_absolute_uri(obj.get_absolute_url())
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

    changes = public_changes(obj)
    return {
        "published_at": published_at,
        "published_by": person(published_by) if published_by else "",
        "changes": changes,
        # What the list shows: the first publication and each real change.
        "count": len(changes) + (1 if published_at else 0),
    }


#: og:locale of each language of the site.
OG_LOCALES = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def og_locale(context):
    """The locale of the text this page shows: the page's language, or Polish
    where its item has no translation (the Polish text is shown)."""
    language = translation.get_language()
    obj = context.get("object")
    if obj is not None and not _translated(obj, language):
        language = settings.LANGUAGE_CODE
    return OG_LOCALES.get(language, "pl_PL")


def _translated(obj, language):
    has_translation = getattr(obj, "has_translation", None)
    return has_translation is None or has_translation(language)


def _address_in(context, language):
    """This page's address in ``language``: the same item's own address there
    (its slug in that language), else the same route with translated segments."""
    request = context["request"]
    obj = context.get("object")
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
    # Resolved in the page's own language, reversed in the other one.
    address = translate_url(request.path, language)
    return f"{address}?{request.GET.urlencode()}" if request.GET else address


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language, labelled in the language's own name:
    plain links, so switching works without JavaScript."""
    current = translation.get_language()
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                "url": _address_in(context, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for every language this page has a
    version in (an item's untranslated languages are left out: they show the
    Polish text), and ``x-default`` for the Polish page."""
    request = context.get("request")
    if request is None or context.get("is_preview"):
        return ""
    obj = context.get("object")
    links = []
    for code, _name in settings.LANGUAGES:
        if obj is not None and not _translated(obj, code):
            continue
        url = request.build_absolute_uri(_address_in(context, code))
        links.append((code, url))
        if code == settings.LANGUAGE_CODE:
            links.append(("x-default", url))
    if len(links) <= 2:
        return ""
    return format_html_join(
        "\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links
    )


@register.filter
def shown_language(obj, field=None):
    """The language of the text ``obj`` shows for ``field`` (or as a whole) on
    this page: the active one, or Polish when the translation is missing."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return language
    if field is None:
        return language if _translated(obj, language) else settings.LANGUAGE_CODE
    return language if getattr(obj, f"{field}_{language}", None) else "pl"


@register.simple_tag
def lang_attr(obj, field=None):
    """`` lang="pl"`` on an element whose text falls back to Polish."""
    shown = shown_language(obj, field)
    if shown == translation.get_language():
        return ""
    return format_html(' lang="{}"', shown)


@register.inclusion_tag("includes/translation_note.html", takes_context=True)
def translation_note(context, obj):
    """What a resident reading another language learns about this item's text:
    no translation yet (the Polish text follows), or an outdated translation,
    with a link to the Polish version."""
    language = translation.get_language()
    status = None
    if language != settings.LANGUAGE_CODE and hasattr(obj, "translation_status"):
        status = obj.translation_status(language)
    polish_url = ""
    if status in ("missing", "outdated"):
        with translation.override(settings.LANGUAGE_CODE):
            polish_url = (
                obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
            )
    return {"status": status, "polish_url": polish_url}


@register.filter
def is_translated(obj):
    """Whether ``obj`` has a version in the active language."""
    return _translated(obj, translation.get_language())
