from django import template
from django.urls import reverse
from django.utils import timezone

from awards.models import Award

register = template.Library()


@register.inclusion_tag("admin/includes/reminders.html", takes_context=True)
def expiring_awards_notice(context):
    """On the admin's start page: awards that expire within the warning window."""
    request = context["request"]
    if not request.user.has_perm("awards.view_award"):
        return {"notices": []}
    today = timezone.localdate()
    awards = Award.objects.expiring_on(today).for_cards()
    return {
        "notices": [
            (
                reverse("admin:awards_award_change", args=[award.pk])
                + "#id_valid_until",
                award.expiry_notice(today),
            )
            for award in awards
        ]
    }
