from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7
    #: URLs per sitemap page: ten years of news is several small documents
    #: (listed by the sitemap index), never one of megabytes.
    limit = 1000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at", "published_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # For the index: one aggregate, not every article read (Django's default).
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        published = Article.objects.published().values("category")
        return Category.objects.filter(pk__in=published)
