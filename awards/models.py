import datetime

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags

from base import images
from base.fields import CleanImageField, RichTextField, ScanField
from base.functions import Fold, all_words_in
from base.models import Translatable, Versioned
from base.slugs import unique_slug
from base.uploads import UploadTo, validate_image, validate_image_or_pdf


def polish_date(day):
    """ "31 grudnia 2026" """
    return format_date(day, "j E Y")


@reversion.register()
class Issuer(Translatable, Versioned):
    translation_title = "name"

    name = models.CharField(
        "nazwa",
        max_length=200,
        help_text="Pełna nazwa, np. „Stowarzyszenie Centrum Wspierania Aktywności "
        "Lokalnej CAL”.",
    )
    short_name = models.CharField(
        "nazwa skrócona", max_length=60, blank=True, help_text="Np. „CAL”."
    )
    slug = models.SlugField(
        "adres (slug)",
        max_length=120,
        unique=True,
        help_text="Część adresu strony, uzupełnia się sama z nazwy.",
    )
    website = models.URLField("strona internetowa", blank=True)
    logo = CleanImageField(
        "logo",
        upload_to=UploadTo("issuers"),
        blank=True,
        renditions=False,
        width_field="logo_width",
        height_field="logo_height",
        validators=[validate_image],
        help_text="JPEG, PNG, WebP lub GIF, do 10 MB. Tekstem alternatywnym logo jest "
        "nazwa instytucji, więc nie trzeba go podawać osobno.",
    )
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    description = models.TextField(
        "opis", blank=True, help_text="Kilka zdań o instytucji przyznającej."
    )

    class Meta:
        verbose_name = "instytucja przyznająca"
        verbose_name_plural = "instytucje przyznające"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:issuer", kwargs={"slug": self.slug})

    @property
    def summary(self):
        """One line for search engines and link previews."""
        return truncatechars(self.description, 160) or (
            f"Wyróżnienia przyznane ośrodkowi przez: {self.name}."
        )


class Validity(models.TextChoices):
    NOT_YET_VALID = "not_yet_valid", "jeszcze nieważne"
    VALID = "valid", "ważne"
    EXPIRING = "expiring", "wkrótce wygasa"
    EXPIRED = "expired", "wygasłe"
    NO_END = "no_end", "bezterminowe"


# Polish adjectives agree with the noun: (valid, expired, without end).
STATUS_WORDS = {
    "m": ("ważny", "wygasł", "bezterminowy"),
    "f": ("ważna", "wygasła", "bezterminowa"),
    "n": ("ważne", "wygasło", "bezterminowe"),
}


class AwardQuerySet(models.QuerySet):
    def public(self):
        """What residents may see; every public page goes through this method."""
        return self.filter(is_public=True)

    def valid_on(self, day):
        started = Q(valid_from__isnull=True) | Q(valid_from__lte=day)
        open_or_later = Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        return self.filter(started, open_or_later)

    def not_yet_valid_on(self, day):
        return self.filter(valid_from__gt=day)

    def expired_on(self, day):
        return self.filter(valid_until__lt=day)

    def not_expired_on(self, day):
        return self.exclude(valid_until__lt=day)

    def expiring_on(self, day, days=None):
        """Valid on ``day`` and ending within the next ``days`` days (inclusive)."""
        days = settings.AWARDS_EXPIRING_DAYS if days is None else days
        window_end = day + datetime.timedelta(days=days)
        return self.valid_on(day).filter(valid_until__lte=window_end)

    def with_status(self, status, day):
        """The rows whose ``status_on(day)`` is ``status`` (for the admin's filter)."""
        window_end = day + datetime.timedelta(days=settings.AWARDS_EXPIRING_DAYS)
        return {
            Validity.NOT_YET_VALID: lambda: self.not_yet_valid_on(day),
            Validity.VALID: lambda: self.valid_on(day).filter(
                valid_until__gt=window_end
            ),
            Validity.EXPIRING: lambda: self.expiring_on(day),
            Validity.EXPIRED: lambda: self.expired_on(day),
            Validity.NO_END: lambda: self.valid_on(day).filter(
                valid_until__isnull=True
            ),
        }[status]()

    def search(self, words):
        """Awards whose title, description or issuer contain every one of
        ``words`` (folded): few rows, so a plain filter on both databases."""
        fields = {
            "folded_title": Fold("title"),
            "folded_description": Fold("description"),
            "folded_issuer": Fold("issuer__name"),
            "folded_issuer_short": Fold("issuer__short_name"),
        }
        return self.alias(**fields).filter(all_words_in(words, fields))

    def for_cards(self):
        return self.select_related("issuer")


@reversion.register(follow=["attachments"])
class Award(Translatable, Versioned):
    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", "certyfikat"
        AWARD = "award", "nagroda"
        DISTINCTION = "distinction", "wyróżnienie"
        HONORARY_TITLE = "title", "tytuł honorowy"
        ACCREDITATION = "accreditation", "akredytacja"
        OTHER = "other", "inne"

    title = models.CharField(
        "nazwa",
        max_length=200,
        help_text="Nazwa z dokumentu, np. „Certyfikat Jakości Centrum Aktywności "
        "Lokalnej”.",
    )
    slug = models.SlugField(
        "adres (slug)",
        max_length=220,
        unique=True,
        blank=True,
        help_text="Część adresu strony; uzupełnia się sama z nazwy (bez polskich "
        "znaków). Dla kolejnego certyfikatu o tej samej nazwie dodaj rok, np. "
        "„certyfikat-cal-2022”.",
    )
    kind = models.CharField(
        "rodzaj", max_length=20, choices=Kind, default=Kind.CERTIFICATE
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name="przyznający",
        on_delete=models.PROTECT,
        related_name="awards",
    )
    recipient = models.CharField(
        "otrzymał(a)",
        max_length=200,
        help_text="Kto otrzymał wyróżnienie: domyślnie ośrodek (nazwa z „Dane "
        "instytucji”), może to być też zespół lub pracownik.",
    )
    description = RichTextField(
        "opis",
        blank=True,
        help_text="Czym jest to wyróżnienie i za co zostało przyznane.",
    )
    awarded_on = models.DateField(
        "data wręczenia", null=True, blank=True, help_text="Np. 29.03.2022."
    )
    presented_by = models.CharField(
        "wręczył(a)", max_length=200, blank=True, help_text="Np. „Grażyna Gnatowska”."
    )
    presenter_role = models.CharField(
        "funkcja wręczającego",
        max_length=200,
        blank=True,
        help_text="Np. „Wiceprezes Stowarzyszenia CAL”.",
    )
    occasion = models.CharField(
        "okoliczność",
        max_length=200,
        blank=True,
        help_text="Np. „XXXVIII sesja Rady Miasta Mława”.",
    )
    valid_from = models.DateField(
        "ważny od",
        null=True,
        blank=True,
        help_text="Certyfikat „na lata 2022–2026” wpisz jako 01.01.2022 – 31.12.2026; "
        "strona pokaże wtedy „2022–2026”.",
    )
    valid_until = models.DateField(
        "ważny do",
        null=True,
        blank=True,
        help_text="Puste pole oznacza wyróżnienie bezterminowe.",
    )
    document = ScanField(
        "skan dokumentu",
        upload_to=UploadTo("awards"),
        blank=True,
        width_field="document_width",
        height_field="document_height",
        validators=[validate_image_or_pdf],
        help_text="PDF (do 20 MB) albo zdjęcie JPEG, PNG, WebP lub GIF (do 10 MB). "
        "Zdjęcie dostaje tekst alternatywny z nazwy wyróżnienia; jeśli dokument "
        "zawiera ważne treści, opisz je też w polu „opis”.",
    )
    document_width = models.PositiveIntegerField(editable=False, null=True)
    document_height = models.PositiveIntegerField(editable=False, null=True)
    is_public = models.BooleanField(
        "widoczne na stronie",
        default=True,
        help_text="Odznacz, aby ukryć wyróżnienie przed mieszkańcami.",
    )
    articles = models.ManyToManyField(
        "news.Article",
        verbose_name="artykuły",
        blank=True,
        related_name="awards",
        help_text="Aktualności, w których ogłoszono to wyróżnienie.",
    )
    renews = models.ForeignKey(
        "self",
        verbose_name="odnawia",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        help_text="Wcześniejsze wyróżnienie, które to odnawia (np. certyfikat z 2011 r.).",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    updated_at = models.DateTimeField("zmieniono", auto_now=True)
    attachments = GenericRelation("base.Attachment")

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = "wyróżnienie"
        verbose_name_plural = "wyróżnienia"
        ordering = [Coalesce("awarded_on", "valid_from").desc(nulls_last=True), "-pk"]
        constraints = [
            models.CheckConstraint(
                name="award_valid_until_after_from",
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
            ),
            models.CheckConstraint(
                name="award_does_not_renew_itself", condition=~Q(renews=F("pk"))
            ),
            models.UniqueConstraint(
                fields=["issuer", "title", "valid_from"],
                name="award_unique_per_issuer_start",
            ),
        ]

    def __str__(self):
        return f"{self.title} – {self.issuer.short_name or self.issuer.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="wyroznienie")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = ValidationError(
                "Koniec ważności nie może być wcześniejszy niż jej początek "
                "(%(start)s).",
                code="ends_before_start",
                params={"start": polish_date(self.valid_from)},
            )
        if self.renews_id and self.pk and self.renews_id == self.pk:
            errors["renews"] = ValidationError(
                "Wyróżnienie nie może odnawiać samego siebie.", code="renews_itself"
            )
        if errors:
            raise ValidationError(errors)

    def status_on(self, day):
        if self.valid_from and day < self.valid_from:
            return Validity.NOT_YET_VALID
        if self.valid_until is None:
            return Validity.NO_END
        if day > self.valid_until:
            return Validity.EXPIRED
        if (self.valid_until - day).days <= settings.AWARDS_EXPIRING_DAYS:
            return Validity.EXPIRING
        return Validity.VALID

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def spans_whole_years(self):
        return (
            self.valid_from is not None
            and self.valid_until is not None
            and (self.valid_from.month, self.valid_from.day) == (1, 1)
            and (self.valid_until.month, self.valid_until.day) == (12, 31)
        )

    @property
    def validity_display(self):
        """ "2022–2026", "od 5 marca 2022 do 4 marca 2025", "od 1 maja 2020" or "" """
        start, end = self.valid_from, self.valid_until
        if self.spans_whole_years:
            if start.year == end.year:
                return str(start.year)
            return f"{start.year}–{end.year}"
        if start and end:
            return f"od {polish_date(start)} do {polish_date(end)}"
        if start:
            return f"od {polish_date(start)}"
        if end:
            return f"do {polish_date(end)}"
        return ""

    @property
    def status_label(self):
        """What a resident reads: "ważny do 31 grudnia 2026", "wygasł".

        The adjective agrees with the kind: certyfikat ważny, nagroda ważna,
        wyróżnienie ważne.
        """
        valid, expired, no_end = STATUS_WORDS[KIND_GENDER[self.kind]]
        status = self.status
        if status == Validity.NOT_YET_VALID:
            return f"{valid} od {polish_date(self.valid_from)}"
        if status == Validity.NO_END:
            return no_end
        if status == Validity.EXPIRED:
            return expired
        return f"{valid} do {polish_date(self.valid_until)}"

    def expiry_notice(self, today):
        """The warning staff get while the award is expiring soon."""
        days = (self.valid_until - today).days
        when = "dziś" if days == 0 else f"za {days} dni" if days > 1 else "jutro"
        return (
            f"„{self.title}” ({self.issuer.short_name or self.issuer.name}) traci ważność "
            f"{polish_date(self.valid_until)} ({when}). Zadbaj o odnowienie."
        )

    @property
    def summary(self):
        """One line for search engines and link previews, never just the title:
        "Certyfikat; przyznał: CAL; 2022–2026. Za pracę …"."""
        parts = [self.get_kind_display().capitalize(), f"przyznał: {self.issuer.name}"]
        if self.validity_display:
            parts.append(self.validity_display)
        text = "; ".join(parts) + "."
        description = strip_tags(self.description or "").strip()
        return truncatechars(f"{text} {description}".strip(), 200)

    @property
    def year(self):
        day = self.awarded_on or self.valid_from
        return day.year if day else None

    @property
    def renewal_label(self):
        """ "odnowienie certyfikatu z 2011 r." for the award this one renews."""
        earlier = self.renews
        if earlier is None:
            return ""
        year = f" z {earlier.year} r." if earlier.year else ""
        return f"odnowienie {KIND_GENITIVE[earlier.kind]}{year}"

    def history(self, *, limit=20):
        """The awards this one renews, newest first (following ``renews``)."""
        earlier, seen = [], {self.pk}
        award = self.renews
        while award is not None and award.pk not in seen and len(earlier) < limit:
            earlier.append(award)
            seen.add(award.pk)
            award = award.renews
        return earlier

    @property
    def document_is_pdf(self):
        return self.document.name.lower().endswith(".pdf") if self.document else False

    @property
    def document_renditions(self):
        if not self.document or self.document_is_pdf or not self.document_width:
            return None
        return images.renditions(
            self.document.name, self.document_width, self.document_height
        )


KIND_GENDER = {
    Award.Kind.CERTIFICATE: "m",
    Award.Kind.AWARD: "f",
    Award.Kind.DISTINCTION: "n",
    Award.Kind.HONORARY_TITLE: "m",
    Award.Kind.ACCREDITATION: "f",
    Award.Kind.OTHER: "n",
}

KIND_GENITIVE = {
    Award.Kind.CERTIFICATE: "certyfikatu",
    Award.Kind.AWARD: "nagrody",
    Award.Kind.DISTINCTION: "wyróżnienia",
    Award.Kind.HONORARY_TITLE: "tytułu",
    Award.Kind.ACCREDITATION: "akredytacji",
    Award.Kind.OTHER: "wyróżnienia",
}
