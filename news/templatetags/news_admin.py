import datetime

from django import template
from django.db.models import Q
from django.utils import timezone

from news.models import Article, ArticleChange

register = template.Library()

#: A request for review older than this is overdue on the start page.
REVIEW_WAIT = datetime.timedelta(days=3)


@register.inclusion_tag("admin/includes/publishing.html", takes_context=True)
def publishing_overview(context):
    """On the admin's start page, by role: what waits for this publisher's
    decision (overdue requests marked), this editor's drafts, returned articles
    and pending changes, and what is scheduled to appear."""
    user = context["request"].user
    if not user.has_perm("news.view_article"):
        return {"show": False}
    overdue_before = timezone.now() - REVIEW_WAIT
    data = {
        "show": True,
        "may_publish": Article.may_publish(user),
        "drafts": Article.objects.filter(status=Article.Status.DRAFT).count(),
        "scheduled": Article.objects.scheduled().order_by("published_at")[:5],
        "overdue_before": overdue_before,
    }
    if data["may_publish"]:
        data["to_review"] = (
            Article.objects.in_review()
            .select_related("submitted_by")
            .order_by("submitted_at")[:20]
        )
        data["changes"] = (
            ArticleChange.objects.pending()
            .select_related("article", "author")
            .order_by("created_at")[:20]
        )
    else:
        mine = Article.objects.filter(author=user, status=Article.Status.DRAFT)
        data["returned"] = mine.exclude(review_note="")[:20]
        data["my_drafts"] = mine.filter(review_note="")[:20]
        data["my_in_review"] = (
            Article.objects.in_review()
            .filter(Q(author=user) | Q(submitted_by=user))
            .order_by("submitted_at")[:20]
        )
        data["my_changes"] = (
            ArticleChange.objects.pending()
            .filter(author=user)
            .select_related("article")[:20]
        )
    return data
