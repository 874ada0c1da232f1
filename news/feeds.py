"""RSS 2.0 and Atom feeds of published articles, site-wide and per category.

Each entry carries the lead as its summary and the whole cleaned article as its
content (links and images absolute, so feed readers can follow them), the office
as its author (RFC 4287 asks for one), and the main photo as an enclosure.
"""

import copy
import re

from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from base.fields import clean_html
from base.models import Office
from base.views import by_translated_slug
from news.models import Article, Category

FEED_SIZE = 20
_RELATIVE = re.compile(r'(\s(?:href|src))="(/[^/"][^"]*|/)"')


class _WithContent:
    """Feed generators that add each entry's full HTML content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            self.add_content(handler, item["content"])


class RssWithContent(_WithContent, Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_content(self, handler, content):
        handler.addQuickElement("content:encoded", content)


class AtomWithContent(_WithContent, Atom1Feed):
    def add_content(self, handler, content):
        handler.addQuickElement("content", content, {"type": "html"})


class LatestArticlesFeed(Feed):
    """RSS 2.0 of the newest published articles."""

    feed_type = RssWithContent

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (urls.py): per-request state goes
        # on a copy, never on the shared instance.
        feed = copy.copy(self)
        feed.request = request
        feed.office = Office.current()
        return super(LatestArticlesFeed, feed).__call__(request, *args, **kwargs)

    def title(self):
        return _("Aktualności – %(office)s") % {"office": self.office.name}

    def link(self):
        return reverse("news:list")

    def description(self):
        return _("Najnowsze aktualności: %(office)s.") % {"office": self.office.name}

    def author_name(self):
        return self.office.name

    def author_link(self):
        return self.request.build_absolute_uri(reverse("home"))

    def items(self):
        # A feed in a language carries the articles written in it.
        return Article.objects.published().translated().for_cards()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_author_name(self, item):
        return self.office.name

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []

    def _main_rendition(self, item):
        image = item.main_image
        return (image, image.renditions["jpg"][-1]) if image else (None, None)

    def item_enclosures(self, item):
        image, rendition = self._main_rendition(item)
        if image is None:
            return []
        try:
            length = default_storage.size(rendition.name)
        except OSError:  # the file went missing: still announce the photo
            length = 0
        return [
            Enclosure(
                self.request.build_absolute_uri(rendition.url),
                str(length),
                "image/jpeg",
            )
        ]

    def item_extra_kwargs(self, item):
        """The whole article: the main photo, then the cleaned body, with every
        address made absolute."""
        image, rendition = self._main_rendition(item)
        parts = []
        if image is not None:
            parts.append(
                f'<p><img src="{escape(rendition.url)}" alt="{escape(image.alt)}" '
                f'width="{rendition.width}" height="{rendition.height}"></p>'
            )
        parts.append(clean_html(item.body))
        base = self.request.build_absolute_uri("/").rstrip("/")
        content = _RELATIVE.sub(lambda m: f'{m[1]}="{base}{m[2]}"', "".join(parts))
        return {"content": content}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = AtomWithContent
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    """RSS 2.0 of one category's newest published articles."""

    def get_object(self, request, slug):
        return by_translated_slug(Category.objects.all(), slug)

    def title(self, category):
        return f"{category.name} – {self.office.name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or _("Aktualności w kategorii %(category)s.") % {
            "category": category.name
        }

    def items(self, category):
        return (
            Article.objects.published()
            .translated()
            .filter(category=category)
            .for_cards()[:FEED_SIZE]
        )


class CategoryAtomFeed(CategoryFeed):
    feed_type = AtomWithContent
    subtitle = CategoryFeed.description
