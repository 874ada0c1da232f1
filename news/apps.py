from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from base.apps import connect_group_permissions, crud

#: What each staff group may do with articles (see base.apps). Photos are edited
#: inline in the article form, so whoever writes articles needs them all.
GROUP_PERMISSIONS = {
    "Redaktorzy": [
        *crud("news", "article", ("add", "change", "view")),
        *crud("news", "articleimage"),
        "news.view_category",
    ],
    "Wydawcy": [
        *crud("news", "article"),
        "news.publish_article",
        *crud("news", "articleimage"),
        *crud("news", "category"),
    ],
}


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Aktualności")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        connect_group_permissions(self, GROUP_PERMISSIONS)
