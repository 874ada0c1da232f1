"""The office's phone numbers as separate values: "23 654 35 60, 23 654 27 69"
becomes ["23 654 35 60", "23 654 27 69"]; back, they are joined with commas."""

from django.db import migrations, models

import base.fields


def split_numbers(apps, schema_editor):
    Office = apps.get_model("base", "Office")
    for office in Office.objects.using(schema_editor.connection.alias):
        office.phones = [
            n.strip() for n in (office.phone or "").split(",") if n.strip()
        ]
        office.save(update_fields=["phones"])


def join_numbers(apps, schema_editor):
    Office = apps.get_model("base", "Office")
    for office in Office.objects.using(schema_editor.connection.alias):
        office.phone = ", ".join(office.phones or [])[:100]
        office.save(update_fields=["phone"])


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0010_content_change_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="office",
            name="phones",
            field=base.fields.PhoneNumbersField(
                blank=True,
                default=list,
                help_text=(
                    "Każdy numer w osobnej linii, np. „23 654 35 60”; pierwszy jest "
                    "główny (np. w deklaracji dostępności)."
                ),
                verbose_name="telefony",
            ),
        ),
        migrations.RunPython(split_numbers, join_numbers),
        # Back, the column comes back empty before join_numbers fills it.
        migrations.AlterField(
            model_name="office",
            name="phone",
            field=models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.RemoveField(model_name="office", name="phone"),
    ]
