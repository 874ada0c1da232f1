from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin with the panel's own site (second login step)."""

    default_site = "base.admin_site.StaffAdminSite"
