import datetime

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from base import images
from base.fields import CleanImageField, RichTextField, ScanField
from base.models import Versioned
from base.uploads import UploadTo, validate_image, validate_image_or_pdf
from languages.models import Translatable, TranslatableQuerySet
from languages.slugs import unique_slug


def long_date(day):
    """ "31 grudnia 2026" in Polish, "31 грудня 2026" in Ukrainian."""
    return format_date(day, "j E Y")


@reversion.register()
class Issuer(Translatable, Versioned):
    translation_title = "name"

    name = models.CharField(
        _("nazwa"),
        max_length=200,
        help_text=_(
            "Pełna nazwa, np. „Stowarzyszenie Centrum Wspierania Aktywności "
            "Lokalnej CAL”."
        ),
    )
    short_name = models.CharField(
        _("nazwa skrócona"), max_length=60, blank=True, help_text=_("Np. „CAL”.")
    )
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=120,
        unique=True,
        help_text=_("Część adresu strony, uzupełnia się sama z nazwy."),
    )
    website = models.URLField(_("strona internetowa"), blank=True)
    logo = CleanImageField(
        _("logo"),
        upload_to=UploadTo("issuers"),
        blank=True,
        renditions=False,
        width_field="logo_width",
        height_field="logo_height",
        validators=[validate_image],
        help_text=_(
            "JPEG, PNG, WebP lub GIF, do 10 MB. Tekstem alternatywnym logo jest "
            "nazwa instytucji, więc nie trzeba go podawać osobno."
        ),
    )
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    description = models.TextField(
        _("opis"), blank=True, help_text=_("Kilka zdań o instytucji przyznającej.")
    )

    objects = TranslatableQuerySet.as_manager()

    class Meta:
        verbose_name = _("instytucja przyznająca")
        verbose_name_plural = _("instytucje przyznające")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:issuer", kwargs={"slug": self.slug})

    @property
    def summary(self):
        """One line for search engines and link previews."""
        return truncatechars(self.description, 160) or (
            _("Wyróżnienia przyznane ośrodkowi przez: %(name)s.") % {"name": self.name}
        )


class Validity(models.TextChoices):
    NOT_YET_VALID = "not_yet_valid", pgettext_lazy("ważność", "jeszcze nieważne")
    VALID = "valid", pgettext_lazy("ważność", "ważne")
    EXPIRING = "expiring", pgettext_lazy("ważność", "wkrótce wygasa")
    EXPIRED = "expired", pgettext_lazy("ważność", "wygasłe")
    NO_END = "no_end", pgettext_lazy("ważność", "bezterminowe")


class AwardQuerySet(TranslatableQuerySet):
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

    def _renewed(self):
        return Exists(self.model.objects.filter(renews=OuterRef("pk")))

    def expiring_on(self, day, days=None):
        """Valid on ``day`` and ending within the next ``days`` days (inclusive),
        with no renewal added yet: a renewed award is not "expiring" anywhere."""
        days = settings.AWARDS_EXPIRING_DAYS if days is None else days
        window_end = day + datetime.timedelta(days=days)
        return (
            self.valid_on(day)
            .filter(valid_until__lte=window_end)
            .exclude(self._renewed())
        )

    def shown_on(self, day):
        """What residents see as current on ``day``: the awards valid then, an
        award whose renewal is added replaced by the renewal (from the day it
        is added, also before it starts)."""
        valid = self.valid_on(day)
        renewal = self.filter(renews=OuterRef("pk"))
        return self.filter(
            Q(pk__in=valid.exclude(Exists(renewal)).values("pk"))
            | Q(renews__in=valid.values("pk"))
        )

    def with_status(self, status, day):
        """The rows whose ``status_on(day)`` is ``status`` (for the admin's filter)."""
        window_end = day + datetime.timedelta(days=settings.AWARDS_EXPIRING_DAYS)
        return {
            Validity.NOT_YET_VALID: lambda: self.not_yet_valid_on(day),
            Validity.VALID: lambda: self.valid_on(day).filter(
                Q(valid_until__gt=window_end) | Q(self._renewed())
            ),
            Validity.EXPIRING: lambda: self.expiring_on(day),
            Validity.EXPIRED: lambda: self.expired_on(day),
            Validity.NO_END: lambda: self.valid_on(day).filter(
                valid_until__isnull=True
            ),
        }[status]()

    def for_cards(self):
        return self.select_related("issuer").annotate(renewed=self._renewed())


@reversion.register(follow=["attachments"])
class Award(Translatable, Versioned):
    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("certyfikat")
        AWARD = "award", _("nagroda")
        DISTINCTION = "distinction", _("wyróżnienie")
        HONORARY_TITLE = "title", _("tytuł honorowy")
        ACCREDITATION = "accreditation", _("akredytacja")
        OTHER = "other", _("inne")

    title = models.CharField(
        _("nazwa"),
        max_length=200,
        help_text=_(
            "Nazwa z dokumentu, np. „Certyfikat Jakości Centrum Aktywności Lokalnej”."
        ),
    )
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_(
            "Część adresu strony; uzupełnia się sama z nazwy (bez polskich "
            "znaków). Dla kolejnego certyfikatu o tej samej nazwie dodaj rok, np. "
            "„certyfikat-cal-2022”."
        ),
    )
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=Kind, default=Kind.CERTIFICATE
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("przyznający"),
        on_delete=models.PROTECT,
        related_name="awards",
    )
    recipient = models.CharField(
        _("otrzymał(a)"),
        max_length=200,
        help_text=_(
            "Kto otrzymał wyróżnienie: domyślnie ośrodek (nazwa z „Dane "
            "instytucji”), może to być też zespół lub pracownik."
        ),
    )
    description = RichTextField(
        _("opis"),
        blank=True,
        help_text=_("Czym jest to wyróżnienie i za co zostało przyznane."),
    )
    awarded_on = models.DateField(
        _("data wręczenia"), null=True, blank=True, help_text=_("Np. 29.03.2022.")
    )
    presented_by = models.CharField(
        _("wręczył(a)"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Grażyna Gnatowska”."),
    )
    presenter_role = models.CharField(
        _("funkcja wręczającego"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Wiceprezes Stowarzyszenia CAL”."),
    )
    occasion = models.CharField(
        _("okoliczność"),
        max_length=200,
        blank=True,
        help_text=_("Np. „XXXVIII sesja Rady Miasta Mława”."),
    )
    valid_from = models.DateField(
        _("ważny od"),
        null=True,
        blank=True,
        help_text=_(
            "Certyfikat „na lata 2022–2026” wpisz jako 01.01.2022 – 31.12.2026; "
            "strona pokaże wtedy „2022–2026”."
        ),
    )
    valid_until = models.DateField(
        _("ważny do"),
        null=True,
        blank=True,
        help_text=_("Puste pole oznacza wyróżnienie bezterminowe."),
    )
    document = ScanField(
        _("skan dokumentu"),
        upload_to=UploadTo("awards"),
        blank=True,
        width_field="document_width",
        height_field="document_height",
        validators=[validate_image_or_pdf],
        help_text=_(
            "PDF (do 20 MB) albo zdjęcie JPEG, PNG, WebP lub GIF (do 10 MB). "
            "Zdjęcie dostaje tekst alternatywny z nazwy wyróżnienia; jeśli dokument "
            "zawiera ważne treści, opisz je też w polu „opis”."
        ),
    )
    document_width = models.PositiveIntegerField(editable=False, null=True)
    document_height = models.PositiveIntegerField(editable=False, null=True)
    is_public = models.BooleanField(
        _("widoczne na stronie"),
        default=True,
        help_text=_("Odznacz, aby ukryć wyróżnienie przed mieszkańcami."),
    )
    articles = models.ManyToManyField(
        "news.Article",
        verbose_name=_("artykuły"),
        blank=True,
        related_name="awards",
        help_text=_("Aktualności, w których ogłoszono to wyróżnienie."),
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("odnawia"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        help_text=_(
            "Wcześniejsze wyróżnienie, które to odnawia (np. certyfikat z 2011 r.)."
        ),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    attachments = GenericRelation("base.Attachment")

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("wyróżnienie")
        verbose_name_plural = _("wyróżnienia")
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
                _(
                    "Koniec ważności nie może być wcześniejszy niż jej początek "
                    "(%(start)s)."
                ),
                code="ends_before_start",
                params={"start": long_date(self.valid_from)},
            )
        if self.renews_id and self.pk and self.renews_id == self.pk:
            errors["renews"] = ValidationError(
                _("Wyróżnienie nie może odnawiać samego siebie."), code="renews_itself"
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
            return Validity.VALID if self.is_renewed else Validity.EXPIRING
        return Validity.VALID

    @property
    def is_renewed(self):
        """Whether its renewal is added (another award renews it): the instance
        twin of the QuerySet's rule; annotated by ``for_cards()``."""
        if hasattr(self, "renewed"):
            return self.renewed
        return self.pk is not None and self.renewals.exists()

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
            return _("od %(start)s do %(end)s") % {
                "start": long_date(start),
                "end": long_date(end),
            }
        if start:
            return _("od %(start)s") % {"start": long_date(start)}
        if end:
            return _("do %(end)s") % {"end": long_date(end)}
        return ""

    @property
    def status_label(self):
        """What a resident reads: "ważny do 31 grudnia 2026", "wygasł".

        The adjective agrees with the kind: certyfikat ważny, nagroda ważna,
        wyróżnienie ważne.
        """
        texts = STATUS_TEXTS[self.kind]
        status = self.status
        if status == Validity.NOT_YET_VALID:
            return texts[status] % {"date": long_date(self.valid_from)}
        if status in (Validity.NO_END, Validity.EXPIRED):
            return str(texts[status])
        return texts[Validity.VALID] % {"date": long_date(self.valid_until)}

    def expiry_notice(self, today):
        """The warning staff get while the award is expiring soon."""
        days = (self.valid_until - today).days
        if days == 0:
            when = _("dziś")
        elif days == 1:
            when = _("jutro")
        else:
            when = ngettext("za %(days)d dzień", "za %(days)d dni", days) % {
                "days": days
            }
        return _(
            "„%(title)s” (%(issuer)s) traci ważność %(date)s (%(when)s). "
            "Dodaj odnowienie, gdy je otrzymasz."
        ) % {
            "title": self.title,
            "issuer": self.issuer.short_name or self.issuer.name,
            "date": long_date(self.valid_until),
            "when": when,
        }

    @property
    def summary(self):
        """One line for search engines and link previews, never just the title:
        "Certyfikat; przyznał: CAL; 2022–2026. Za pracę …"."""
        parts = [
            self.get_kind_display().capitalize(),
            _("przyznał: %(issuer)s") % {"issuer": self.issuer.name},
        ]
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
        without_year, with_year = RENEWAL_TEXTS[earlier.kind]
        if earlier.year:
            return with_year % {"year": earlier.year}
        return str(without_year)

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


# What residents read about an award's validity, per kind: the words agree with
# the kind's noun in Polish and in Ukrainian, whose genders differ (wyróżnienie
# is neuter, відзнака feminine), so each kind has its own context and every
# language's catalogue says it its own way.
STATUS_TEXTS = {
    Award.Kind.CERTIFICATE: {
        Validity.VALID: pgettext_lazy("certyfikat", "ważny do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("certyfikat", "ważny od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("certyfikat", "wygasł"),
        Validity.NO_END: pgettext_lazy("certyfikat", "bezterminowy"),
    },
    Award.Kind.AWARD: {
        Validity.VALID: pgettext_lazy("nagroda", "ważna do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("nagroda", "ważna od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("nagroda", "wygasła"),
        Validity.NO_END: pgettext_lazy("nagroda", "bezterminowa"),
    },
    Award.Kind.DISTINCTION: {
        Validity.VALID: pgettext_lazy("wyróżnienie", "ważne do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("wyróżnienie", "ważne od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("wyróżnienie", "wygasło"),
        Validity.NO_END: pgettext_lazy("wyróżnienie", "bezterminowe"),
    },
    Award.Kind.HONORARY_TITLE: {
        Validity.VALID: pgettext_lazy("tytuł honorowy", "ważny do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("tytuł honorowy", "ważny od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("tytuł honorowy", "wygasł"),
        Validity.NO_END: pgettext_lazy("tytuł honorowy", "bezterminowy"),
    },
    Award.Kind.ACCREDITATION: {
        Validity.VALID: pgettext_lazy("akredytacja", "ważna do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("akredytacja", "ważna od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("akredytacja", "wygasła"),
        Validity.NO_END: pgettext_lazy("akredytacja", "bezterminowa"),
    },
    Award.Kind.OTHER: {
        Validity.VALID: pgettext_lazy("inne", "ważne do %(date)s"),
        Validity.NOT_YET_VALID: pgettext_lazy("inne", "ważne od %(date)s"),
        Validity.EXPIRED: pgettext_lazy("inne", "wygasło"),
        Validity.NO_END: pgettext_lazy("inne", "bezterminowe"),
    },
}
RENEWAL_TEXTS = {
    Award.Kind.CERTIFICATE: (
        pgettext_lazy("certyfikat", "odnowienie certyfikatu"),
        pgettext_lazy("certyfikat", "odnowienie certyfikatu z %(year)s r."),
    ),
    Award.Kind.AWARD: (
        pgettext_lazy("nagroda", "odnowienie nagrody"),
        pgettext_lazy("nagroda", "odnowienie nagrody z %(year)s r."),
    ),
    Award.Kind.DISTINCTION: (
        pgettext_lazy("wyróżnienie", "odnowienie wyróżnienia"),
        pgettext_lazy("wyróżnienie", "odnowienie wyróżnienia z %(year)s r."),
    ),
    Award.Kind.HONORARY_TITLE: (
        pgettext_lazy("tytuł honorowy", "odnowienie tytułu"),
        pgettext_lazy("tytuł honorowy", "odnowienie tytułu z %(year)s r."),
    ),
    Award.Kind.ACCREDITATION: (
        pgettext_lazy("akredytacja", "odnowienie akredytacji"),
        pgettext_lazy("akredytacja", "odnowienie akredytacji z %(year)s r."),
    ),
    Award.Kind.OTHER: (
        pgettext_lazy("inne", "odnowienie wyróżnienia"),
        pgettext_lazy("inne", "odnowienie wyróżnienia z %(year)s r."),
    ),
}
