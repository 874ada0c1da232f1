"""The sitemaps' common part: every address in each language it exists in."""

from django.contrib.sitemaps import Sitemap

from base.paginator import ArchivePaginator
from languages.models import LANGUAGE_CODES


class _ItemPaginator(ArchivePaginator):
    """Pages of items read from the database a page at a time, each item then
    given with its languages: Django's own i18n sitemap reads every item on
    every request to pair them with languages before paginating."""

    def __init__(self, sitemap, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemap = sitemap

    def page(self, number):
        page = super().page(number)
        page.object_list = [
            (item, code)
            for item in page.object_list
            for code in self.sitemap.get_languages_for_item(item)
        ]
        return page


class TranslatedSitemap(Sitemap):
    """Lists an item's Polish address and its Ukrainian and English ones where
    it has a translation, each with ``hreflang`` alternates and ``x-default``
    (the Polish page). An untranslated item's /uk/ page shows the Polish text,
    so it is not offered as a Ukrainian page."""

    i18n = True
    alternates = True
    x_default = True
    #: Addresses per sitemap at most (each item in up to three languages);
    #: ten years of news are several small documents listed by the index.
    limit = 1000

    @property
    def paginator(self):
        return _ItemPaginator(
            self,
            self.items(),
            self.limit // len(LANGUAGE_CODES),
            count_key=f"sitemap:{type(self).__name__}",
        )

    def _location(self, item, force_lang_code=None):
        # Each address is asked up to five times (as itself and as an alternate
        # of each language): worked out once per item and language.
        obj, code = item
        key = (getattr(obj, "pk", obj), force_lang_code or code)
        known = self.__dict__.setdefault("_locations", {})
        if key not in known:
            known[key] = super()._location(item, force_lang_code)
        return known[key]

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            # An item in one language has no alternates, as its page has no
            # hreflang links: both say the same.
            if (
                len(
                    [
                        a
                        for a in url.get("alternates", [])
                        if a["lang_code"] != "x-default"
                    ]
                )
                < 2
            ):
                url["alternates"] = []
        return urls

    def get_languages_for_item(self, item):
        has_translation = getattr(item, "has_translation", None)
        if has_translation is None:
            return LANGUAGE_CODES
        return [code for code in LANGUAGE_CODES if has_translation(code)]
