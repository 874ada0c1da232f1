"""The database side of the search index, per engine, behind two calls:
``sync(entries)`` after entries are written and ``matching(queryset, terms)``
to find and rank them. The terms themselves come from search.analysis.

- PostgreSQL: a ``vector`` column (title A, lead B, body C, fallback D) with a
  GIN index; ranked by ts_rank with weights D 0.05, C 0.2, B 0.4, A 1.
- SQLite with FTS5: a ``search_fts`` table keyed by the entry's id; ranked by
  bm25 with column weights 10 (title), 4 (lead), 1 (body), 0.3 (fallback).
- SQLite without FTS5: the term columns matched with LIKE and scored in SQL.
Ties go to the newer entry in the caller's ordering."""

import logging

from django.db import OperationalError, connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    FloatField,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

logger = logging.getLogger(__name__)

PG_VECTOR = (
    "setweight(to_tsvector('simple', title_terms), 'A') || "
    "setweight(to_tsvector('simple', lead_terms), 'B') || "
    "setweight(to_tsvector('simple', body_terms), 'C') || "
    "setweight(to_tsvector('simple', fallback_terms), 'D')"
)
PG_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D, C, B, A


def engine(using=None):
    from django.db import connections

    conn = connections[using or "default"]
    if conn.vendor == "postgresql":
        return "postgresql"
    if conn.vendor == "sqlite":
        return "fts5" if has_fts5(conn) else "like"
    return "like"


def has_fts5(conn=None):
    """Whether the FTS5 table exists: asked once per connection (the schema
    functions below keep the answer in step), not on every search."""
    conn = conn or connection
    if getattr(conn, "mops_has_fts5", None) is None:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master "
                "WHERE type='table' AND name='search_fts'"
            )
            conn.mops_has_fts5 = cursor.fetchone()[0] == 1
    return conn.mops_has_fts5


# --- schema (migration 0002) ---------------------------------------------------


def create_schema(schema_editor):
    conn = schema_editor.connection
    if conn.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry ADD COLUMN vector tsvector"
        )
        schema_editor.execute(
            "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)"
        )
    elif conn.vendor == "sqlite":
        try:
            schema_editor.execute(
                "CREATE VIRTUAL TABLE search_fts USING fts5("
                "title, lead, body, fallback, tokenize = 'unicode61')"
            )
        except OperationalError:  # a Python built without FTS5
            logger.warning("SQLite has no FTS5: search matches the term columns.")
        conn.mops_has_fts5 = None  # ask again


def drop_schema(schema_editor):
    conn = schema_editor.connection
    if conn.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN vector")
    elif conn.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
        conn.mops_has_fts5 = False


# --- writing ---------------------------------------------------------------------


def sync(entry_ids, using=None):
    """Bring the engine's index up to date with these entries' term columns."""
    entry_ids = list(entry_ids)
    if not entry_ids:
        return
    kind = engine(using)
    from django.db import connections

    with connections[using or "default"].cursor() as cursor:
        marks = ", ".join(["%s"] * len(entry_ids))
        if kind == "postgresql":
            cursor.execute(
                f"UPDATE search_searchentry SET vector = {PG_VECTOR} "  # noqa: S608
                f"WHERE id IN ({marks})",
                entry_ids,
            )
        elif kind == "fts5":
            cursor.execute(
                f"DELETE FROM search_fts WHERE rowid IN ({marks})",  # noqa: S608
                entry_ids,
            )
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, lead, body, fallback) "  # noqa: S608
                "SELECT id, title_terms, lead_terms, body_terms, fallback_terms "
                f"FROM search_searchentry WHERE id IN ({marks})",
                entry_ids,
            )


def clear(using=None):
    """Empty the engine's own index (before every entry is written again)."""
    if engine(using) == "fts5":
        from django.db import connections

        with connections[using or "default"].cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


def forget(entry_ids, using=None):
    entry_ids = list(entry_ids)
    if entry_ids and engine(using) == "fts5":
        from django.db import connections

        marks = ", ".join(["%s"] * len(entry_ids))
        with connections[using or "default"].cursor() as cursor:
            cursor.execute(
                f"DELETE FROM search_fts WHERE rowid IN ({marks})",  # noqa: S608
                entry_ids,
            )


# --- finding ---------------------------------------------------------------------


def matching(queryset, terms, rank=True):
    """``queryset`` narrowed to entries where every query word matches (one of
    its lemmas or its fallback), annotated with ``score`` (higher is better)
    unless ``rank`` is false (ranking reads every match's whole vector)."""
    kind = engine(queryset.db)
    if kind == "postgresql":
        query = " & ".join(
            "(" + " | ".join([*lemmas, fallback]) + ")" for lemmas, fallback in terms
        )
        found = queryset.extra(
            where=["vector @@ to_tsquery('simple', %s)"], params=[query]
        )
        if not rank:
            return found
        return found.annotate(
            score=RawSQL(  # noqa: S611 (constant SQL, the query is a parameter)
                f"ts_rank('{PG_WEIGHTS}', vector, to_tsquery('simple', %s))",
                (query,),
                output_field=FloatField(),
            )
        )
    if kind == "fts5":
        match = " AND ".join(
            "("
            + " OR ".join(f'{{title lead body}} : "{lemma}"' for lemma in lemmas)
            + f' OR fallback : "{fallback}")'
            for lemmas, fallback in terms
        )
        # Joined, not a subquery per row: bm25 is computed once per match.
        found = queryset.extra(
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchentry.id", "search_fts MATCH %s"],
            params=[match],
        )
        if not rank:
            return found
        return found.extra(select={"score": "-bm25(search_fts, 10.0, 4.0, 1.0, 0.3)"})
    return _like(queryset, terms)


def _like(queryset, terms):
    condition = Q()
    score = Value(0)
    for lemmas, fallback in terms:
        padded_fallback = f" {fallback} "
        word = Q(fallback_terms__contains=padded_fallback)
        for column, points in [
            ("title_terms", 100),
            ("lead_terms", 40),
            ("body_terms", 10),
        ]:
            in_column = Q()
            for lemma in lemmas:
                in_column |= Q(**{f"{column}__contains": f" {lemma} "})
            word |= in_column
            score = score + Case(
                When(in_column, then=Value(points)),
                default=Value(0),
                output_field=IntegerField(),
            )
        condition &= word
        score = score + Case(
            When(fallback_terms__contains=padded_fallback, then=Value(3)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.filter(condition).annotate(
        score=ExpressionWrapper(score, output_field=FloatField())
    )
