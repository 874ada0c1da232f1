from django.db import migrations, models

#: The Polish text moves into the new Polish columns (the original column stays,
#: django-modeltranslation keeps it in step); back, the Polish columns are copied
#: into the original ones before they go.
FIELDS = {
    "Issuer": ["name", "short_name", "slug", "description"],
    "Award": [
        "title",
        "slug",
        "description",
        "recipient",
        "occasion",
        "presenter_role",
    ],
}


def copy_columns(apps, forward):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("awards", model_name)
        for name in fields:
            source, target = (name, f"{name}_pl") if forward else (f"{name}_pl", name)
            model._base_manager.update(**{target: models.F(source)})


def to_polish_columns(apps, schema_editor):
    copy_columns(apps, forward=True)


def from_polish_columns(apps, schema_editor):
    copy_columns(apps, forward=False)


class Migration(migrations.Migration):
    """The data step of 0004_translations, in its own transaction: PostgreSQL refuses to
    change a table's schema after updating its rows in the same transaction
    (going back, the copy runs before the columns go)."""

    dependencies = [("awards", "0004_translations")]

    operations = [migrations.RunPython(to_polish_columns, from_polish_columns)]
