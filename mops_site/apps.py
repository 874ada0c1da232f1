from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

#: What a screen reader says for the panel's yes/no icons (Django's text is the
#: Python words "True"/"False").
BOOLEAN_ICON_TEXT = {True: _("tak"), False: _("nie"), None: _("nie wiadomo")}


def _boolean_icon(field_val):
    icon = {True: "yes", False: "no", None: "unknown"}[field_val]
    return format_html(
        '<img src="{}" alt="{}">',
        static(f"admin/img/icon-{icon}.svg"),
        BOOLEAN_ICON_TEXT[field_val],
    )


class StaffAdminConfig(AdminConfig):
    """Django's admin with the panel's own site (second login step), its yes/no
    icons named in Polish."""

    default_site = "mops_site.admin_site.StaffAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.admin.templatetags import admin_list

        # Every list, read-only field and filter takes the icon from here.
        admin_list._boolean_icon = _boolean_icon


class LoginLockoutConfig(AxesConfig):
    """django-axes (locks an address out after failed logins), named in Polish
    in the panel; its model and field names are in locale/overrides."""

    verbose_name = _("Blokady logowania")
