from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from base.models import Office
from news.models import Article, Category

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    """RSS 2.0 of the newest published articles."""

    def title(self):
        return f"Aktualności – {Office.current().name}"

    def link(self):
        return reverse("news:list")

    def description(self):
        return f"Najnowsze aktualności: {Office.current().name}."

    def items(self):
        return Article.objects.published().select_related("category")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    """RSS 2.0 of one category's newest published articles."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"{category.name} – {Office.current().name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or f"Aktualności w kategorii {category.name}."

    def items(self, category):
        return (
            Article.objects.published()
            .filter(category=category)
            .select_related("category")[:FEED_SIZE]
        )


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description
