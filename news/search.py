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

from news.slugs import POLISH_TO_ASCII

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
    from news.models import Article

    articles = Article.objects.published().for_cards()
    if connection.vendor == "postgresql":
        # Only \w characters reach the raw query, each as a prefix term.
        raw = " & ".join(f"{word}:*" for word in words)
        query = SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
        return articles.annotate(search=article_search_vector()).filter(search=query)
    folded = {f"folded_{name}": Fold(name) for name in ARTICLE_SEARCH_FIELDS}
    return articles.annotate(**folded).filter(_all_words_in(words, folded))


def matching_awards(words):
    from awards.models import Award

    fields = {
        "folded_title": Fold("title"),
        "folded_description": Fold("description"),
        "folded_issuer": Fold("issuer__name"),
        "folded_issuer_short": Fold("issuer__short_name"),
    }
    return (
        Award.objects.public()
        .for_cards()
        .annotate(**fields)
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


def search(query):
    """Results for ``query``, newest first: articles and awards together."""
    words = query_words(query)
    if not words:
        return []
    results = [
        Result(
            "Aktualność", a.title, a.get_absolute_url(), a.lead, _day(a.published_at)
        )
        for a in matching_articles(words)[:MAX_RESULTS]
    ]
    for award in matching_awards(words)[:MAX_RESULTS]:
        summary = (
            f"{award.get_kind_display().capitalize()}, przyznał: {award.issuer.name}"
        )
        if award.validity_display:
            summary += f", {award.validity_display}"
        results.append(
            Result(
                "Wyróżnienie",
                award.title,
                award.get_absolute_url(),
                summary,
                _day(award.awarded_on or award.valid_from),
            )
        )
    return sorted(results, key=lambda result: result.day, reverse=True)
