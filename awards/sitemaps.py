from django.contrib.sitemaps import Sitemap

from awards.models import Award


class AwardSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Award.objects.public()

    def lastmod(self, award):
        return award.updated_at
