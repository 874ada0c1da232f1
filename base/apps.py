from django.apps import AppConfig
from django.db import transaction
from django.db.models import FileField
from django.db.models.signals import (
    post_delete,
    post_migrate,
    post_save,
    pre_save,
)
from django.utils.translation import gettext_lazy as _

from accounts.roles import connect_group_permissions, crud

#: What each staff group may do with this app's models. Groups are created by a
#: migration; permissions exist only after Django's post_migrate step, so each app
#: attaches its own there (grant_group_permissions). Attachments are edited inline
#: in article and award forms, so whoever writes those needs them all.
GROUP_PERMISSIONS = {
    "Redaktorzy": [*crud("base", "attachment")],
    "Wydawcy": [
        *crud("base", "attachment"),
        *crud("base", "notice"),
        "base.change_office",
        "base.view_office",
        *crud("redirects", "redirect"),
    ],
}


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
    from base.uploads import delete_unused_files

    old = getattr(instance, "_stored_files", {})
    replaced = [
        name
        for attname, name in old.items()
        if name and name != getattr(instance, attname).name
    ]
    if replaced:
        transaction.on_commit(lambda: delete_unused_files(replaced))


def _release_deleted_files(sender, instance, **kwargs):
    from base.uploads import delete_unused_files

    names = [getattr(instance, attname).name for attname in _file_attnames(sender)]
    transaction.on_commit(lambda: delete_unused_files(names))


def _write_office_snapshot(sender, instance, raw=False, **kwargs):
    from base.error_pages import write_office_snapshot

    if not raw:
        transaction.on_commit(lambda: write_office_snapshot(instance))


def _office_snapshot_after_migrate(sender, *, apps=None, using="default", **kwargs):
    # The office record is created by a migration, which sends no post_save. The
    # models are those of the state migrated to (the record may not exist there).
    from base.error_pages import write_office_snapshot

    try:
        Office = (apps or sender.apps).get_model("base", "Office")
    except LookupError:
        return
    office = Office.objects.using(using).order_by("pk").first()
    if office is not None:
        write_office_snapshot(office)


def _sync_site_domain(sender, *, using="default", **kwargs):
    """Keep the sites framework's record on the configured public host name
    (feeds and the sitemap build absolute links from it)."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN},
    )


def _watch_for_page_cache(config):
    """What of this app (and of Django's own) residents' pages show; each content
    app registers its own models the same way (page_cache)."""
    from django.contrib.auth import get_user_model
    from django.contrib.redirects.models import Redirect
    from django.contrib.sites.models import Site

    from page_cache import cache as page_cache

    page_cache.watch(
        config.get_model("Office"),
        config.get_model("Notice"),
        config.get_model("Attachment"),
        # "Historia zmian" under articles and pages shows the notes.
        config.get_model("RevisionNote"),
        Redirect,
        Site,
    )
    page_cache.changes_at(_next_notice_change)
    # The database counts every change, in the change's transaction.
    counter = config.get_model("ContentChangeCount")
    page_cache.count_changes(add=counter.count_one, read=counter.current)
    # Residents' display preferences: a page per text size and contrast.
    from base import preferences

    page_cache.vary_on_cookie(
        preferences.TEXT_COOKIE, preferences.TEXT_SIZES, default="normal"
    )
    page_cache.vary_on_cookie(
        preferences.CONTRAST_COOKIE, preferences.CONTRASTS, default="0"
    )
    # Articles name who published them; a login (last_login only) changes nothing.
    post_save.connect(
        _person_saved, sender=get_user_model(), dispatch_uid="page-cache:person"
    )


def _person_saved(sender, update_fields=None, raw=False, **kwargs):
    from page_cache import cache as page_cache

    if not raw and set(update_fields or ()) != {"last_login"}:
        page_cache.content_changed()


def _next_notice_change(now):
    from django.db.models import Min, Q

    from base.models import Notice

    found = Notice.objects.aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)


class BaseConfig(AppConfig):
    """The site frame below the content apps: the office record, notices,
    attachments, upload and rich-text fields, photo renditions, error pages,
    and (until the editing floor moves out) the editing machinery."""

    name = "base"
    verbose_name = _("Ustawienia strony")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):

        from base.history import keep_every_column

        # Versions hold every language's text (the translated columns exist
        # only now that all apps are loaded).
        keep_every_column()

        connect_group_permissions(self, GROUP_PERMISSIONS)
        _watch_for_page_cache(self)
        post_migrate.connect(_sync_site_domain, sender=self, dispatch_uid="base_site")
        post_migrate.connect(
            _office_snapshot_after_migrate, sender=self, dispatch_uid="base_office_copy"
        )
        post_save.connect(
            _write_office_snapshot,
            sender=self.get_model("Office"),
            dispatch_uid="base_office_copy_on_save",
        )
        # Uploaded files follow their rows, in every app: a replaced or deleted
        # file goes once no row uses it any more (after the transaction commits,
        # so a rollback never loses a file). Runs when all models are loaded.
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
