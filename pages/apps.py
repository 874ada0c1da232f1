from django.apps import AppConfig

from accounts.roles import connect_group_permissions, crud

#: What each staff group may do with pages and the statement (see base.apps).
GROUP_PERMISSIONS = {
    "Redaktorzy": ["pages.view_page"],
    "Wydawcy": [
        *crud("pages", "page"),
        "pages.change_accessibilitystatement",
        "pages.view_accessibilitystatement",
    ],
}


class PagesConfig(AppConfig):
    """Static pages and the accessibility statement the law requires: what
    contrib.flatpages would be, plus the statement."""

    name = "pages"
    verbose_name = "Strony"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from page_cache import cache as page_cache

        connect_group_permissions(self, GROUP_PERMISSIONS)
        page_cache.watch(
            self.get_model("Page"), self.get_model("AccessibilityStatement")
        )
