from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _crud(model, actions=("add", "change", "delete", "view")):
    return [f"news.{action}_{model}" for action in actions]


#: What each staff group may do with articles (see base.apps). Photos are edited
#: inline in the article form, so whoever writes articles needs them all.
GROUP_PERMISSIONS = {
    "Redaktorzy": [
        *_crud("article", ("add", "change", "view")),
        *_crud("articleimage"),
        "news.view_category",
    ],
    "Wydawcy": [
        *_crud("article"),
        "news.publish_article",
        *_crud("articleimage"),
        *_crud("category"),
    ],
}


def _grant_news_permissions(sender, *, using="default", **kwargs):
    from base.apps import grant_group_permissions

    grant_group_permissions(GROUP_PERMISSIONS, using=using)


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(
            _grant_news_permissions, dispatch_uid="news_group_permissions"
        )
