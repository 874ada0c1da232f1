from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from news import images
from news.fields import CleanImageField, DocumentField, RichTextField
from news.slugs import unique_slug
from news.uploads import UploadTo, validate_document, validate_image


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


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, with a publication time not in the future.

        Every public view, feed, sitemap and count goes through this method.
        """
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

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
        help_text="Wyróżnione artykuły są pokazywane jako pierwsze na stronie głównej.",
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
            self.published_at = timezone.now()

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
    def has_text_alternative(self):
        return self.is_decorative or bool(self.alt_text.strip())

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
