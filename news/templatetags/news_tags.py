import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from base.fields import clean_html

register = template.Library()


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


def _json_ld(data):
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
    return _json_ld(data)


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, office):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "inLanguage": "pl",
        "author": {"@type": "Organization", "name": office.name},
        "publisher": {"@type": "Organization", "name": office.name},
    }
    image = article.main_image
    if image:
        data["image"] = [
            request.build_absolute_uri(r.url) for r in image.renditions["jpg"]
        ]
    return _json_ld(data)


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def statement_review_notice(context):
    """On the admin's start page: the accessibility statement's yearly review."""
    from news.models import AccessibilityStatement

    request = context["request"]
    statement = AccessibilityStatement.current()
    if statement is None or not request.user.has_perm(
        "news.change_accessibilitystatement"
    ):
        return {"notices": []}
    today = timezone.localdate()
    if not statement.review_is_due(today):
        return {"notices": []}
    deadline = statement.review_deadline(today)
    overdue = "minął" if today > deadline else "upływa"
    text = (
        f"Deklaracja dostępności wymaga corocznego przeglądu: termin {overdue} "
        f"{deadline:%d.%m.%Y}. Sprawdź treść i ustaw datę ostatniego przeglądu."
    )
    url = reverse("admin:news_accessibilitystatement_change", args=[statement.pk])
    return {"notices": [(f"{url}#id_last_reviewed_on", text)]}


@register.inclusion_tag("admin/includes/publishing.html", takes_context=True)
def publishing_overview(context):
    """On the admin's start page: drafts waiting and articles scheduled to appear."""
    from news.models import Article

    if not context["request"].user.has_perm("news.view_article"):
        return {"show": False}
    return {
        "show": True,
        "drafts": Article.objects.filter(status=Article.Status.DRAFT).count(),
        "scheduled": Article.objects.scheduled().order_by("published_at")[:5],
    }


#: What residents miss while these office fields are empty, for the start page.
OFFICE_FIELDS_TO_COMPLETE = {
    "email": "e-mail ośrodka (stopka każdej strony)",
    "bip_url": "adres BIP (stopka każdej strony)",
    "dpo_name": "imię i nazwisko inspektora ochrony danych (strona RODO)",
    "dpo_email": "e-mail inspektora ochrony danych (strona RODO)",
}


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def office_data_notice(context):
    """On the admin's start page: the office's contact data residents still miss,
    each linked to its own field in the form."""
    from news.models import AccessibilityStatement, Office

    request = context["request"]
    notices = []
    office = Office.current()
    if office.pk and request.user.has_perm("news.change_office"):
        url = reverse("admin:news_office_change", args=[office.pk])
        notices += [
            (f"{url}#id_{field}", f"Uzupełnij dane instytucji: {label}.")
            for field, label in OFFICE_FIELDS_TO_COMPLETE.items()
            if not getattr(office, field)
        ]
    statement = AccessibilityStatement.current()
    if (
        statement
        and not statement.contact_email
        and request.user.has_perm("news.change_accessibilitystatement")
    ):
        url = reverse("admin:news_accessibilitystatement_change", args=[statement.pk])
        notices.append(
            (
                f"{url}#id_contact_email",
                "Deklaracja dostępności nie ma adresu e-mail do kontaktu.",
            )
        )
    return {"notices": notices}
