from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Static pages and the accessibility statement the law requires: what
    contrib.flatpages would be, plus the statement."""

    name = "pages"
    verbose_name = "Strony"
    default_auto_field = "django.db.models.BigAutoField"
