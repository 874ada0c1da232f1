"""Office, Notice, Attachment (now in base) and Page, AccessibilityStatement (now
in pages) leave news' state; their tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_starter_categories"),
        ("base", "0001_initial"),
        ("pages", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AccessibilityStatement"),
                migrations.RemoveField(model_name="attachment", name="content_type"),
                migrations.DeleteModel(name="Notice"),
                migrations.DeleteModel(name="Office"),
                migrations.DeleteModel(name="Page"),
                migrations.DeleteModel(name="Attachment"),
            ],
            database_operations=[],
        ),
    ]
