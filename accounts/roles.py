"""Roles are groups ("Redaktorzy", "Wydawcy"), created by migrations; each app
attaches the permissions its models need (``connect_group_permissions`` in its
``ready()``); being in a group is what lets a person into the panel."""

from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def crud(app, model, actions=("add", "change", "delete", "view")):
    """ "app.add_model", "app.change_model", …: the codenames of ``actions``."""
    return [f"{app}.{action}_{model}" for action in actions]


#: What each group may do, in words, for the office admin who adds a person.
GROUP_DESCRIPTIONS = {
    "Redaktorzy": _(
        "piszą i poprawiają artykuły, dodają do nich zdjęcia i załączniki; "
        "zapisują szkice, ale nie publikują ani nie usuwają artykułów."
    ),
    "Wydawcy": _(
        "wszystko, co redaktorzy, a do tego publikują, planują, wycofują i "
        "usuwają artykuły oraz prowadzą wyróżnienia, strony, komunikaty, kategorie, "
        "przekierowania, dane instytucji i deklarację dostępności."
    ),
}


def sync_staff_status(user_ids):
    """A person in a staff group can log in to the panel; one who left every
    group cannot any more (superusers keep their access)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    User = get_user_model()
    in_a_group = Exists(User.groups.through.objects.filter(user_id=OuterRef("pk")))
    users = User.objects.filter(pk__in=user_ids)
    users.filter(in_a_group, is_staff=False).update(is_staff=True)
    users.filter(~in_a_group, is_staff=True, is_superuser=False).update(is_staff=False)


def staff_follows_groups(sender, instance, action, reverse, pk_set, **kwargs):
    # Django's User model has no hook of ours: membership changes arrive here,
    # from the admin's user or group form, add_staff or the shell alike.
    if action == "pre_clear" and reverse:
        instance._cleared_user_ids = list(
            instance.user_set.values_list("pk", flat=True)
        )
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        user_ids = [instance.pk]
    elif action == "post_clear":
        user_ids = getattr(instance, "_cleared_user_ids", [])
    else:
        user_ids = pk_set
    sync_staff_status(user_ids)
    if not reverse:
        instance.refresh_from_db(fields=["is_staff"])


def grant_group_permissions(group_permissions, *, using="default"):
    """Attach ``{group: ["app.codename", ...]}`` to the groups; idempotent."""
    from django.contrib.auth.models import Group, Permission

    for group_name, codenames in group_permissions.items():
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is not None:
                group.permissions.add(permission)


def connect_group_permissions(app_config, group_permissions):
    """Attach an app's ``{group: [codenames]}`` after every migrate. Connected to
    every app's post_migrate (no sender): other apps' permissions (redirects)
    exist only once their own post_migrate has run."""

    def grant(sender, *, using="default", **kwargs):
        grant_group_permissions(group_permissions, using=using)

    post_migrate.connect(
        grant, weak=False, dispatch_uid=f"{app_config.label}_group_permissions"
    )
