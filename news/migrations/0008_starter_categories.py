"""Categories a MOPS publishes under from day one; staff rename or remove them.

Without them every new article of a fresh install could only be "Wyróżnienia".
Going back removes only the starter categories no article uses.
"""

from django.db import migrations

STARTER_CATEGORIES = [
    ("komunikaty", "Komunikaty", "Bieżące informacje ośrodka dla mieszkańców."),
    ("wydarzenia", "Wydarzenia", "Spotkania, warsztaty, akcje i uroczystości."),
    (
        "pomoc-spoleczna",
        "Pomoc społeczna",
        "Zasiłki, świadczenia i usługi: kto może je otrzymać i jak o nie wnioskować.",
    ),
    ("projekty", "Projekty", "Programy i projekty realizowane przez ośrodek."),
    ("ogloszenia", "Ogłoszenia", "Nabory, konkursy, zapytania i oferty pracy."),
    (
        "wyroznienia",
        "Wyróżnienia",
        "Certyfikaty, nagrody i wyróżnienia przyznane ośrodkowi.",
    ),
]


def create(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for slug, name, description in STARTER_CATEGORIES:
        if not Category.objects.filter(slug=slug).exists() and not (
            Category.objects.filter(name=name).exists()
        ):
            Category.objects.create(slug=slug, name=name, description=description)


def remove(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    Category.objects.filter(
        slug__in=[slug for slug, _, _ in STARTER_CATEGORIES], articles__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0007_article_featured_until")]

    operations = [migrations.RunPython(create, remove)]
