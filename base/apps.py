from django.apps import AppConfig


class BaseConfig(AppConfig):
    """The shared layer below the content apps: the office record, notices,
    attachments, upload and rich-text fields, photo renditions and slugs."""

    name = "base"
    verbose_name = "Ustawienia strony"
    default_auto_field = "django.db.models.BigAutoField"
