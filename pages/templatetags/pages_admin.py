from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from base.models import Office
from pages.models import AccessibilityStatement, content_overdue

register = template.Library()


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def statement_review_notice(context):
    """On the admin's start page: the accessibility statement's yearly review."""
    request = context["request"]
    statement = AccessibilityStatement.current()
    if statement is None or not request.user.has_perm(
        "pages.change_accessibilitystatement"
    ):
        return {"notices": []}
    today = timezone.localdate()
    if not statement.review_is_due(today):
        return {"notices": []}
    deadline = statement.review_deadline(today)
    if today > deadline:
        text = _(
            "Deklaracja dostępności wymaga corocznego przeglądu: termin minął "
            "%(date)s. Sprawdź treść i ustaw datę ostatniego przeglądu."
        )
    else:
        text = _(
            "Deklaracja dostępności wymaga corocznego przeglądu: termin upływa "
            "%(date)s. Sprawdź treść i ustaw datę ostatniego przeglądu."
        )
    text %= {"date": f"{deadline:%d.%m.%Y}"}
    url = reverse("admin:pages_accessibilitystatement_change", args=[statement.pk])
    return {"notices": [(f"{url}#id_last_reviewed_on", text)]}


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def statement_contact_notice(context):
    """On the admin's start page: an unpublished statement, and exactly what it
    still needs (the law's e-mail, taken from the office record unless the
    statement has its own), each linked to the field that gives it."""
    request = context["request"]
    statement = AccessibilityStatement.current()
    if (
        not statement
        or statement.is_published
        or not request.user.has_perm("pages.change_accessibilitystatement")
    ):
        return {"notices": []}
    url = reverse("admin:pages_accessibilitystatement_change", args=[statement.pk])
    if statement.email:
        return {
            "notices": [
                (
                    f"{url}#id_is_published",
                    _(
                        "Deklaracja dostępności ma już adres e-mail do kontaktu, ale "
                        "nie jest opublikowana: mieszkańcy widzą tylko informację, "
                        "że jest w przygotowaniu. Zaznacz „opublikowana” i zapisz."
                    ),
                )
            ]
        }
    office = Office.current()
    target = (
        reverse("admin:base_office_change", args=[office.pk]) + "#id_email"
        if office.pk and request.user.has_perm("base.change_office")
        else f"{url}#id_contact_email"
    )
    return {
        "notices": [
            (
                target,
                _(
                    "Deklaracja dostępności czeka na adres e-mail do kontaktu "
                    "(wymaga go ustawa): wpisz e-mail ośrodka w „Dane instytucji”, "
                    "a potem zaznacz w deklaracji „opublikowana”."
                ),
            )
        ]
    }


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def overdue_pages_notice(context):
    """On the admin's start page: pages past their "przejrzyj do" date."""
    if not context["request"].user.has_perm("pages.change_page"):
        return {"notices": []}
    today = timezone.localdate()
    return {
        "notices": [
            (
                reverse(url_name, args=[pk]) + "#id_review_by",
                _(
                    "%(what)s: termin przeglądu minął %(date)s. Sprawdź, czy treść "
                    "jest aktualna, i przesuń datę „przejrzyj do”."
                )
                % {"what": what, "date": f"{since:%d.%m.%Y}"},
            )
            for what, since, url_name, pk in content_overdue(today)
            if url_name == "admin:pages_page_change"
        ]
    }
