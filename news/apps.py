from django.apps import AppConfig
from django.db.models.signals import post_migrate

#: What each staff group may do. Groups are created by a migration; permissions
#: exist only after Django's post_migrate step, so they are attached here.
GROUP_PERMISSIONS = {
    "Redaktorzy": [
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.view_category",
    ],
    "Wydawcy": [
        "news.add_article",
        "news.change_article",
        "news.delete_article",
        "news.view_article",
        "news.publish_article",
        "news.add_category",
        "news.change_category",
        "news.delete_category",
        "news.view_category",
        "news.change_office",
        "news.view_office",
        "redirects.add_redirect",
        "redirects.change_redirect",
        "redirects.delete_redirect",
        "redirects.view_redirect",
    ],
}


def grant_group_permissions(group_permissions, *, using="default"):
    """Attach ``{group: ["app.codename", ...]}`` to the groups; idempotent."""
    from django.contrib.auth.models import Group, Permission

    for group_name, codenames in group_permissions.items():
        group, _ = Group.objects.using(using).get_or_create(name=group_name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is not None:
                group.permissions.add(permission)


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(
            _grant_news_permissions, dispatch_uid="news_group_permissions"
        )


def _grant_news_permissions(sender, *, using="default", **kwargs):
    # Runs after every app's migrate step: other apps' permissions (redirects)
    # exist only once their own post_migrate has run.
    grant_group_permissions(GROUP_PERMISSIONS, using=using)
