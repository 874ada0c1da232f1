"""Ukrainian and English columns of the news app's content (django-modeltranslation).

An empty translation is stored as NULL: unique columns (slugs) allow any number
of untranslated rows, and a form saved unchanged stores what it read.
"""

from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Category


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = None


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "slug", "lead", "body")
    empty_values = None
