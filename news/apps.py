from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import connect_group_permissions, crud

#: What each staff group may do with articles (see base.apps). Photos are edited
#: inline in the article form, so whoever writes articles needs them all.
GROUP_PERMISSIONS = {
    "Redaktorzy": [
        *crud("news", "article", ("add", "change", "view")),
        *crud("news", "articleimage"),
        "news.view_category",
    ],
    "Wydawcy": [
        *crud("news", "article"),
        "news.publish_article",
        *crud("news", "articleimage"),
        *crud("news", "category"),
    ],
}


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Aktualności")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from page_cache import cache as page_cache

        connect_group_permissions(self, GROUP_PERMISSIONS)
        # Pending changes and preview links are not shown to residents.
        page_cache.watch(
            self.get_model("Category"),
            self.get_model("Article"),
            self.get_model("ArticleImage"),
        )
        page_cache.changes_at(next_article_change)


def next_article_change(now):
    """The next moment an article appears (scheduled), ends its publication or
    stops being featured, with no one acting."""
    from django.db.models import F, Min, Q

    from news.models import FEATURED_FOR, Article

    published = Q(status=Article.Status.PUBLISHED)
    found = Article.objects.aggregate(
        appears=Min("published_at", filter=published & Q(published_at__gt=now)),
        ends=Min("published_until", filter=published & Q(published_until__gt=now)),
        unfeatured=Min(
            "featured_until",
            filter=published & Q(is_featured=True, featured_until__gt=now),
        ),
        # Featured with no end set: featured for FEATURED_FOR after publication.
        unfeatured_by_age=Min(
            F("published_at"),
            filter=published
            & Q(
                is_featured=True,
                featured_until__isnull=True,
                published_at__gt=now - FEATURED_FOR,
            ),
        ),
    )
    if found["unfeatured_by_age"] is not None:
        found["unfeatured_by_age"] += FEATURED_FOR
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)
