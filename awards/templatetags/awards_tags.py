"""The awards app's pieces of other pages: current awards (home page) and the
badges of the awards an article announced."""

from django import template
from django.utils import timezone

from awards.models import Award

register = template.Library()


@register.inclusion_tag("awards/includes/current_awards.html")
def current_awards():
    awards = (
        Award.objects.public()
        .shown_on(timezone.localdate())
        .for_cards()
        .translated_first()
    )
    return {"awards": awards}


@register.inclusion_tag("awards/includes/award_badges.html")
def award_badges(article):
    """Badges of the public awards ``article`` announced (the award page links
    back to the article)."""
    return {"awards": article.awards.public()}
