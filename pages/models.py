"""Static pages ("O nas", "Kontakt", the RODO clause, …) and the accessibility
statement the law requires. Tables keep their names from the news app."""

import datetime
import re
from urllib.parse import urlencode

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from base.fields import RichTextField
from base.models import Office, Versioned
from languages.models import Translatable, TranslatableQuerySet


def address_taken_by_the_site(slug, language="pl"):
    """Whether ``/<slug>/`` (or ``/uk/<slug>/`` in Ukrainian) belongs to another
    part of the site: asked of the URL resolver in that language, so a new
    section can never be shadowed by a page. Files served by nginx (static,
    media) and the language prefixes count too."""
    path = f"/{slug}/"
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    if slug in {code for code, _name in settings.LANGUAGES}:
        return True
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    with translation.override(language):
        for candidate in (f"{prefix}{path}", f"{prefix}{path}".rstrip("/")):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            if match.view_name != "pages:detail":
                return True
    return False


YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)"
    r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})(?:[?&#].*)?$"
)


REVIEW_PERIOD_DAYS = 365


def a_year_from_today():
    return datetime.date.today() + datetime.timedelta(days=REVIEW_PERIOD_DAYS)


class PageQuerySet(TranslatableQuerySet):
    def public(self):
        return self.filter(is_public=True)

    def review_overdue(self, today):
        """Pages whose "przejrzyj do" date has passed."""
        return self.filter(review_by__lt=today)

    def in_footer(self):
        return self.public().filter(show_in_footer=True)


@reversion.register()
class Page(Translatable, Versioned):
    """A static page: "O nas", "Kontakt", the RODO clause, easy-to-read and
    sign-language information."""

    class Kind(models.TextChoices):
        STANDARD = "standard", _("zwykła strona")
        CONTACT = "contact", _("kontakt (dane instytucji, godziny pracy, mapa)")
        PRIVACY = (
            "privacy",
            _("ochrona danych (administrator i inspektor ochrony danych)"),
        )

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=120,
        unique=True,
        help_text=_("Adres strony, np. „kontakt” daje /kontakt/."),
    )
    description = models.CharField(
        _("opis dla wyszukiwarek"),
        max_length=300,
        blank=True,
        help_text=_(
            "Jedno zdanie o zawartości strony (wyniki wyszukiwarek, udostępnienia)."
        ),
    )
    body = RichTextField(_("treść"), blank=True)
    kind = models.CharField(
        _("rodzaj"),
        max_length=10,
        choices=Kind,
        default=Kind.STANDARD,
        help_text=_("Kontakt i ochrona danych same dopisują dane z „Dane instytucji”."),
    )
    video_url = models.URLField(
        _("film (YouTube)"),
        blank=True,
        help_text=_(
            "Adres filmu w serwisie YouTube, np. informacja w polskim języku "
            "migowym. Film musi mieć napisy. Odtwarzacz ładuje się dopiero po kliknięciu, "
            "więc YouTube nie widzi wizyty, dopóki mieszkaniec o to nie poprosi."
        ),
    )
    video_title = models.CharField(
        _("tytuł filmu"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Informacja o ośrodku w polskim języku migowym”."),
    )
    is_public = models.BooleanField(_("widoczna"), default=True)
    show_in_footer = models.BooleanField(_("link w stopce"), default=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    review_by = models.DateField(
        _("przejrzyj do"),
        default=a_year_from_today,
        help_text=_(
            "Do kiedy sprawdzić, czy treść jest aktualna (domyślnie za rok). "
            "Po przejrzeniu przesuń datę; po terminie strona pojawi się na liście "
            "„Do przeglądu” na stronie startowej panelu."
        ),
    )
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        db_table = "news_page"  # kept from the news app (ARCHITECTURE.md)
        verbose_name = _("strona")
        verbose_name_plural = _("strony informacyjne")
        ordering = ["position", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        for language, field in (("pl", "slug"), *self.translated_slugs()):
            slug = getattr(self, field)
            if slug and address_taken_by_the_site(slug, language):
                errors[field] = ValidationError(
                    _("Ten adres jest zajęty przez inną część strony; wybierz inny."),
                    code="reserved_slug",
                )
        if self.video_url and not YOUTUBE_ID.match(self.video_url):
            errors["video_url"] = ValidationError(
                _(
                    "Podaj adres filmu z serwisu YouTube, np. "
                    "https://www.youtube.com/watch?v=…"
                ),
                code="not_youtube",
            )
        if errors:
            raise ValidationError(errors)

    @property
    def video_embed_url(self):
        match = YOUTUBE_ID.match(self.video_url or "")
        if not match:
            return ""
        # Captions and the player's own texts in the reader's language.
        language = translation.get_language() or settings.LANGUAGE_CODE
        query = urlencode(
            {"cc_load_policy": 1, "cc_lang_pref": language, "hl": language}
        )
        return f"https://www.youtube-nocookie.com/embed/{match['id']}?{query}"


@reversion.register()
class AccessibilityStatement(Translatable, Versioned):
    """The accessibility statement ("deklaracja dostępności") the law requires,
    kept as data and rendered with the ids of the technical conditions."""

    translation_title = "procedure"

    class Status(models.TextChoices):
        COMPLIANT = "compliant", _("zgodna")
        PARTIALLY = "partially", _("częściowo zgodna")
        NOT_COMPLIANT = "not_compliant", _("niezgodna")

    class Assessment(models.TextChoices):
        SELF = "self", _("samooceny przeprowadzonej przez podmiot publiczny")
        EXTERNAL = "external", _("badania przeprowadzonego przez podmiot zewnętrzny")

    entity_name = models.CharField(
        _("nazwa podmiotu"),
        max_length=200,
        help_text=_(
            "Pełna nazwa instytucji, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”."
        ),
    )
    site_url = models.URLField(
        _("adres strony"), help_text=_("Np. https://mops.mlawa.pl/")
    )
    published_on = models.DateField(
        _("data publikacji strony"), help_text=_("Kiedy strona została opublikowana.")
    )
    updated_on = models.DateField(
        _("data ostatniej istotnej aktualizacji strony"),
        help_text=_("Data ostatniej dużej zmiany strony (nie każdego artykułu)."),
    )
    status = models.CharField(
        _("status zgodności"), max_length=15, choices=Status, default=Status.PARTIALLY
    )
    inaccessible_content = RichTextField(
        _("treści niedostępne"),
        blank=True,
        help_text=_(
            "Lista treści, które nie są dostępne, i dlaczego (wymagane przy statusie "
            "częściowo zgodna lub niezgodna)."
        ),
    )
    exemptions = RichTextField(
        _("wyłączenia"),
        blank=True,
        help_text=_(
            "Treści wyłączone z obowiązku dostępności (np. dokumenty sprzed "
            "23 września 2018 r.) wraz z podstawą."
        ),
    )
    prepared_on = models.DateField(_("data sporządzenia deklaracji"))
    last_reviewed_on = models.DateField(
        _("data ostatniego przeglądu deklaracji"),
        help_text=_("Deklarację przegląda się co roku, najpóźniej do 31 marca."),
    )
    assessment = models.CharField(
        _("deklarację sporządzono na podstawie"),
        max_length=10,
        choices=Assessment,
        default=Assessment.SELF,
    )
    auditor = models.CharField(
        _("podmiot zewnętrzny (audytor)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Nazwa firmy lub osoby, gdy ocenę przeprowadził podmiot zewnętrzny."
        ),
    )
    contact_person = models.CharField(_("osoba do kontaktu"), max_length=200)
    contact_email = models.EmailField(
        _("e-mail do kontaktu"),
        blank=True,
        help_text=_(
            "Zostaw puste, aby podać e-mail ośrodka z „Dane instytucji”; wpisz, "
            "gdy zgłoszenia ma przyjmować inny adres."
        ),
    )
    contact_phone = models.CharField(
        _("telefon do kontaktu"),
        max_length=50,
        blank=True,
        help_text=_(
            "Zostaw puste, aby podać pierwszy numer z „Dane instytucji”; wpisz, "
            "gdy zgłoszenia ma przyjmować inny numer."
        ),
    )
    procedure = RichTextField(
        _("procedura wnioskowo-skargowa"),
        help_text=_(
            "Jak zgłosić brak dostępności, zażądać dostępu alternatywnego i "
            "złożyć skargę."
        ),
    )
    burden_assessment = RichTextField(
        _("ocena nadmiernego obciążenia"),
        blank=True,
        help_text=_(
            "Tylko gdy ośrodek powołuje się na nadmierne obciążenie (art. 8 "
            "ustawy): wyniki tej oceny."
        ),
    )
    architecture = RichTextField(
        _("dostępność architektoniczna"),
        help_text=_(
            "Opis dostępności budynku: wejścia, windy, toalety, miejsca parkingowe, "
            "pies asystujący."
        ),
    )
    architecture_url = models.URLField(
        _("link do opisu dostępności architektonicznej"),
        blank=True,
        help_text=_("Gdy dostępność budynku jest opisana na osobnej stronie."),
    )
    communication = RichTextField(
        _("dostępność komunikacyjno-informacyjna"),
        default="",
        help_text=_(
            "Tłumacz polskiego języka migowego (jak i z jakim wyprzedzeniem go "
            "zamówić), pętla indukcyjna, kontakt SMS, e-mail, tekst łatwy do czytania."
        ),
    )
    mobile_apps = models.TextField(_("aplikacje mobilne"), blank=True)
    is_published = models.BooleanField(
        _("opublikowana"),
        default=False,
        help_text=_(
            "Deklaracja widoczna dla mieszkańców. Wymaga adresu e-mail do "
            "kontaktu (ustawa o dostępności cyfrowej)."
        ),
    )

    class Meta:
        db_table = (
            "news_accessibilitystatement"  # kept from the news app (ARCHITECTURE.md)
        )
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracja dostępności")

    def __str__(self):
        return _("Deklaracja dostępności: %(name)s") % {"name": self.entity_name}

    def get_absolute_url(self):
        return reverse("pages:accessibility_statement")

    def clean(self):
        errors = {}
        if self.status != self.Status.COMPLIANT and not self.inaccessible_content:
            errors["inaccessible_content"] = ValidationError(
                _("Przy tym statusie wymień treści niedostępne."),
                code="inaccessible_content_missing",
            )
        if self.assessment == self.Assessment.EXTERNAL and not self.auditor:
            errors["auditor"] = ValidationError(
                _("Podaj nazwę podmiotu, który ocenił stronę."), code="auditor_missing"
            )
        if self.is_published and not self.email:
            errors["contact_email"] = ValidationError(
                _(
                    "Deklaracji nie można opublikować bez adresu e-mail do kontaktu: "
                    "wymaga go ustawa. Wpisz e-mail ośrodka w „Dane instytucji” "
                    "(albo osobny adres tutaj) lub odznacz „opublikowana”."
                ),
                code="required_to_publish",
            )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def _office(self):
        return Office.current()

    @property
    def email(self):
        """Where residents write about accessibility: the statement's own
        address, else the office's (one fact, one place)."""
        return self.contact_email or self._office.email

    @property
    def phone(self):
        """The statement's own number, else the office's first."""
        return self.contact_phone or next(iter(self._office.phone_numbers), "")

    @property
    def was_reviewed(self):
        """Reviewed at least once since it was prepared (v2.0: a11y-data-przeglad
        is shown from the first review)."""
        return self.last_reviewed_on > self.prepared_on

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()

    def review_deadline(self, today):
        """The next 31 March by which the statement must have been reviewed."""
        deadline = datetime.date(today.year, 3, 31)
        if self.last_reviewed_on >= datetime.date(today.year, 1, 1):
            deadline = datetime.date(today.year + 1, 3, 31)
        return deadline

    def review_is_due(self, today):
        """True from 1 January of a year in which it has not been reviewed yet."""
        return self.last_reviewed_on < datetime.date(today.year, 1, 1)


def content_overdue(today):
    """Everything whose review date has passed: (what, since when, admin URL
    name and pk), pages by date, then the accessibility statement past its
    31 March deadline."""
    items = [
        (f"Strona „{page.title}”", page.review_by, "admin:pages_page_change", page.pk)
        for page in Page.objects.review_overdue(today).order_by("review_by", "pk")
    ]
    statement = AccessibilityStatement.current()
    if statement is not None and statement.review_is_due(today):
        deadline = statement.review_deadline(today)
        if today > deadline:
            items.append(
                (
                    _("Deklaracja dostępności"),
                    deadline,
                    "admin:pages_accessibilitystatement_change",
                    statement.pk,
                )
            )
    return items
