from awards.models import Award
from base.sitemaps import TranslatedSitemap


class AwardSitemap(TranslatedSitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Award.objects.public()

    def lastmod(self, award):
        return award.updated_at
