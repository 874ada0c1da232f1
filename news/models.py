import datetime
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from base import images
from base.fields import CleanImageField, DocumentField, RichTextField
from base.slugs import RESERVED_SLUGS, unique_slug
from base.uploads import UploadTo, validate_document, validate_image


class Office(models.Model):
    """The office's own data ("Dane instytucji"), shown in every page's footer.

    One record, edited by staff: a renamed or moved office is a form edit.
    """

    name = models.CharField(
        "pełna nazwa",
        max_length=200,
        help_text="Pełna nazwa urzędowa, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”. "
        "Widoczna w nagłówku i stopce każdej strony.",
    )
    short_name = models.CharField(
        "nazwa skrócona",
        max_length=60,
        help_text="Krótka nazwa używana w tytule karty przeglądarki, np. „MOPS Mława”.",
    )
    street_address = models.CharField(
        "ulica i numer", max_length=200, help_text="Np. „ul. Narutowicza 6”."
    )
    postal_code = models.CharField(
        "kod pocztowy", max_length=6, help_text="Np. „06-500”."
    )
    city = models.CharField("miejscowość", max_length=100, help_text="Np. „Mława”.")
    phone = models.CharField(
        "telefon",
        max_length=100,
        blank=True,
        help_text="Jeden lub kilka numerów, oddzielonych przecinkami, np. „23 654 35 60”.",
    )
    email = models.EmailField("e-mail", blank=True)
    office_hours = models.TextField(
        "godziny pracy",
        blank=True,
        help_text="Każda linia osobno, np. „poniedziałek–piątek: 8:00–16:00”.",
    )
    bip_url = models.URLField(
        "adres BIP",
        blank=True,
        help_text="Adres Biuletynu Informacji Publicznej, linkowany w stopce każdej strony.",
    )
    dpo_name = models.CharField(
        "inspektor ochrony danych",
        max_length=200,
        blank=True,
        help_text="Imię i nazwisko inspektora ochrony danych (IOD), pokazywane na "
        "stronie „Ochrona danych osobowych”.",
    )
    dpo_email = models.EmailField(
        "e-mail inspektora ochrony danych",
        blank=True,
        help_text="Adres, pod którym mieszkańcy kontaktują się z IOD.",
    )

    class Meta:
        verbose_name = "dane instytucji"
        verbose_name_plural = "dane instytucji"

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
        return [number.strip() for number in self.phone.split(",") if number.strip()]

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


class Category(models.Model):
    name = models.CharField("nazwa", max_length=100, unique=True)
    slug = models.SlugField(
        "adres (slug)",
        max_length=120,
        unique=True,
        help_text="Część adresu strony kategorii, np. „wyroznienia”. "
        "Uzupełnia się sama z nazwy.",
    )
    description = models.TextField(
        "opis",
        blank=True,
        help_text="Krótkie wprowadzenie wyświetlane nad listą artykułów kategorii.",
    )

    class Meta:
        verbose_name = "kategoria"
        verbose_name_plural = "kategorie"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


#: How long a featured article stays first when staff set no end.
FEATURED_FOR = datetime.timedelta(days=14)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, with a publication time not in the future.

        Every public view, feed, sitemap and count goes through this method.
        """
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        """Published with a time still to come: they will appear by themselves."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def featured_first(self):
        """Articles featured now before the others, then newest first. Featuring
        ends by itself: at ``featured_until``, or FEATURED_DAYS after publication
        when no end was set."""
        now = timezone.now()
        featured_now = Q(is_featured=True) & (
            Q(featured_until__gt=now)
            | Q(featured_until__isnull=True, published_at__gt=now - FEATURED_FOR)
        )
        return self.annotate(
            featured_now=models.Case(
                models.When(featured_now, then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        ).order_by("-featured_now", "-published_at", "-pk")

    def for_cards(self):
        """Everything an article card shows: the category joined, main images in
        one extra query whatever the number of articles."""
        main_images = ArticleImage.objects.filter(placement=ArticleImage.Placement.MAIN)
        return self.select_related("category").prefetch_related(
            models.Prefetch("images", queryset=main_images, to_attr="main_images")
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Szkic"
        PUBLISHED = "published", "Opublikowany"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=220,
        unique=True,
        blank=True,
        help_text="Część adresu artykułu. Uzupełnia się sama z tytułu (bez polskich "
        "znaków). Zmiana adresu opublikowanego artykułu tworzy przekierowanie ze "
        "starego adresu, więc udostępnione linki dalej działają.",
    )
    lead = models.CharField(
        "zajawka",
        max_length=300,
        help_text="Jedno–dwa zdania streszczenia (do 300 znaków), bez formatowania. "
        "Pokazywane na liście aktualności, w wynikach wyszukiwarek i w kanale RSS.",
    )
    body = RichTextField(
        "treść",
        blank=True,
        help_text="Treść artykułu. Śródtytuły zaczynaj od „Nagłówek 2”; tytuł strony "
        "jest dodawany automatycznie.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="kategoria",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="autor",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="articles",
    )
    status = models.CharField(
        "status",
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text="Szkic widzą tylko pracownicy. Opublikowany artykuł widzą wszyscy od "
        "daty publikacji.",
    )
    published_at = models.DateTimeField(
        "data publikacji",
        null=True,
        blank=True,
        help_text="Ustawiana automatycznie przy pierwszej publikacji. Data w przyszłości "
        "oznacza publikację zaplanowaną: artykuł pojawi się sam o tej godzinie.",
    )
    is_featured = models.BooleanField(
        "wyróżniony",
        default=False,
        help_text="Wyróżnione artykuły są pokazywane jako pierwsze na stronie głównej, "
        "do daty w polu „wyróżniony do”.",
    )
    featured_until = models.DateTimeField(
        "wyróżniony do",
        null=True,
        blank=True,
        help_text="Po tej chwili artykuł wraca na swoje miejsce według daty. Puste "
        "pole przy zaznaczonym wyróżnieniu: 14 dni od publikacji.",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    updated_at = models.DateTimeField("zmieniono", auto_now=True)
    attachments = GenericRelation("news.Attachment")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "artykuł"
        verbose_name_plural = "artykuły"
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", "Może publikować artykuły")]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="news_article_pub_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="news_article_published_has_date",
                condition=Q(status="draft") | Q(published_at__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="artykul")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now().replace(microsecond=0)
        if not self.is_featured:
            self.featured_until = None
        elif self.featured_until is None:
            start = self.published_at or timezone.now().replace(microsecond=0)
            self.featured_until = start + FEATURED_FOR
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": "Ten adres jest zajęty przez dział aktualności; wybierz inny."}
            )

    @property
    def is_live(self):
        """Whether residents see it now: the instance twin of ``published()``."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

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
        """One clear state for staff: "szkic", "zaplanowany na 5 grudnia 2026,
        10:00" or "opublikowany"."""
        if self.status != self.Status.PUBLISHED:
            return "szkic"
        if self.is_live:
            if self.is_featured_now and self.featured_until:
                until = timezone.localtime(self.featured_until)
                return f"opublikowany, wyróżniony do {format_date(until, 'j E, H:i')}"
            return "opublikowany"
        when = timezone.localtime(self.published_at)
        return f"zaplanowany na {format_date(when, 'j E Y, H:i')}"

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


class ArticleImage(models.Model):
    """A photo of an article: its main image or one of its gallery."""

    class Placement(models.TextChoices):
        MAIN = "main", "zdjęcie główne"
        GALLERY = "gallery", "galeria"

    article = models.ForeignKey(
        Article, verbose_name="artykuł", on_delete=models.CASCADE, related_name="images"
    )
    image = CleanImageField(
        "plik zdjęcia",
        upload_to=UploadTo("articles"),
        width_field="width",
        height_field="height",
        validators=[validate_image],
        help_text="JPEG, PNG, WebP lub GIF, do 10 MB i 40 megapikseli. Dane EXIF "
        "(w tym lokalizacja GPS) są usuwane. Wymagany jest tekst alternatywny albo "
        "zaznaczenie „dekoracyjne”.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        "tekst alternatywny",
        max_length=250,
        blank=True,
        help_text="Co widać na zdjęciu, dla osób, które go nie widzą, np. „Dyrektor "
        "ośrodka odbiera certyfikat z rąk przedstawicielki CAL”. Nie zaczynaj od "
        "„zdjęcie…”.",
    )
    is_decorative = models.BooleanField(
        "dekoracyjne",
        default=False,
        help_text="Zaznacz tylko, gdy zdjęcie nic nie wnosi do treści (ozdobnik); "
        "czytniki ekranu je pominą.",
    )
    caption = models.CharField("podpis", max_length=300, blank=True)
    credit = models.CharField(
        "autor zdjęcia", max_length=200, blank=True, help_text="Np. „fot. MOPS Mława”."
    )
    placement = models.CharField(
        "miejsce",
        max_length=10,
        choices=Placement,
        default=Placement.GALLERY,
        help_text="Zdjęcie główne jest nad treścią artykułu i na liście aktualności; "
        "pozostałe tworzą galerię pod artykułem.",
    )
    position = models.PositiveSmallIntegerField("kolejność", default=0)

    class Meta:
        verbose_name = "zdjęcie"
        verbose_name_plural = "zdjęcia"
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


class Attachment(models.Model):
    """A document residents download ("Do pobrania"), attached to any content."""

    class Language(models.TextChoices):
        POLISH = "pl", "polski"
        UKRAINIAN = "uk", "ukraiński"
        ENGLISH = "en", "angielski"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(
        "tytuł",
        max_length=200,
        help_text="Nazwa, którą zobaczy mieszkaniec, np. „Wniosek o zasiłek celowy”. "
        "Format i rozmiar pliku dopisują się same.",
    )
    file = DocumentField(
        "plik",
        upload_to=UploadTo("attachments"),
        validators=[validate_document],
        help_text="PDF, DOCX, ODT, XLSX, ODS lub TXT, do 20 MB.",
    )
    language = models.CharField(
        "język dokumentu", max_length=5, choices=Language, default=Language.POLISH
    )
    position = models.PositiveSmallIntegerField("kolejność", default=0)

    class Meta:
        verbose_name = "załącznik"
        verbose_name_plural = "załączniki"
        ordering = ["position", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="news_attachment_obj_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.file.url

    @property
    def file_format(self):
        """ "PDF", "DOCX", …: the stored name's extension follows the content."""
        return (
            self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
        )


#: Top-level addresses that belong to the site; a page cannot take them.
RESERVED_PAGE_SLUGS = {
    "admin",
    "aktualnosci",
    "deklaracja-dostepnosci",
    "healthz",
    "media",
    "static",
    "szukaj",
    "ustawienia",
    "wyroznienia",
}

YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)"
    r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})(?:[?&#].*)?$"
)


class PageQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def in_footer(self):
        return self.public().filter(show_in_footer=True)


class Page(models.Model):
    """A static page: "O nas", "Kontakt", the RODO clause, easy-to-read and
    sign-language information."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "zwykła strona"
        CONTACT = "contact", "kontakt (dane instytucji, godziny pracy, mapa)"
        PRIVACY = "privacy", "ochrona danych (administrator i inspektor ochrony danych)"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=120,
        unique=True,
        help_text="Adres strony, np. „kontakt” daje /kontakt/.",
    )
    description = models.CharField(
        "opis dla wyszukiwarek",
        max_length=300,
        blank=True,
        help_text="Jedno zdanie o zawartości strony (wyniki wyszukiwarek, udostępnienia).",
    )
    body = RichTextField("treść", blank=True)
    kind = models.CharField(
        "rodzaj",
        max_length=10,
        choices=Kind,
        default=Kind.STANDARD,
        help_text="Kontakt i ochrona danych same dopisują dane z „Dane instytucji”.",
    )
    video_url = models.URLField(
        "film (YouTube)",
        blank=True,
        help_text="Adres filmu w serwisie YouTube, np. informacja w polskim języku "
        "migowym. Film musi mieć napisy. Odtwarzacz ładuje się dopiero po kliknięciu, "
        "więc YouTube nie widzi wizyty, dopóki mieszkaniec o to nie poprosi.",
    )
    video_title = models.CharField(
        "tytuł filmu",
        max_length=200,
        blank=True,
        help_text="Np. „Informacja o ośrodku w polskim języku migowym”.",
    )
    is_public = models.BooleanField("widoczna", default=True)
    show_in_footer = models.BooleanField("link w stopce", default=True)
    position = models.PositiveSmallIntegerField("kolejność", default=0)
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = "strona"
        verbose_name_plural = "strony informacyjne"
        ordering = ["position", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in RESERVED_PAGE_SLUGS:
            raise ValidationError(
                {"slug": "Ten adres jest zajęty przez inną część strony."}
            )
        if self.video_url and not YOUTUBE_ID.match(self.video_url):
            raise ValidationError(
                {
                    "video_url": "Podaj adres filmu z serwisu YouTube, np. "
                    "https://www.youtube.com/watch?v=…"
                }
            )

    @property
    def video_embed_url(self):
        match = YOUTUBE_ID.match(self.video_url or "")
        if not match:
            return ""
        query = urlencode({"cc_load_policy": 1, "cc_lang_pref": "pl", "hl": "pl"})
        return f"https://www.youtube-nocookie.com/embed/{match['id']}?{query}"


class NoticeQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)


class Notice(models.Model):
    """A time-boxed announcement on every page ("komunikat")."""

    class Level(models.TextChoices):
        INFO = "info", "informacja"
        WARNING = "warning", "ostrzeżenie"

    text = models.CharField(
        "treść komunikatu",
        max_length=300,
        help_text="Krótko i konkretnie, np. „Przy mrozie poniżej −10°C wydajemy gorące "
        "posiłki przy ul. Narutowicza 6, 13:00–14:00.”",
    )
    link_url = models.CharField(
        "link (opcjonalnie)",
        max_length=300,
        blank=True,
        help_text="Adres strony ze szczegółami, np. /aktualnosci/goracy-posilek/.",
    )
    link_text = models.CharField(
        "tekst linku",
        max_length=100,
        blank=True,
        help_text="Np. „Szczegóły komunikatu”.",
    )
    level = models.CharField("rodzaj", max_length=10, choices=Level, default=Level.INFO)
    starts_at = models.DateTimeField("pokazuj od")
    ends_at = models.DateTimeField(
        "pokazuj do", help_text="Po tej chwili komunikat znika sam."
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "komunikat"
        verbose_name_plural = "komunikaty"
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

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(
                "Koniec wyświetlania musi być późniejszy niż jego początek.",
                code="ends_before_start",
            )
        if self.link_url and not self.link_url.startswith(("/", "https://")):
            errors["link_url"] = ValidationError(
                "Podaj adres zaczynający się od „/” albo „https://”.",
                code="invalid_link",
            )
        if self.link_url and not self.link_text:
            errors["link_text"] = ValidationError(
                "Podaj tekst linku, np. „Szczegóły”.", code="link_text_missing"
            )
        if errors:  # all at once: staff fix everything in one go
            raise ValidationError(errors)


class AccessibilityStatement(models.Model):
    """The accessibility statement ("deklaracja dostępności") the law requires,
    kept as data and rendered with the ids of the technical conditions."""

    class Status(models.TextChoices):
        COMPLIANT = "compliant", "zgodna"
        PARTIALLY = "partially", "częściowo zgodna"
        NOT_COMPLIANT = "not_compliant", "niezgodna"

    class Assessment(models.TextChoices):
        SELF = "self", "samooceny przeprowadzonej przez podmiot publiczny"
        EXTERNAL = "external", "badania przeprowadzonego przez podmiot zewnętrzny"

    entity_name = models.CharField(
        "nazwa podmiotu",
        max_length=200,
        help_text="Pełna nazwa instytucji, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”.",
    )
    site_url = models.URLField("adres strony", help_text="Np. https://mops.mlawa.pl/")
    published_on = models.DateField(
        "data publikacji strony", help_text="Kiedy strona została opublikowana."
    )
    updated_on = models.DateField(
        "data ostatniej istotnej aktualizacji strony",
        help_text="Data ostatniej dużej zmiany strony (nie każdego artykułu).",
    )
    status = models.CharField(
        "status zgodności", max_length=15, choices=Status, default=Status.PARTIALLY
    )
    inaccessible_content = RichTextField(
        "treści niedostępne",
        blank=True,
        help_text="Lista treści, które nie są dostępne, i dlaczego (wymagane przy statusie "
        "częściowo zgodna lub niezgodna).",
    )
    exemptions = RichTextField(
        "wyłączenia",
        blank=True,
        help_text="Treści wyłączone z obowiązku dostępności (np. dokumenty sprzed "
        "23 września 2018 r.) wraz z podstawą.",
    )
    prepared_on = models.DateField("data sporządzenia deklaracji")
    last_reviewed_on = models.DateField(
        "data ostatniego przeglądu deklaracji",
        help_text="Deklarację przegląda się co roku, najpóźniej do 31 marca.",
    )
    assessment = models.CharField(
        "deklarację sporządzono na podstawie",
        max_length=10,
        choices=Assessment,
        default=Assessment.SELF,
    )
    auditor = models.CharField(
        "podmiot zewnętrzny (audytor)",
        max_length=200,
        blank=True,
        help_text="Nazwa firmy lub osoby, gdy ocenę przeprowadził podmiot zewnętrzny.",
    )
    contact_person = models.CharField("osoba do kontaktu", max_length=200)
    contact_email = models.EmailField("e-mail do kontaktu")
    contact_phone = models.CharField("telefon do kontaktu", max_length=50)
    procedure = RichTextField(
        "procedura wnioskowo-skargowa",
        help_text="Jak zgłosić brak dostępności, zażądać dostępu alternatywnego i "
        "złożyć skargę.",
    )
    architecture = RichTextField(
        "dostępność architektoniczna",
        blank=True,
        help_text="Opis dostępności budynku: wejścia, windy, toalety, miejsca parkingowe, "
        "pętla indukcyjna, tłumacz PJM, pies asystujący.",
    )
    mobile_apps = models.TextField("aplikacje mobilne", blank=True)

    class Meta:
        verbose_name = "deklaracja dostępności"
        verbose_name_plural = "deklaracja dostępności"

    def __str__(self):
        return f"Deklaracja dostępności: {self.entity_name}"

    def get_absolute_url(self):
        return reverse("accessibility_statement")

    def clean(self):
        if self.status != self.Status.COMPLIANT and not self.inaccessible_content:
            raise ValidationError(
                {"inaccessible_content": "Przy tym statusie wymień treści niedostępne."}
            )
        if self.assessment == self.Assessment.EXTERNAL and not self.auditor:
            raise ValidationError(
                {"auditor": "Podaj nazwę podmiotu, który ocenił stronę."}
            )

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
