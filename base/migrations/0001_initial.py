"""Office, Notice and Attachment move here from news, keeping their tables
(``Meta.db_table``): Django's state changes, the database does not. See
ARCHITECTURE.md §1.3 and tests/migrations/test_app_move.py."""

import base.fields
import base.uploads
import django.db.models.deletion
from django.db import migrations, models

from base.migrations._content_types import relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0008_starter_categories"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables exist already (created by news): state only.
            state_operations=[
                migrations.CreateModel(
                    name="Office",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text="Pełna nazwa urzędowa, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”. Widoczna w nagłówku i stopce każdej strony.",
                                max_length=200,
                                verbose_name="pełna nazwa",
                            ),
                        ),
                        (
                            "short_name",
                            models.CharField(
                                help_text="Krótka nazwa używana w tytule karty przeglądarki, np. „MOPS Mława”.",
                                max_length=60,
                                verbose_name="nazwa skrócona",
                            ),
                        ),
                        (
                            "street_address",
                            models.CharField(
                                help_text="Np. „ul. Narutowicza 6”.",
                                max_length=200,
                                verbose_name="ulica i numer",
                            ),
                        ),
                        (
                            "postal_code",
                            models.CharField(
                                help_text="Np. „06-500”.",
                                max_length=6,
                                verbose_name="kod pocztowy",
                            ),
                        ),
                        (
                            "city",
                            models.CharField(
                                help_text="Np. „Mława”.",
                                max_length=100,
                                verbose_name="miejscowość",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="Jeden lub kilka numerów, oddzielonych przecinkami, np. „23 654 35 60”.",
                                max_length=100,
                                verbose_name="telefon",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="e-mail"
                            ),
                        ),
                        (
                            "office_hours",
                            models.TextField(
                                blank=True,
                                help_text="Każda linia osobno, np. „poniedziałek–piątek: 8:00–16:00”.",
                                verbose_name="godziny pracy",
                            ),
                        ),
                        (
                            "bip_url",
                            models.URLField(
                                blank=True,
                                help_text="Adres Biuletynu Informacji Publicznej, linkowany w stopce każdej strony.",
                                verbose_name="adres BIP",
                            ),
                        ),
                        (
                            "dpo_name",
                            models.CharField(
                                blank=True,
                                help_text="Imię i nazwisko inspektora ochrony danych (IOD), pokazywane na stronie „Ochrona danych osobowych”.",
                                max_length=200,
                                verbose_name="inspektor ochrony danych",
                            ),
                        ),
                        (
                            "dpo_email",
                            models.EmailField(
                                blank=True,
                                help_text="Adres, pod którym mieszkańcy kontaktują się z IOD.",
                                max_length=254,
                                verbose_name="e-mail inspektora ochrony danych",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "dane instytucji",
                        "verbose_name_plural": "dane instytucji",
                        "db_table": "news_office",
                    },
                ),
                migrations.CreateModel(
                    name="Notice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "text",
                            models.CharField(
                                help_text="Krótko i konkretnie, np. „Przy mrozie poniżej −10°C wydajemy gorące posiłki przy ul. Narutowicza 6, 13:00–14:00.”",
                                max_length=300,
                                verbose_name="treść komunikatu",
                            ),
                        ),
                        (
                            "link_url",
                            models.CharField(
                                blank=True,
                                help_text="Adres strony ze szczegółami, np. /aktualnosci/goracy-posilek/.",
                                max_length=300,
                                verbose_name="link (opcjonalnie)",
                            ),
                        ),
                        (
                            "link_text",
                            models.CharField(
                                blank=True,
                                help_text="Np. „Szczegóły komunikatu”.",
                                max_length=100,
                                verbose_name="tekst linku",
                            ),
                        ),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("info", "informacja"),
                                    ("warning", "ostrzeżenie"),
                                ],
                                default="info",
                                max_length=10,
                                verbose_name="rodzaj",
                            ),
                        ),
                        ("starts_at", models.DateTimeField(verbose_name="pokazuj od")),
                        (
                            "ends_at",
                            models.DateTimeField(
                                help_text="Po tej chwili komunikat znika sam.",
                                verbose_name="pokazuj do",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "komunikat",
                        "verbose_name_plural": "komunikaty",
                        "db_table": "news_notice",
                        "ordering": ["-starts_at", "-pk"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("ends_at__gt", models.F("starts_at"))
                                ),
                                name="news_notice_ends_after_start",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Attachment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        (
                            "title",
                            models.CharField(
                                help_text="Nazwa, którą zobaczy mieszkaniec, np. „Wniosek o zasiłek celowy”. Format i rozmiar pliku dopisują się same.",
                                max_length=200,
                                verbose_name="tytuł",
                            ),
                        ),
                        (
                            "file",
                            base.fields.DocumentField(
                                help_text="PDF, DOCX, ODT, XLSX, ODS lub TXT, do 20 MB.",
                                upload_to=base.uploads.UploadTo("attachments"),
                                validators=[base.uploads.validate_document],
                                verbose_name="plik",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("pl", "polski"),
                                    ("uk", "ukraiński"),
                                    ("en", "angielski"),
                                ],
                                default="pl",
                                max_length=5,
                                verbose_name="język dokumentu",
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="kolejność"
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "załącznik",
                        "verbose_name_plural": "załączniki",
                        "db_table": "news_attachment",
                        "ordering": ["position", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id"],
                                name="news_attachment_obj_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        relabel("news", "base", ["office", "notice", "attachment"]),
    ]
