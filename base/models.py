"""The site frame every content app builds on: the office's own record, the
notices shown on every page, and the documents attached to any content.

The tables keep the names they had in the news app (``Meta.db_table``): moving
the models here changed Django's state, not the database.
"""

from urllib.parse import urlencode

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import (
    IntegrityError,
    OperationalError,
    ProgrammingError,
    connection,
    models,
    transaction,
)
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from base.fields import (
    CleanImageField,
    DocumentField,
    PhoneNumbersField,
    is_site_path,
    normalize_link,
)
from base.uploads import UploadTo, validate_document, validate_image
from languages.models import (
    Translatable,
    TranslatableQuerySet,
)


class EditConflict(Exception):
    """Someone saved the object after this form was opened."""


class Versioned(models.Model):
    """Content edited in the panel by several people: every save gets a new
    ``edit_version``. A form remembers the version it was opened from
    (``opened_version``); saving from a stale form raises ``EditConflict`` instead
    of overwriting someone else's work. The check and the write happen under the
    row's lock (an UPDATE), so two saves at the same moment cannot both pass.

    Versions are milliseconds since the epoch (never smaller than the last one
    plus one), so restoring an old copy of the row never brings back a version
    number a stale form could match."""

    edit_version = models.BigIntegerField(
        _("wersja do edycji"), default=0, db_default=0, editable=False
    )

    #: Set by the admin's form: the ``edit_version`` it was opened from.
    opened_version = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        opened, self.opened_version = self.opened_version, None
        if opened is not None and self.pk is not None and not self._state.adding:
            rows = type(self)._base_manager.using(kwargs.get("using") or "default")
            claimed = rows.filter(pk=self.pk, edit_version=opened).update(
                edit_version=opened
            )
            if not claimed:
                raise EditConflict(self)
            self.edit_version = opened
        self.edit_version = max(
            (self.edit_version or 0) + 1, int(timezone.now().timestamp() * 1000)
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "edit_version"}
        super().save(*args, **kwargs)


class RevisionNote(models.Model):
    """What the person who saved a version said about it: a correction ("drobna
    poprawka") or a real change with a note; real changes of public items are
    listed on their page ("Historia zmian")."""

    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="note"
    )
    is_major = models.BooleanField(_("istotna zmiana"), default=False)
    text = models.CharField(_("opis zmiany"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("opis wersji")
        verbose_name_plural = _("opisy wersji")

    def __str__(self):
        return self.text or str(
            _("istotna zmiana") if self.is_major else _("drobna poprawka")
        )


@reversion.register()
class Office(Translatable, Versioned):
    """The office's own data ("Dane instytucji"), shown in every page's footer.

    One record, edited by staff: a renamed or moved office is a form edit.
    """

    translation_title = "name"

    name = models.CharField(
        _("pełna nazwa"),
        max_length=200,
        help_text=_(
            "Pełna nazwa urzędowa, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”. "
            "Widoczna w nagłówku i stopce każdej strony."
        ),
    )
    short_name = models.CharField(
        _("nazwa skrócona"),
        max_length=60,
        help_text=_(
            "Krótka nazwa używana w tytule karty przeglądarki, np. „MOPS Mława”."
        ),
    )
    street_address = models.CharField(
        _("ulica i numer"), max_length=200, help_text=_("Np. „ul. Narutowicza 6”.")
    )
    postal_code = models.CharField(
        _("kod pocztowy"), max_length=6, help_text=_("Np. „06-500”.")
    )
    city = models.CharField(
        _("miejscowość"), max_length=100, help_text=_("Np. „Mława”.")
    )
    phones = PhoneNumbersField(
        _("telefony"),
        help_text=_(
            "Każdy numer w osobnej linii, np. „23 654 35 60”; pierwszy jest "
            "główny (np. w deklaracji dostępności)."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.TextField(
        _("godziny pracy"),
        blank=True,
        help_text=_("Każda linia osobno, np. „poniedziałek–piątek: 8:00–16:00”."),
    )
    bip_url = models.URLField(
        _("adres BIP"),
        blank=True,
        help_text=_(
            "Adres Biuletynu Informacji Publicznej, linkowany w stopce każdej strony."
        ),
    )
    dpo_name = models.CharField(
        _("inspektor ochrony danych"),
        max_length=200,
        blank=True,
        help_text=_(
            "Imię i nazwisko inspektora ochrony danych (IOD), pokazywane na "
            "stronie „Ochrona danych osobowych”."
        ),
    )
    dpo_email = models.EmailField(
        _("e-mail inspektora ochrony danych"),
        blank=True,
        help_text=_("Adres, pod którym mieszkańcy kontaktują się z IOD."),
    )
    description = models.TextField(
        _("opis ośrodka"),
        blank=True,
        help_text=_(
            "Jedno–dwa zdania o tym, czym zajmuje się ośrodek, np. „Pomagamy "
            "rodzinom i osobom w trudnej sytuacji życiowej: zasiłki, praca socjalna, "
            "usługi opiekuńcze.” Widoczne w wynikach wyszukiwarek i przy udostępnianiu."
        ),
    )
    logo = CleanImageField(
        _("logo"),
        upload_to=UploadTo("site"),
        blank=True,
        renditions=False,
        width_field="logo_width",
        height_field="logo_height",
        validators=[validate_image],
        help_text=_(
            "Logo ośrodka (JPEG, PNG, WebP lub GIF, do 10 MB; najlepiej "
            "poziome, co najmniej 1200 px szerokości). Pokazywane przy udostępnianiu "
            "stron bez zdjęcia; bez logo użyty jest neutralny obraz strony."
        ),
    )
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    logo_alt = models.CharField(
        _("tekst alternatywny logo"),
        max_length=200,
        blank=True,
        help_text=_(
            "Co przedstawia logo, np. „Logo MOPS Mława: niebieski dom i "
            "serce”. Puste pole: nazwa ośrodka."
        ),
    )

    class Meta:
        db_table = "news_office"  # kept from the news app (ARCHITECTURE.md)
        verbose_name = _("dane instytucji")
        verbose_name_plural = _("dane instytucji")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("home")

    @classmethod
    def current(cls):
        """The office record, or an empty one if staff have not created it yet."""
        return cls.objects.order_by("pk").first() or cls()

    @property
    def phone_numbers(self):
        return list(self.phones or [])

    @property
    def office_hours_lines(self):
        return [line.strip() for line in self.office_hours.splitlines() if line.strip()]

    @property
    def full_address(self):
        return f"{self.street_address}, {self.postal_code} {self.city}"

    @property
    def map_url(self):
        """A link to the address on OpenStreetMap (nothing is embedded)."""
        return "https://www.openstreetmap.org/search?" + urlencode(
            {"query": self.full_address}
        )


class NoticeQuerySet(TranslatableQuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)


@reversion.register()
class Notice(Translatable, Versioned):
    """A time-boxed announcement on every page ("komunikat")."""

    translation_title = "text"

    class Level(models.TextChoices):
        INFO = "info", _("informacja")
        WARNING = "warning", _("ostrzeżenie")

    text = models.CharField(
        _("treść komunikatu"),
        max_length=300,
        help_text=_(
            "Krótko i konkretnie, np. „Przy mrozie poniżej −10°C wydajemy gorące "
            "posiłki przy ul. Narutowicza 6, 13:00–14:00.”"
        ),
    )
    link_url = models.CharField(
        _("link (opcjonalnie)"),
        max_length=300,
        blank=True,
        help_text=_("Adres strony ze szczegółami, np. /aktualnosci/goracy-posilek/."),
    )
    link_text = models.CharField(
        _("tekst linku"),
        max_length=100,
        blank=True,
        help_text=_("Np. „Szczegóły komunikatu”."),
    )
    level = models.CharField(
        _("rodzaj"), max_length=10, choices=Level, default=Level.INFO
    )
    starts_at = models.DateTimeField(_("pokazuj od"))
    ends_at = models.DateTimeField(
        _("pokazuj do"), help_text=_("Po tej chwili komunikat znika sam.")
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        db_table = "news_notice"  # kept from the news app (ARCHITECTURE.md)
        verbose_name = _("komunikat")
        verbose_name_plural = _("komunikaty")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="news_notice_ends_after_start",
                condition=Q(ends_at__gt=F("starts_at")),
            ),
        ]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.link_url or reverse("home")

    def _link_is_safe(self):
        """A path on this site or a web address, as the rich-text editor's links:
        "www.mlawa.pl" becomes "https://www.mlawa.pl"; "//host" and "/\\host"
        (another site under a site path's look) are refused."""
        typed = self.link_url.strip()
        if typed.startswith("//") or "\\" in typed:
            return False
        self.link_url = normalize_link(typed)
        if is_site_path(self.link_url):
            return True
        try:
            URLValidator(schemes=["https", "http"])(self.link_url)
        except ValidationError:
            return False
        return True

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(
                _("Koniec wyświetlania musi być późniejszy niż jego początek."),
                code="ends_before_start",
            )
        if self.link_url and not self._link_is_safe():
            errors["link_url"] = ValidationError(
                _(
                    "Podaj adres na tej stronie zaczynający się od jednego „/” (np. "
                    "/aktualnosci/) albo pełny adres innej strony (np. "
                    "https://www.mlawa.pl lub www.mlawa.pl)."
                ),
                code="invalid_link",
            )
        if self.link_url and not self.link_text:
            errors["link_text"] = ValidationError(
                _("Podaj tekst linku, np. „Szczegóły”."), code="link_text_missing"
            )
        if errors:  # all at once: staff fix everything in one go
            raise ValidationError(errors)


@reversion.register()
class Attachment(models.Model):
    """A document residents download ("Do pobrania"), attached to any content."""

    class Language(models.TextChoices):
        POLISH = "pl", _("polski")
        UKRAINIAN = "uk", _("ukraiński")
        ENGLISH = "en", _("angielski")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(
        _("tytuł"),
        max_length=200,
        help_text=_(
            "Nazwa, którą zobaczy mieszkaniec, np. „Wniosek o zasiłek celowy”. "
            "Format i rozmiar pliku dopisują się same."
        ),
    )
    file = DocumentField(
        _("plik"),
        upload_to=UploadTo("attachments"),
        size_field="file_size",
        validators=[validate_document],
        help_text=_("PDF, DOCX, ODT, XLSX, ODS lub TXT, do 20 MB."),
    )
    file_size = models.PositiveBigIntegerField(
        _("rozmiar pliku (bajty)"), null=True, editable=False
    )
    language = models.CharField(
        _("język dokumentu"), max_length=5, choices=Language, default=Language.POLISH
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    #: The document's text (PDF, DOCX, ODT), read once at upload, for search.
    text = models.TextField(
        _("tekst dokumentu"), blank=True, db_default="", editable=False
    )

    class Meta:
        db_table = "news_attachment"  # kept from the news app (ARCHITECTURE.md)
        verbose_name = _("załącznik")
        verbose_name_plural = _("załączniki")
        ordering = ["position", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="news_attachment_obj_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A newly chosen file: read its text now, while its bytes are at hand.
        upload = self.file
        if upload and not upload._committed:
            from base.document_text import extract

            upload.seek(0)
            data = upload.read()
            upload.seek(0)
            self.text = extract(data)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    @property
    def title_language(self):
        """The language of the title shown: the page's, when the title is
        translated into it; otherwise the document's own (a Ukrainian form
        titled in Ukrainian on a Polish page)."""
        language = translation.get_language()
        if language != "pl" and getattr(self, f"title_{language}", None):
            return language
        return self.language

    @property
    def is_available(self):
        """Whether the stored file is still there (one stat; never opens it)."""
        return bool(self.file) and self.file.storage.exists(self.file.name)

    @property
    def file_format(self):
        """ "PDF", "DOCX", …: the stored name's extension follows the content."""
        return (
            self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
        )


class EditPresence(models.Model):
    """Who has which admin form open, refreshed every few seconds by the form's
    script: "Anna Kowalska edytuje ten artykuł od 10:02"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    opened_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("otwarty formularz")
        verbose_name_plural = _("otwarte formularze")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"],
                name="base_presence_one_per_person",
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "last_seen"],
                name="base_presence_lookup",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.content_type} {self.object_id}"


class ContentChangeCount(models.Model):
    """How many times content residents see has changed, counted in the
    database in the same transaction as each change (page_cache).

    The shared cache is told of every change at once, but a process that saves
    while Redis does not answer (a command, the shell, an import during a Redis
    restart) cannot tell it, and may end before Redis is back. The database
    never misses a change: every worker compares this count with the one the
    cache last applied, and raises the cache's generation when they differ."""

    count = models.BigIntegerField(_("liczba zmian"), default=0)

    #: The one row.
    ROW = 1

    class Meta:
        verbose_name = _("licznik zmian treści")
        verbose_name_plural = _("liczniki zmian treści")

    def __str__(self):
        return str(self.count)

    @classmethod
    def count_one(cls):
        """One more change, written with the change itself. Before this table
        exists (a database migrated back past it, whose post_migrate step
        saves the site record) there is nothing to count."""
        try:
            with transaction.atomic():  # a savepoint: a failure spoils nothing
                if cls.objects.filter(pk=cls.ROW).update(count=F("count") + 1):
                    return
                with transaction.atomic():
                    cls.objects.create(pk=cls.ROW, count=1)
        except IntegrityError:  # created by another save this instant
            cls.objects.filter(pk=cls.ROW).update(count=F("count") + 1)
        except (OperationalError, ProgrammingError):
            if cls._meta.db_table in connection.introspection.table_names():
                raise

    @classmethod
    def current(cls):
        found = cls.objects.filter(pk=cls.ROW).values_list("count", flat=True)
        return found.first() or 0
