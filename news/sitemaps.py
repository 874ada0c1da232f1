from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import AccessibilityStatement, Article, Category, Page


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Article.objects.published()

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        published = Article.objects.published().values("category")
        return Category.objects.filter(pk__in=published)


class PageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Page.objects.public()

    def lastmod(self, page):
        return page.updated_at


class SectionSitemap(Sitemap):
    """The fixed sections: home, news, awards and the accessibility statement."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        sections = ["home", "news:list", "awards:list"]
        if AccessibilityStatement.objects.exists():
            sections.append("accessibility_statement")
        return sections

    def location(self, name):
        return reverse(name)
