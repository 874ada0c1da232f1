"""Site search over published articles and public awards.

Case and Polish diacritics do not matter: "osrodek" finds "Ośrodek", "LODZ" finds
"Łódź". Every word must match, as the start of a word on PostgreSQL (full-text
search with unaccent, backed by a GIN index made by migrations) and anywhere in the
text on SQLite (the zero-set-up fallback, with a folding SQL function).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Func, Q, TextField
from django.utils import timezone

from awards.models import Award
from base.slugs import POLISH_TO_ASCII
from news.models import Article

#: PostgreSQL text search configuration: "simple" with unaccent (migration 0006).
SEARCH_CONFIG = "mops_search"
#: The expression the GIN index is built on; queries must use the very same one.
ARTICLE_SEARCH_FIELDS = ("title", "lead", "body")
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_RESULTS = 300
WORD = re.compile(r"\w+")


def fold(text):
    """Lower case without diacritics: "Łódź" -> "lodz"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize(
        "NFKD", str(text).translate(POLISH_TO_ASCII).lower()
    )
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Fold(Func):
    """``fold()`` in SQL: unaccent on PostgreSQL, a registered function on SQLite."""

    function = "LOWER"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="LOWER(UNACCENT(%(expressions)s))"
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="MOPS_FOLD")


def register_sqlite_fold(sender, connection, **kwargs):
    """Connected to ``connection_created``: gives SQLite the MOPS_FOLD function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("MOPS_FOLD", 1, fold, deterministic=True)


def article_search_vector():
    return SearchVector(*ARTICLE_SEARCH_FIELDS, config=SEARCH_CONFIG)


def query_words(query):
    """The words of a query, folded; punctuation, SQL and HTML characters dropped."""
    return [fold(word) for word in WORD.findall(query[:MAX_QUERY_LENGTH])][:MAX_WORDS]


def _all_words_in(words, fields):
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__contains": word})
        condition &= any_field
    return condition


def matching_articles(words):
    articles = Article.objects.published().only("title", "slug", "lead", "published_at")
    # alias(), not annotate(): the expressions filter but are not computed per row.
    if connection.vendor == "postgresql":
        # Only \w characters reach the raw query, each as a prefix term.
        raw = " & ".join(f"{word}:*" for word in words)
        query = SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
        return articles.alias(search=article_search_vector()).filter(search=query)
    folded = {f"folded_{name}": Fold(name) for name in ARTICLE_SEARCH_FIELDS}
    return articles.alias(**folded).filter(_all_words_in(words, folded))


def matching_awards(words):
    fields = {
        "folded_title": Fold("title"),
        "folded_description": Fold("description"),
        "folded_issuer": Fold("issuer__name"),
        "folded_issuer_short": Fold("issuer__short_name"),
    }
    return (
        Award.objects.public()
        .for_cards()
        .alias(**fields)
        .filter(_all_words_in(words, fields))
    )


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
        self.articles = matching_articles(words) if words else None
        self.awards = (
            [_award_result(award) for award in matching_awards(words)] if words else []
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
