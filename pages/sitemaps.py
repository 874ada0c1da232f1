from base.sitemaps import TranslatedSitemap
from pages.models import Page


class PageSitemap(TranslatedSitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Page.objects.public()

    def lastmod(self, page):
        return page.updated_at
