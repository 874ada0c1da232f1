"""The sitemaps' common part: every address in each language it exists in."""

from django.contrib.sitemaps import Sitemap

from base.models import LANGUAGE_CODES


class TranslatedSitemap(Sitemap):
    """Lists an item's Polish address and its Ukrainian and English ones where
    it has a translation, each with ``hreflang`` alternates and ``x-default``
    (the Polish page). An untranslated item's /uk/ page shows the Polish text,
    so it is not offered as a Ukrainian page."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        has_translation = getattr(item, "has_translation", None)
        if has_translation is None:
            return LANGUAGE_CODES
        return [code for code in LANGUAGE_CODES if has_translation(code)]
