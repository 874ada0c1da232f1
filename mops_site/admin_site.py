"""The panel's admin site: Django's, with the second login step and one-time
passwords in front (accounts). Installed as the default site by mops_site.apps,
so ``admin.site`` and every ``@admin.register`` use it."""

from functools import partial, update_wrapper

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accounts import one_time_passwords, two_factor
from base import translation_overview

#: Views a person who must choose their password may still open.
OPEN_BEFORE_OWN_PASSWORD = {"password_change", "password_change_done", "logout"}


class StaffAdminSite(admin.AdminSite):
    site_header = "Panel redakcyjny"
    site_title = "Panel redakcyjny"
    index_title = _("Zarządzanie treścią strony")

    def has_permission(self, request):
        if not (
            super().has_permission(request) and two_factor.second_factor_done(request)
        ):
            return False
        # A one-time password opens the page that changes it, nothing else.
        match = getattr(request, "resolver_match", None)
        view = match.url_name if match else None
        return (
            not one_time_passwords.required(request) or view in OPEN_BEFORE_OWN_PASSWORD
        )

    def _next_step(self, request):
        """Signed in with the password: the second step, then (with a one-time
        password) choosing one's own."""
        if not two_factor.second_factor_done(request):
            return HttpResponseRedirect(
                two_factor.next_step_url(request, two_factor.safe_next(request, ""))
            )
        messages.info(
            request,
            _(
                "Hasło, którym się zalogowano, było jednorazowe. Ustaw własne "
                "hasło, aby korzystać z panelu."
            ),
        )
        return HttpResponseRedirect(reverse("admin:password_change"))

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_active and user.is_staff and not self.has_permission(request):
            return self._next_step(request)  # signed in with the password already
        one_time = request.method == "POST" and one_time_passwords.is_one_time(
            request.POST.get(get_user_model().USERNAME_FIELD, "")
        )
        response = super().login(request, extra_context)
        user = request.user
        if request.method == "POST" and user.is_active and user.is_staff:
            if one_time:
                one_time_passwords.signed_in_with_one(request)
            if not self.has_permission(request):
                return self._next_step(request)
        return response

    def password_change(self, request, extra_context=None):
        response = super().password_change(request, extra_context)
        if request.method == "POST" and response.status_code == 302:
            one_time_passwords.chosen(request)
        return response

    def get_urls(self):
        def view(function):
            wrapped = partial(function, site=self)
            return update_wrapper(wrapped, function)

        return [
            path(
                "tlumaczenia/",
                self.admin_view(view(translation_overview.overview)),
                name="translations",
            ),
            path("dwuetapowa/", view(two_factor.overview), name="two_factor"),
            path(
                "dwuetapowa/kod/",
                view(two_factor.verify),
                name="two_factor_verify",
            ),
            path(
                "dwuetapowa/konfiguracja/",
                view(two_factor.setup),
                name="two_factor_setup",
            ),
            path(
                "dwuetapowa/nowe-kody/",
                view(two_factor.regenerate_codes),
                name="two_factor_codes",
            ),
            path(
                "dwuetapowa/wylacz/",
                view(two_factor.disable),
                name="two_factor_disable",
            ),
            path(
                "dwuetapowa/wyloguj/",
                view(two_factor.sign_out),
                name="two_factor_sign_out",
            ),
            *super().get_urls(),
        ]
