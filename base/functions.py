"""Case- and accent-insensitive text for search, in Python and in SQL.

``fold("Łódź") == "lodz"``; ``Fold("title")`` is the same in a query: unaccent on
PostgreSQL (the extension comes from news' migration 0006), and on SQLite a
function registered on every new connection (base.apps).
"""

import unicodedata

from django.db.models import Func, Q, TextField

from base.slugs import POLISH_TO_ASCII


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


def all_words_in(words, fields):
    """A filter: every word is contained in at least one of ``fields`` (names of
    folded aliases), for SQLite's search and short lists such as awards."""
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__contains": word})
        condition &= any_field
    return condition
