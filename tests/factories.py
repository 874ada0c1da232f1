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


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.Issuer"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Stowarzyszenie numer {n}")
    short_name = factory.Sequence(lambda n: f"S{n}")
    slug = factory.Sequence(lambda n: f"stowarzyszenie-{n}")


class AwardFactory(factory.django.DjangoModelFactory):
    """A public certificate valid for 2022–2026. Traits: ``open_ended``, ``hidden``."""

    class Meta:
        model = "awards.Award"

    title = factory.Sequence(lambda n: f"Certyfikat numer {n}")
    slug = factory.Sequence(lambda n: f"certyfikat-numer-{n}")
    kind = "certificate"
    issuer = factory.SubFactory(IssuerFactory)
    recipient = "Miejski Ośrodek Pomocy Społecznej w Mławie"
    valid_from = datetime.date(2022, 1, 1)
    valid_until = datetime.date(2026, 12, 31)

    class Params:
        open_ended = factory.Trait(valid_until=None)
        hidden = factory.Trait(is_public=False)
