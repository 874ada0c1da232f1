from django import template

from news.models import Article

register = template.Library()


@register.inclusion_tag("admin/includes/publishing.html", takes_context=True)
def publishing_overview(context):
    """On the admin's start page: drafts waiting and articles scheduled to appear."""
    if not context["request"].user.has_perm("news.view_article"):
        return {"show": False}
    return {
        "show": True,
        "drafts": Article.objects.filter(status=Article.Status.DRAFT).count(),
        "scheduled": Article.objects.scheduled().order_by("published_at")[:5],
    }
