import datetime

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from base import images
from base.fields import CleanImageField, RichTextField
from base.models import Versioned
from base.uploads import UploadTo, validate_image
from languages.models import TRANSLATION_LANGUAGES, Translatable, TranslatableQuerySet
from languages.slugs import unique_slug

#: Slugs an article cannot take: they are addresses of the news section itself.
RESERVED_SLUGS = frozenset(
    {
        "rss",
        "atom",
        "kategoria",
        "kanaly",
        "podglad",
        # The same sections' addresses in Ukrainian and English (their catalogues).
        "katehoriia",
        "category",
        "feeds",
        "perehliad",
        "preview",
    }
)


@reversion.register()
class Category(Translatable, Versioned):
    translation_title = "name"

    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=120,
        unique=True,
        help_text=_(
            "Część adresu strony kategorii, np. „wyroznienia”. "
            "Uzupełnia się sama z nazwy."
        ),
    )
    description = models.TextField(
        _("opis"),
        blank=True,
        help_text=_("Krótkie wprowadzenie wyświetlane nad listą artykułów kategorii."),
    )

    objects = TranslatableQuerySet.as_manager()

    class Meta:
        verbose_name = _("kategoria")
        verbose_name_plural = _("kategorie")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


#: How long a featured article stays first when staff set no end.
FEATURED_FOR = datetime.timedelta(days=14)


class ArticleQuerySet(TranslatableQuerySet):
    def published(self):
        """What the public is shown: published, with a publication time not in
        the future and an end of publication (if any) not yet reached.

        Every public list, feed, sitemap, search and count goes through this.
        """
        now = timezone.now()
        return self.reachable().filter(
            Q(published_until__isnull=True) | Q(published_until__gt=now)
        )

    def reachable(self):
        """What a resident can open at its address: the published ones and the
        archived ones (past their end of publication, shown as archive)."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def archived(self):
        """Published once, past their end of publication: off every list."""
        return self.reachable().filter(published_until__lte=timezone.now())

    def in_review(self):
        return self.filter(status=Article.Status.REVIEW)

    def scheduled(self):
        """Published with a time still to come: they will appear by themselves."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    @staticmethod
    def _featured_now(now):
        return Q(is_featured=True) & (
            Q(featured_until__gt=now)
            | Q(featured_until__isnull=True, published_at__gt=now - FEATURED_FOR)
        )

    def featured_first(self):
        """Articles featured now before the others, then newest first. Featuring
        ends by itself: at ``featured_until``, or FEATURED_DAYS after publication
        when no end was set. Sorts every row: for the first few, ``top_featured_first``."""
        return self.annotate(
            featured_now=models.Case(
                models.When(self._featured_now(timezone.now()), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        ).order_by("-featured_now", "-published_at", "-pk")

    def top_featured_first(self, count, language=None):
        """The first ``count`` of ``featured_first().translated_first()`` at a
        cost that does not grow with the archive: the candidates are the newest
        ``count`` of each group the order puts first (featured now, translated
        into the page's language, both, any), each an index walk of a few rows;
        only those are sorted."""
        newest = ("-published_at", "-pk")
        featured = self.filter(self._featured_now(timezone.now()))
        groups = [self, featured]
        language = language or translation.get_language()
        if language in TRANSLATION_LANGUAGES:
            groups += [self.translated(language), featured.translated(language)]
        newest_of_each = [
            group.order_by(*newest).values("pk")[:count] for group in groups
        ]
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # One IN over a UNION ALL: PostgreSQL then looks the few keys up by
            # index, where an OR of INs made it read every row (13 ms to 0.3 ms
            # with 10,000 articles).
            first, *rest = newest_of_each
            candidates = Q(pk__in=first.union(*rest, all=True))
        else:  # SQLite allows no LIMIT inside a UNION
            candidates = Q()
            for newest_of_group in newest_of_each:
                candidates |= Q(pk__in=newest_of_group)
        return (
            self.filter(candidates).featured_first().translated_first(language)[:count]
        )

    def for_cards(self):
        """Everything an article card shows: the category joined, main images in
        one extra query whatever the number of articles."""
        main_images = ArticleImage.objects.filter(placement=ArticleImage.Placement.MAIN)
        return self.select_related("category").prefetch_related(
            models.Prefetch("images", queryset=main_images, to_attr="main_images")
        )


@reversion.register(follow=["images", "attachments"])
class Article(Translatable, Versioned):
    #: The news section's own addresses (news/urls.py), in every language.
    reserved_slugs = RESERVED_SLUGS

    class Status(models.TextChoices):
        DRAFT = "draft", _("Szkic")
        REVIEW = "review", _("Do akceptacji")
        PUBLISHED = "published", _("Opublikowany")

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_(
            "Część adresu artykułu. Uzupełnia się sama z tytułu (bez polskich "
            "znaków). Zmiana adresu opublikowanego artykułu tworzy przekierowanie ze "
            "starego adresu, więc udostępnione linki dalej działają."
        ),
    )
    lead = models.CharField(
        _("zajawka"),
        max_length=300,
        help_text=_(
            "Jedno–dwa zdania streszczenia (do 300 znaków), bez formatowania. "
            "Pokazywane na liście aktualności, w wynikach wyszukiwarek i w kanale RSS."
        ),
    )
    body = RichTextField(
        _("treść"),
        blank=True,
        help_text=_(
            "Treść artykułu. Śródtytuły zaczynaj od „Nagłówek 2”; tytuł strony "
            "jest dodawany automatycznie."
        ),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategoria"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="articles",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_(
            "Szkic i artykuł do akceptacji widzą tylko pracownicy. Opublikowany "
            "artykuł widzą wszyscy od daty publikacji."
        ),
    )
    published_at = models.DateTimeField(
        _("data publikacji"),
        null=True,
        blank=True,
        help_text=_(
            "Ustawiana automatycznie przy pierwszej publikacji. Data w przyszłości "
            "oznacza publikację zaplanowaną: artykuł pojawi się sam o tej godzinie."
        ),
    )
    published_until = models.DateTimeField(
        _("koniec publikacji"),
        null=True,
        blank=True,
        help_text=_(
            "Opcjonalnie, np. koniec naboru. Po tej chwili artykuł znika z list, "
            "kanałów RSS, wyszukiwarki i strony głównej, a jego strona zostaje pod "
            "adresem z oznaczeniem „Archiwum — informacja nieaktualna”."
        ),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opublikował(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wysłał(a) do akceptacji"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(
        _("wysłano do akceptacji"), null=True, blank=True, editable=False
    )
    review_note = models.TextField(
        _("uwagi wydawcy"),
        blank=True,
        default="",  # an unsaved article shows "" (db_default alone is an object)
        db_default="",
        help_text=_(
            "Dla autora: co poprawić przed publikacją. Wymagane przy "
            "„Zwróć do poprawy”."
        ),
    )
    is_featured = models.BooleanField(
        _("wyróżniony"),
        default=False,
        help_text=_(
            "Wyróżnione artykuły są pokazywane jako pierwsze na stronie głównej, "
            "do daty w polu „wyróżniony do”."
        ),
    )
    featured_until = models.DateTimeField(
        _("wyróżniony do"),
        null=True,
        blank=True,
        help_text=_(
            "Po tej chwili artykuł wraca na swoje miejsce według daty. Puste "
            "pole przy zaznaczonym wyróżnieniu: 14 dni od publikacji."
        ),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    attachments = GenericRelation("base.Attachment")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("artykuł")
        verbose_name_plural = _("artykuły")
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", _("Może publikować artykuły"))]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="news_article_pub_idx"
            ),
            # Public lists, in their order, with the end of publication carried:
            # a page's keys are read from the index alone, even at page 900.
            models.Index(
                fields=["-published_at", "-id", "published_until"],
                condition=Q(status="published"),
                name="news_article_public_idx",
            ),
            models.Index(
                fields=["category", "-published_at", "-id", "published_until"],
                condition=Q(status="published"),
                name="news_article_category_idx",
            ),
            # The home page's featured candidates: a few rows, newest first.
            models.Index(
                fields=["-published_at"],
                condition=Q(is_featured=True),
                name="news_article_featured_idx",
            ),
            # Lists in Ukrainian and English: translated first, then newest, the
            # very expression of TranslatableQuerySet.translated_first() (a list's
            # first page 20 ms to 0.1 ms of SQL with 10,000 articles).
            *(
                models.Index(
                    models.Case(
                        models.When(
                            Q(**{f"title_{code}__isnull": True})
                            | Q(**{f"title_{code}": ""}),
                            then=models.Value(1),
                        ),
                        default=models.Value(0),
                    ),
                    F("published_at").desc(),
                    F("id").desc(),
                    condition=Q(status="published"),
                    name=f"news_article_{code}_list_idx",
                )
                for code in ("uk", "en")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="news_article_ends_after_start",
                condition=Q(published_until__isnull=True)
                | Q(published_at__isnull=True)
                | Q(published_until__gt=F("published_at")),
            ),
            models.CheckConstraint(
                name="news_article_published_has_date",
                condition=Q(status__in=["draft", "review"])
                | Q(published_at__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                self, self.title, fallback="artykul", reserved=self.reserved_slugs
            )
        old_slug, old_status = getattr(self, "_stored_address", (None, None))
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            # Every path that renames a published article (the admin, the shell,
            # a workflow action, a restored version) keeps its old links working.
            if old_status == self.Status.PUBLISHED and old_slug not in (
                None,
                self.slug,
            ):
                self.redirect_old_url(Article(slug=old_slug).get_absolute_url())
        self._stored_address = (self.slug, self.status)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # The address residents know, as stored: see save().
        article._stored_address = (
            article.__dict__.get("slug"),
            article.__dict__.get("status"),
        )
        return article

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now().replace(microsecond=0)
        if (
            self.published_until
            and self.published_at
            and self.published_until <= self.published_at
        ):
            raise ValidationError(
                {
                    "published_until": ValidationError(
                        _("Koniec publikacji musi być później niż data publikacji."),
                        code="ends_before_start",
                    )
                }
            )
        if not self.is_featured:
            self.featured_until = None
        elif self.featured_until is None:
            start = self.published_at or timezone.now().replace(microsecond=0)
            self.featured_until = start + FEATURED_FOR
        if self.slug in self.reserved_slugs:
            raise ValidationError(
                {
                    "slug": ValidationError(
                        _(
                            "Ten adres jest zajęty przez dział aktualności; wybierz inny."
                        ),
                        code="reserved_slug",
                    )
                }
            )

    @property
    def is_reachable(self):
        """Whether residents can open it: the instance twin of ``reachable()``."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_archived(self):
        """Past its end of publication: the instance twin of ``archived()``."""
        return (
            self.is_reachable
            and self.published_until is not None
            and self.published_until <= timezone.now()
        )

    @property
    def is_live(self):
        """Whether residents are shown it: the instance twin of ``published()``."""
        return self.is_reachable and not self.is_archived

    # --- the editorial workflow: szkic → do akceptacji → opublikowany ------
    # Each step checks who asks, changes the fields, and leaves saving to the
    # caller (the admin's form saves once, with its version and note).

    @staticmethod
    def may_publish(user):
        return user.has_perm("news.publish_article")

    def _require_publisher(self, user, action):
        if not self.may_publish(user):
            raise PermissionDenied(
                _(
                    "Nie masz uprawnień, by %(action)s: to robi wydawca (grupa "
                    "Wydawcy). Nic nie zostało zmienione."
                )
                % {"action": action}
            )

    def submit_for_review(self, user):
        if self.status != self.Status.DRAFT:
            raise ValidationError(_("Do akceptacji można wysłać tylko szkic."))
        self.status = self.Status.REVIEW
        self.submitted_by, self.submitted_at = user, timezone.now()
        self.review_note = ""

    def withdraw_from_review(self, user):
        if self.status != self.Status.REVIEW:
            raise ValidationError(_("Ten artykuł nie czeka na akceptację."))
        if self.submitted_by_id != user.pk and not self.may_publish(user):
            raise PermissionDenied(
                _("Prośbę o akceptację wycofuje osoba, która ją wysłała, albo wydawca.")
            )
        self.status = self.Status.DRAFT

    def return_to_author(self, user, note):
        self._require_publisher(user, _("zwrócić artykuł do poprawy"))
        if self.status != self.Status.REVIEW:
            raise ValidationError(_("Do poprawy można zwrócić artykuł do akceptacji."))
        if not (note or "").strip():
            raise ValidationError(
                {
                    "review_note": _(
                        "Napisz autorowi, co poprawić (pole „Uwagi wydawcy”)."
                    )
                }
            )
        self.status = self.Status.DRAFT
        self.review_note = note.strip()

    def publish(self, user, at=None):
        """Publish now, or at ``at`` (scheduled)."""
        self._require_publisher(user, _("publikować artykuły"))
        self.status = self.Status.PUBLISHED
        self.published_at = (
            at or self.published_at or timezone.now().replace(microsecond=0)
        )
        self.published_by = user
        self.review_note = ""

    def images_without_alt(self):
        """Photos residents could not have described to them: publishing waits
        until each has a text alternative or is marked decorative."""
        return self.images.filter(alt_text="", is_decorative=False)

    def unpublish(self, user):
        self._require_publisher(user, _("wycofywać artykuły z publikacji"))
        if self.status != self.Status.PUBLISHED:
            raise ValidationError(_("Ten artykuł nie jest opublikowany."))
        self.status = self.Status.DRAFT

    def change_needs_review(self, user):
        """An editor's change to a published (or scheduled) article waits for a
        publisher; residents keep the published version meanwhile."""
        return self.status == self.Status.PUBLISHED and not self.may_publish(user)

    @property
    def is_featured_now(self):
        """The instance twin of ``featured_first()``'s rule."""
        if hasattr(self, "featured_now"):  # annotated by featured_first()
            return self.featured_now
        if not self.is_featured:
            return False
        now = timezone.now()
        if self.featured_until is not None:
            return self.featured_until > now
        return self.published_at is not None and self.published_at > now - FEATURED_FOR

    @property
    def publication_label(self):
        """One clear state for staff: "szkic", "do akceptacji", "zaplanowany na
        5 grudnia 2026, 10:00", "opublikowany" or "archiwum"."""
        if self.status == self.Status.REVIEW:
            return str(_("do akceptacji"))
        if self.status != self.Status.PUBLISHED:
            if self.review_note:
                return str(_("szkic (zwrócony do poprawy)"))
            return str(_("szkic"))
        if self.is_archived:
            until = timezone.localtime(self.published_until)
            return _("archiwum (koniec publikacji %(date)s)") % {
                "date": format_date(until, "j E Y, H:i")
            }
        if self.is_live:
            if self.is_featured_now and self.featured_until:
                until = timezone.localtime(self.featured_until)
                return _("opublikowany, wyróżniony do %(date)s") % {
                    "date": format_date(until, "j E, H:i")
                }
            return str(_("opublikowany"))
        when = timezone.localtime(self.published_at)
        return _("zaplanowany na %(date)s") % {"date": format_date(when, "j E Y, H:i")}

    @property
    def label_with_state(self):
        """The title, with the state when residents cannot see it (for pickers)."""
        if self.is_live:
            return self.title
        return f"{self.title} ({self.publication_label})"

    @property
    def main_image(self):
        if hasattr(self, "main_images"):  # prefetched by for_cards()
            return self.main_images[0] if self.main_images else None
        return self.images.filter(placement=ArticleImage.Placement.MAIN).first()

    def redirect_old_url(self, old_url):
        """Make ``old_url`` answer a permanent redirect to this article's address.

        Redirects that pointed at the old address are re-pointed, so a resident
        never follows a chain, and a redirect from the new address is dropped.
        """
        new_url = self.get_absolute_url()
        if old_url == new_url:
            return
        site = Site.objects.get_current()
        Redirect.objects.filter(site=site, old_path=new_url).delete()
        Redirect.objects.filter(site=site, new_path=old_url).update(new_path=new_url)
        Redirect.objects.update_or_create(
            site=site, old_path=old_url, defaults={"new_path": new_url}
        )


@reversion.register()
class ArticleImage(models.Model):
    """A photo of an article: its main image or one of its gallery."""

    class Placement(models.TextChoices):
        MAIN = "main", _("zdjęcie główne")
        GALLERY = "gallery", _("galeria")

    article = models.ForeignKey(
        Article,
        verbose_name=_("artykuł"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = CleanImageField(
        _("plik zdjęcia"),
        upload_to=UploadTo("articles"),
        width_field="width",
        height_field="height",
        validators=[validate_image],
        help_text=_(
            "JPEG, PNG, WebP lub GIF, do 10 MB i 40 megapikseli. Dane EXIF "
            "(w tym lokalizacja GPS) są usuwane. Wymagany jest tekst alternatywny albo "
            "zaznaczenie „dekoracyjne”."
        ),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("tekst alternatywny"),
        max_length=250,
        blank=True,
        help_text=_(
            "Co widać na zdjęciu, dla osób, które go nie widzą, np. „Dyrektor "
            "ośrodka odbiera certyfikat z rąk przedstawicielki CAL”. Nie zaczynaj od "
            "„zdjęcie…”."
        ),
    )
    is_decorative = models.BooleanField(
        _("dekoracyjne"),
        default=False,
        help_text=_(
            "Zaznacz tylko, gdy zdjęcie nic nie wnosi do treści (ozdobnik); "
            "czytniki ekranu je pominą."
        ),
    )
    caption = models.CharField(_("podpis"), max_length=300, blank=True)
    credit = models.CharField(
        _("autor zdjęcia"),
        max_length=200,
        blank=True,
        help_text=_("Np. „fot. MOPS Mława”."),
    )
    placement = models.CharField(
        _("miejsce"),
        max_length=10,
        choices=Placement,
        default=Placement.GALLERY,
        help_text=_(
            "Zdjęcie główne jest nad treścią artykułu i na liście aktualności; "
            "pozostałe tworzą galerię pod artykułem."
        ),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("zdjęcie")
        verbose_name_plural = _("zdjęcia")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(placement="main"),
                name="news_articleimage_one_main_per_article",
            ),
        ]

    def __str__(self):
        return self.alt_text or self.image.name.rsplit("/", 1)[-1]

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @property
    def alt(self):
        """The ``alt`` attribute: empty for a decorative image."""
        return "" if self.is_decorative else self.alt_text

    @property
    def renditions(self):
        return images.renditions(self.image.name, self.width, self.height)


class ArticleChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ArticleChange.State.PENDING)


class ArticleChange(models.Model):
    """An editor's change to a published article, waiting for a publisher: the
    public keeps the published version until it is accepted. Holds the
    article's own fields as the editor left them (photos and attachments of a
    published article are changed by publishers)."""

    class State(models.TextChoices):
        PENDING = "pending", _("czeka na akceptację")
        ACCEPTED = "accepted", _("zaakceptowana")
        REJECTED = "rejected", _("odrzucona")

    #: The fields an editor's proposal carries (attnames).
    FIELDS = [
        "title",
        "lead",
        "body",
        "category_id",
        "slug",
        *(
            f"{name}_{language}"
            for language in TRANSLATION_LANGUAGES
            for name in ("title", "lead", "body", "slug")
        ),
    ]

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="changes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor zmiany"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("zaproponowano"), auto_now_add=True)
    base_version = models.BigIntegerField(_("wersja artykułu, od której wyszła zmiana"))
    values = models.JSONField(_("proponowana treść"))
    note = models.CharField(_("opis zmiany"), max_length=300, blank=True)
    is_major = models.BooleanField(
        _("istotna zmiana"),
        default=False,
        help_text=_(
            "Jak autor opisał zmianę: istotna pojawi się w „Historii zmian” "
            "artykułu z opisem autora."
        ),
    )
    state = models.CharField(
        _("stan"), max_length=10, choices=State, default=State.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zdecydował(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decyzja"), null=True, blank=True)
    decision_note = models.TextField(_("uwagi wydawcy"), blank=True)

    objects = ArticleChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("zmiana czekająca na akceptację")
        verbose_name_plural = _("zmiany czekające na akceptację")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "created_at"], name="news_change_state")
        ]

    def __str__(self):
        return _("Zmiana artykułu „%(article)s” (%(state)s)") % {
            "article": self.article,
            "state": self.get_state_display(),
        }

    @classmethod
    def propose(cls, article, user, values, note="", is_major=False):
        """Record ``values`` (attname → value) as ``user``'s pending change of
        ``article``, a real change (``is_major``) or a correction; their earlier
        pending change is replaced by it."""
        values = {name: values[name] for name in cls.FIELDS if name in values}
        cls.objects.filter(
            article=article, author=user, state=cls.State.PENDING
        ).delete()
        return cls.objects.create(
            article=article,
            author=user,
            base_version=article.edit_version,
            values=values,
            note=note,
            is_major=is_major,
        )

    @property
    def is_pending(self):
        return self.state == self.State.PENDING

    @property
    def article_changed_since(self):
        """The article was saved after this change was proposed."""
        return self.article.edit_version != self.base_version

    def _decide(self, user, state, note):
        if not Article.may_publish(user):
            raise PermissionDenied(
                _("Zmiany w opublikowanych artykułach akceptuje wydawca.")
            )
        if not self.is_pending:
            raise ValidationError(_("O tej zmianie już zdecydowano."))
        self.state, self.decided_by = state, user
        self.decided_at, self.decision_note = timezone.now(), note.strip()

    def accept(self, user, note="", is_major=None):
        """Apply the change to the published article (one save: its slug rules
        and version apply) and mark it accepted. A real change or a correction
        as the author said, unless the publisher says otherwise (``is_major``);
        a real change makes the translations outdated."""
        self._decide(user, self.State.ACCEPTED, note)
        if is_major is not None:
            self.is_major = is_major
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=self.article_id)
            for name, value in self.values.items():
                setattr(article, name, value)
            article.full_clean()
            article.change_is_major = self.is_major
            article.save()
            self.save()
        return article

    def reject(self, user, note):
        if not (note or "").strip():
            raise ValidationError(_("Napisz autorowi, dlaczego zmiana jest odrzucona."))
        self._decide(user, self.State.REJECTED, note)
        self.save()


class PreviewLink(models.Model):
    """A signed, time-limited address at which someone without an account (the
    director) reads an article's current text; revocable."""

    DAYS = 7
    SALT = "news.preview-link"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    expires_at = models.DateTimeField(_("ważny do"))
    revoked_at = models.DateTimeField(_("unieważniono"), null=True, blank=True)

    class Meta:
        verbose_name = _("link do podglądu")
        verbose_name_plural = _("linki do podglądu")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Podgląd „%(article)s” do %(date)s") % {
            "article": self.article,
            "date": f"{self.expires_at:%d.%m.%Y}",
        }

    def get_absolute_url(self):
        return reverse("news:preview", kwargs={"token": self.token})

    @classmethod
    def create_for(cls, article, user):
        if not Article.may_publish(user):
            raise PermissionDenied(_("Link do podglądu tworzy wydawca."))
        return cls.objects.create(
            article=article,
            created_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=cls.DAYS),
        )

    @property
    def token(self):
        from django.core import signing

        return signing.dumps(self.pk, salt=self.SALT)

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self, user):
        if not Article.may_publish(user):
            raise PermissionDenied(_("Link do podglądu unieważnia wydawca."))
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    @classmethod
    def from_token(cls, token):
        """The link for ``token``, or None when it was tampered with."""
        from django.core import signing

        try:
            pk = signing.loads(
                token, salt=cls.SALT, max_age=datetime.timedelta(days=cls.DAYS)
            )
        except signing.BadSignature:  # also SignatureExpired
            return None
        return cls.objects.select_related("article").filter(pk=pk).first()
