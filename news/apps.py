from django.apps import AppConfig
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models import FileField
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save


#: What each staff group may do. Groups are created by a migration; permissions
#: exist only after Django's post_migrate step, so they are attached here.
def _crud(model, actions=("add", "change", "delete", "view")):
    return [f"news.{action}_{model}" for action in actions]


# Photos and attachments are edited inline in the article form, so whoever writes
# articles needs all permissions on them.
GROUP_PERMISSIONS = {
    "Redaktorzy": [
        *_crud("article", ("add", "change", "view")),
        *_crud("articleimage"),
        *_crud("attachment"),
        "news.view_category",
        "news.view_page",
    ],
    "Wydawcy": [
        *_crud("article"),
        "news.publish_article",
        *_crud("articleimage"),
        *_crud("attachment"),
        *_crud("category"),
        *_crud("page"),
        *_crud("notice"),
        "news.change_accessibilitystatement",
        "news.view_accessibilitystatement",
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


def _file_attnames(model):
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, FileField)]


def _remember_stored_files(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    attnames = _file_attnames(sender)
    instance._stored_files = (
        sender._default_manager.filter(pk=instance.pk).values(*attnames).first() or {}
    )


def _release_replaced_files(sender, instance, raw=False, **kwargs):
    from news.uploads import delete_unused_files

    old = getattr(instance, "_stored_files", {})
    replaced = [
        name
        for attname, name in old.items()
        if name and name != getattr(instance, attname).name
    ]
    if replaced:
        transaction.on_commit(lambda: delete_unused_files(replaced))


def _release_deleted_files(sender, instance, **kwargs):
    from news.uploads import delete_unused_files

    names = [getattr(instance, attname).name for attname in _file_attnames(sender)]
    transaction.on_commit(lambda: delete_unused_files(names))


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from news.search import register_sqlite_fold

        connection_created.connect(
            register_sqlite_fold, dispatch_uid="news_sqlite_fold"
        )
        post_migrate.connect(
            _grant_news_permissions, dispatch_uid="news_group_permissions"
        )
        post_migrate.connect(_sync_site_domain, sender=self, dispatch_uid="news_site")
        # Uploaded files follow their rows: a replaced or deleted file goes once no
        # row uses it any more (after the transaction commits, so a rollback
        # never loses a file).
        for model in self.apps.get_models():
            if _file_attnames(model):
                uid = model._meta.label_lower
                pre_save.connect(
                    _remember_stored_files, model, dispatch_uid=f"{uid}-pre"
                )
                post_save.connect(
                    _release_replaced_files, model, dispatch_uid=f"{uid}-post"
                )
                post_delete.connect(
                    _release_deleted_files, model, dispatch_uid=f"{uid}-del"
                )


def _sync_site_domain(sender, *, using="default", **kwargs):
    """Keep the sites framework's record on the configured public host name
    (feeds and the sitemap build absolute links from it)."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN},
    )


def _grant_news_permissions(sender, *, using="default", **kwargs):
    # Runs after every app's migrate step: other apps' permissions (redirects)
    # exist only once their own post_migrate has run.
    grant_group_permissions(GROUP_PERMISSIONS, using=using)
