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


def grant_group_permissions(sender, *, using="default", **kwargs):
    """Attach GROUP_PERMISSIONS to the groups; safe to run any number of times."""
    from django.contrib.auth.models import Group, Permission

    for group_name, codenames in GROUP_PERMISSIONS.items():
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
            grant_group_permissions, dispatch_uid="news_group_permissions"
        )
