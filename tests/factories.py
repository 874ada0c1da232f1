import datetime

import factory
from django.utils import timezone

from news.models import Article, Category


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, a day old. Traits: ``draft``, ``scheduled``."""

    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Artykuł numer {n}")
    slug = factory.Sequence(lambda n: f"artykul-numer-{n}")
    lead = "Krótkie streszczenie artykułu."
    body = "<p>Treść artykułu.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=1)
    )

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(
                lambda: timezone.now() + datetime.timedelta(days=1)
            )
        )
