from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from base.models import Office

register = template.Library()


#: What residents miss while these office fields are empty, for the start page.
OFFICE_FIELDS_TO_COMPLETE = {
    "email": _("e-mail ośrodka (stopka każdej strony)"),
    "bip_url": _("adres BIP (stopka każdej strony)"),
    "dpo_name": _("imię i nazwisko inspektora ochrony danych (strona RODO)"),
    "dpo_email": _("e-mail inspektora ochrony danych (strona RODO)"),
}


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def office_data_notice(context):
    """On the admin's start page: the office's contact data residents still miss,
    each linked to its own field in the form."""
    request = context["request"]
    notices = []
    office = Office.current()
    if office.pk and request.user.has_perm("base.change_office"):
        url = reverse("admin:base_office_change", args=[office.pk])
        notices += [
            (
                f"{url}#id_{field}",
                _("Uzupełnij dane instytucji: %(what)s.") % {"what": label},
            )
            for field, label in OFFICE_FIELDS_TO_COMPLETE.items()
            if not getattr(office, field)
        ]
    return {"notices": notices}
