"""The records the site cannot run without: the office's data and the staff groups.

The groups' permissions are attached after migrate by news.apps (Permission rows
do not exist yet on a fresh database while migrations run).
"""

from django.db import migrations

# Address, phones and hours as published by the office and the town (local press).
# The e-mail and BIP addresses could not be confirmed from public sources, so they
# are left for staff to fill in: the admin's start page asks for them.
MLAWA_OFFICE = {
    "name": "Miejski Ośrodek Pomocy Społecznej w Mławie",
    "short_name": "MOPS Mława",
    "street_address": "ul. Narutowicza 6",
    "postal_code": "06-500",
    "city": "Mława",
    "phone": "23 654 35 60, 23 654 27 69",
    "email": "",
    "office_hours": "poniedziałek–piątek: 8:00–16:00",
    "bip_url": "",
}

GROUPS = ["Redaktorzy", "Wydawcy"]


def create(apps, schema_editor):
    Office = apps.get_model("news", "Office")
    Group = apps.get_model("auth", "Group")
    if not Office.objects.exists():
        Office.objects.create(**MLAWA_OFFICE)
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


def remove(apps, schema_editor):
    Office = apps.get_model("news", "Office")
    Group = apps.get_model("auth", "Group")
    Office.objects.filter(name=MLAWA_OFFICE["name"]).delete()
    Group.objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, remove)]
