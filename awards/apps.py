from django.apps import AppConfig
from django.db.models.signals import post_migrate

GROUP_PERMISSIONS = {
    "Redaktorzy": ["awards.view_award", "awards.view_issuer"],
    "Wydawcy": [
        f"awards.{action}_{model}"
        for model in ("award", "issuer")
        for action in ("add", "change", "delete", "view")
    ],
}


def _grant_awards_permissions(sender, *, using="default", **kwargs):
    from base.apps import grant_group_permissions

    grant_group_permissions(GROUP_PERMISSIONS, using=using)


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Wyróżnienia"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(
            _grant_awards_permissions, dispatch_uid="awards_group_permissions"
        )
