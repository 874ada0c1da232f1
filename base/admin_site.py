"""The panel's admin site: Django's, with the second login step in front
(base.two_factor). Installed as the default site by mops_site.apps, so
``admin.site`` and every ``@admin.register`` use it."""

from functools import partial, update_wrapper

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from base import translation_overview, two_factor


class StaffAdminSite(admin.AdminSite):
    site_header = "Panel redakcyjny"
    site_title = "Panel redakcyjny"
    index_title = _("Zarządzanie treścią strony")

    def has_permission(self, request):
        return super().has_permission(request) and two_factor.second_factor_done(
            request
        )

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_active and user.is_staff and not self.has_permission(request):
            # Signed in with the password already: on to the second step.
            return HttpResponseRedirect(
                two_factor.next_step_url(request, two_factor.safe_next(request, ""))
            )
        response = super().login(request, extra_context)
        user = request.user
        if (
            request.method == "POST"
            and user.is_active
            and user.is_staff
            and not self.has_permission(request)
        ):
            return HttpResponseRedirect(
                two_factor.next_step_url(request, two_factor.safe_next(request, ""))
            )
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
