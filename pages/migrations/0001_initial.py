"""Page and AccessibilityStatement move here from news, keeping their tables
(``Meta.db_table``): state only, plus a content-type relabel."""

from django.db import migrations, models

from base.migrations._content_types import relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("base", "0001_initial"),
        ("news", "0008_starter_categories"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables exist already (created by news): state only.
            state_operations=[
                migrations.CreateModel(
                    name="AccessibilityStatement",
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
                            "entity_name",
                            models.CharField(
                                help_text="Pełna nazwa instytucji, np. „Miejski Ośrodek Pomocy Społecznej w Mławie”.",
                                max_length=200,
                                verbose_name="nazwa podmiotu",
                            ),
                        ),
                        (
                            "site_url",
                            models.URLField(
                                help_text="Np. https://mops.mlawa.pl/",
                                verbose_name="adres strony",
                            ),
                        ),
                        (
                            "published_on",
                            models.DateField(
                                help_text="Kiedy strona została opublikowana.",
                                verbose_name="data publikacji strony",
                            ),
                        ),
                        (
                            "updated_on",
                            models.DateField(
                                help_text="Data ostatniej dużej zmiany strony (nie każdego artykułu).",
                                verbose_name="data ostatniej istotnej aktualizacji strony",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("compliant", "zgodna"),
                                    ("partially", "częściowo zgodna"),
                                    ("not_compliant", "niezgodna"),
                                ],
                                default="partially",
                                max_length=15,
                                verbose_name="status zgodności",
                            ),
                        ),
                        (
                            "inaccessible_content",
                            models.TextField(
                                blank=True,
                                help_text="Lista treści, które nie są dostępne, i dlaczego (wymagane przy statusie częściowo zgodna lub niezgodna).",
                                verbose_name="treści niedostępne",
                            ),
                        ),
                        (
                            "exemptions",
                            models.TextField(
                                blank=True,
                                help_text="Treści wyłączone z obowiązku dostępności (np. dokumenty sprzed 23 września 2018 r.) wraz z podstawą.",
                                verbose_name="wyłączenia",
                            ),
                        ),
                        (
                            "prepared_on",
                            models.DateField(
                                verbose_name="data sporządzenia deklaracji"
                            ),
                        ),
                        (
                            "last_reviewed_on",
                            models.DateField(
                                help_text="Deklarację przegląda się co roku, najpóźniej do 31 marca.",
                                verbose_name="data ostatniego przeglądu deklaracji",
                            ),
                        ),
                        (
                            "assessment",
                            models.CharField(
                                choices=[
                                    (
                                        "self",
                                        "samooceny przeprowadzonej przez podmiot publiczny",
                                    ),
                                    (
                                        "external",
                                        "badania przeprowadzonego przez podmiot zewnętrzny",
                                    ),
                                ],
                                default="self",
                                max_length=10,
                                verbose_name="deklarację sporządzono na podstawie",
                            ),
                        ),
                        (
                            "auditor",
                            models.CharField(
                                blank=True,
                                help_text="Nazwa firmy lub osoby, gdy ocenę przeprowadził podmiot zewnętrzny.",
                                max_length=200,
                                verbose_name="podmiot zewnętrzny (audytor)",
                            ),
                        ),
                        (
                            "contact_person",
                            models.CharField(
                                max_length=200, verbose_name="osoba do kontaktu"
                            ),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                max_length=254, verbose_name="e-mail do kontaktu"
                            ),
                        ),
                        (
                            "contact_phone",
                            models.CharField(
                                max_length=50, verbose_name="telefon do kontaktu"
                            ),
                        ),
                        (
                            "procedure",
                            models.TextField(
                                help_text="Jak zgłosić brak dostępności, zażądać dostępu alternatywnego i złożyć skargę.",
                                verbose_name="procedura wnioskowo-skargowa",
                            ),
                        ),
                        (
                            "architecture",
                            models.TextField(
                                blank=True,
                                help_text="Opis dostępności budynku: wejścia, windy, toalety, miejsca parkingowe, pętla indukcyjna, tłumacz PJM, pies asystujący.",
                                verbose_name="dostępność architektoniczna",
                            ),
                        ),
                        (
                            "mobile_apps",
                            models.TextField(
                                blank=True, verbose_name="aplikacje mobilne"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "deklaracja dostępności",
                        "verbose_name_plural": "deklaracja dostępności",
                        "db_table": "news_accessibilitystatement",
                    },
                ),
                migrations.CreateModel(
                    name="Page",
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
                            "title",
                            models.CharField(max_length=200, verbose_name="tytuł"),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Adres strony, np. „kontakt” daje /kontakt/.",
                                max_length=120,
                                unique=True,
                                verbose_name="adres (slug)",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True,
                                help_text="Jedno zdanie o zawartości strony (wyniki wyszukiwarek, udostępnienia).",
                                max_length=300,
                                verbose_name="opis dla wyszukiwarek",
                            ),
                        ),
                        ("body", models.TextField(blank=True, verbose_name="treść")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("standard", "zwykła strona"),
                                    (
                                        "contact",
                                        "kontakt (dane instytucji, godziny pracy, mapa)",
                                    ),
                                    (
                                        "privacy",
                                        "ochrona danych (administrator i inspektor ochrony danych)",
                                    ),
                                ],
                                default="standard",
                                help_text="Kontakt i ochrona danych same dopisują dane z „Dane instytucji”.",
                                max_length=10,
                                verbose_name="rodzaj",
                            ),
                        ),
                        (
                            "video_url",
                            models.URLField(
                                blank=True,
                                help_text="Adres filmu w serwisie YouTube, np. informacja w polskim języku migowym. Film musi mieć napisy. Odtwarzacz ładuje się dopiero po kliknięciu, więc YouTube nie widzi wizyty, dopóki mieszkaniec o to nie poprosi.",
                                verbose_name="film (YouTube)",
                            ),
                        ),
                        (
                            "video_title",
                            models.CharField(
                                blank=True,
                                help_text="Np. „Informacja o ośrodku w polskim języku migowym”.",
                                max_length=200,
                                verbose_name="tytuł filmu",
                            ),
                        ),
                        (
                            "is_public",
                            models.BooleanField(default=True, verbose_name="widoczna"),
                        ),
                        (
                            "show_in_footer",
                            models.BooleanField(
                                default=True, verbose_name="link w stopce"
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="kolejność"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="zmieniono"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "strona",
                        "verbose_name_plural": "strony informacyjne",
                        "db_table": "news_page",
                        "ordering": ["position", "title", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        relabel("news", "pages", ["page", "accessibilitystatement"]),
    ]
