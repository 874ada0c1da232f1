from django.db.models import Max

from base.sitemaps import TranslatedSitemap
from languages.models import LANGUAGE_CODES
from news.models import Article, Category
from page_cache import cache as page_cache


class ArticleSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return (
            Article.objects.published()
            .only(
                *(
                    f"{field}_{code}"
                    for field in ("slug", "title")
                    for code in LANGUAGE_CODES
                ),
                "updated_at",
                "published_at",
            )
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # For the index: one aggregate, not every article read (Django's default),
        # remembered until content changes.
        return page_cache.remember(
            "sitemap-latest:articles",
            lambda: (
                self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]
            ),
        )


class CategorySitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        published = Article.objects.published().values("category")
        return Category.objects.filter(pk__in=published)
