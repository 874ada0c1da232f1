"""The search index: one row per thing a resident can find (article, award,
page, attachment), with its text analysed in Python (search.analysis) when the
thing is saved. PostgreSQL adds a weighted tsvector column with a GIN index,
SQLite an FTS5 table (both made by migration 0001); without FTS5 the term
columns are matched directly."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchEntryQuerySet(models.QuerySet):
    def visible(self, now=None):
        """What residents may find now: public, published, not yet ended."""
        now = now or timezone.now()
        return self.filter(
            Q(visible_from__isnull=True) | Q(visible_from__lte=now),
            Q(visible_until__isnull=True) | Q(visible_until__gt=now),
            is_public=True,
        )


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Aktualność")
        AWARD = "award", _("Wyróżnienie")
        PAGE = "page", _("Strona")
        ATTACHMENT = "attachment", _("Załącznik")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=12, choices=Kind)
    #: The site language this entry is found in (/uk/szukaj/ searches "uk").
    language = models.CharField(max_length=5, default="pl", db_default="pl")
    #: The language of its text: Polish when the item has no translation.
    text_language = models.CharField(max_length=5, default="pl", db_default="pl")
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    #: Plain text the snippet is cut from.
    text = models.TextField(blank=True)
    #: What the result is dated by (publication, award, last change).
    date = models.DateTimeField(null=True, blank=True)
    is_public = models.BooleanField(default=True)
    visible_from = models.DateTimeField(null=True, blank=True)
    visible_until = models.DateTimeField(null=True, blank=True)
    #: Analysed terms, space-separated and padded with spaces.
    title_terms = models.TextField(blank=True)
    lead_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    fallback_terms = models.TextField(blank=True)
    analysis_version = models.PositiveSmallIntegerField(default=0)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("pozycja wyszukiwarki")
        verbose_name_plural = _("pozycje wyszukiwarki")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="search_entry_one_per_item_language",
            )
        ]
        indexes = [
            models.Index(
                fields=["language", "is_public", "visible_from"],
                name="search_language_visible",
            ),
            # The newest matches first (search.results.find): for a word in
            # nearly everything, PostgreSQL walks this index and stops at 301
            # instead of testing every entry's vector (290 ms to 5 ms with
            # 10,000 articles); a rare word still goes through the GIN index.
            models.Index(
                fields=["language", "-date", "-id"], name="search_language_date"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class SearchTerm(models.Model):
    """Every word form seen in the indexed text: its folded form, its lemma and
    how it is written. Gives a word typed without diacritics the lemma it
    stands for, and "Czy chodziło o: zasiłek?" for a near miss."""

    folded = models.CharField(max_length=40, unique=True)
    #: Its dictionary forms, space-separated (a form can have several).
    lemma = models.CharField(max_length=200)
    word = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("słowo w wyszukiwarce")
        verbose_name_plural = _("słowa w wyszukiwarce")

    def __str__(self):
        return self.word
