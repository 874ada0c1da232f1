"""Site search: articles and awards matching a query, newest first.

Case and Polish diacritics do not matter: "osrodek" finds "Ośrodek", "LODZ" finds
"Łódź". Every word must match (``ArticleQuerySet.search``, ``AwardQuerySet.search``).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from awards.models import Award
from base.functions import fold
from news.models import Article

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_RESULTS = 300
WORD = re.compile(r"\w+")


def query_words(query):
    """The words of a query, folded; punctuation, SQL and HTML characters dropped."""
    return [fold(word) for word in WORD.findall(query[:MAX_QUERY_LENGTH])][:MAX_WORDS]


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    summary: str
    day: date


def _day(value):
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value or date.min


def _article_result(article):
    return Result(
        "Aktualność",
        article.title,
        article.get_absolute_url(),
        article.lead,
        _day(article.published_at),
    )


def _award_result(award):
    summary = f"{award.get_kind_display().capitalize()}, przyznał: {award.issuer.name}"
    if award.validity_display:
        summary += f", {award.validity_display}"
    return Result(
        "Wyróżnienie",
        award.title,
        award.get_absolute_url(),
        summary,
        _day(award.awarded_on or award.valid_from),
    )


class Results:
    """Articles and awards matching a query, newest first, for a Paginator.

    Awards are few and read once; articles are read from the database only up
    to the end of the page asked for, in date order, and merged with them.
    """

    def __init__(self, words):
        self.articles = (
            Article.objects.published()
            .only("title", "slug", "lead", "published_at")
            .search(words)
            if words
            else None
        )
        self.awards = (
            [
                _award_result(award)
                for award in Award.objects.public().for_cards().search(words)
            ]
            if words
            else []
        )

    def count(self):
        if self.articles is None:
            return 0
        return min(self.articles.count() + len(self.awards), MAX_RESULTS)

    def __getitem__(self, index):
        if self.articles is None:
            return []
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        stop = min(index.stop or MAX_RESULTS, MAX_RESULTS)
        merged = [_article_result(a) for a in self.articles[:stop]] + self.awards
        merged.sort(key=lambda result: result.day, reverse=True)
        return merged[index.start or 0 : stop]


def search(query):
    """Results for ``query``, newest first: articles and awards together."""
    return Results(query_words(query))
