from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import connect_group_permissions, crud

#: What each staff group may do with awards (see base.apps).
GROUP_PERMISSIONS = {
    "Redaktorzy": ["awards.view_award", "awards.view_issuer"],
    "Wydawcy": [*crud("awards", "award"), *crud("awards", "issuer")],
}


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Wyróżnienia")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from page_cache import cache as page_cache

        connect_group_permissions(self, GROUP_PERMISSIONS)
        # Validity changes at local midnight, which the page cache always keeps to.
        page_cache.watch(self.get_model("Issuer"), self.get_model("Award"))
