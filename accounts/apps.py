from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts: roles (groups), two-step login, one-time passwords, the
    panel's network allow-list and password reset. No models of its own (the
    accounts are Django's, the phones django-otp's)."""

    name = "accounts"
    verbose_name = _("Konta pracowników")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from accounts.roles import staff_follows_groups

        # Membership changes arrive here from the admin's user or group form,
        # add_staff or the shell alike.
        m2m_changed.connect(
            staff_follows_groups,
            sender=get_user_model().groups.through,
            dispatch_uid="accounts_staff_follows_groups",
        )
