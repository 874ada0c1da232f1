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
    # Each leads to adding the renewal, prefilled from the award it renews.
    add = reverse("admin:awards_award_add")
    return {
        "notices": [
            (f"{add}?renews={award.pk}#id_title", award.expiry_notice(today))
            for award in awards
        ]
    }
