from django.apps import AppConfig
from django.db.models.signals import post_migrate

#: What each staff group may do with pages and the statement (see base.apps).
GROUP_PERMISSIONS = {
    "Redaktorzy": ["pages.view_page"],
    "Wydawcy": [
        *[f"pages.{action}_page" for action in ("add", "change", "delete", "view")],
        "pages.change_accessibilitystatement",
        "pages.view_accessibilitystatement",
    ],
}


def _grant_pages_permissions(sender, *, using="default", **kwargs):
    from base.apps import grant_group_permissions

    grant_group_permissions(GROUP_PERMISSIONS, using=using)


class PagesConfig(AppConfig):
    """Static pages and the accessibility statement the law requires: what
    contrib.flatpages would be, plus the statement."""

    name = "pages"
    verbose_name = "Strony"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(
            _grant_pages_permissions, dispatch_uid="pages_group_permissions"
        )
