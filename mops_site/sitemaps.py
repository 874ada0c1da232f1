"""The sitemap registry: each app's sitemaps, plus the fixed sections."""

from django.urls import reverse

from awards.sitemaps import AwardSitemap
from base.sitemaps import TranslatedSitemap
from news.sitemaps import ArticleSitemap, CategorySitemap
from pages.models import AccessibilityStatement
from pages.sitemaps import PageSitemap


class SectionSitemap(TranslatedSitemap):
    """The fixed sections: home, news, awards and the accessibility statement
    once it is published (before, its page says "w przygotowaniu" and asks
    search engines not to index it)."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        sections = ["home", "news:list", "awards:list"]
        if AccessibilityStatement.objects.filter(is_published=True).exists():
            sections.append("pages:accessibility_statement")
        return sections

    def location(self, name):
        return reverse(name)


sitemaps = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "awards": AwardSitemap,
    "pages": PageSitemap,
}
