"""What every admin of the site shares, and the admins of the site frame: the
office record, notices, attachments (inline in any app), redirects, staff users and
their roles."""

import errno

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.redirects.admin import RedirectAdmin as DjangoRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.utils.html import format_html, format_html_join
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from js_asset import Media

from base.apps import GROUP_DESCRIPTIONS
from base.models import Attachment, Notice, Office
from base.two_factor import remove_second_factor
from base.uploads import DISK_FULL

# The site's domain follows DJANGO_SITE_DOMAIN after every migrate (base.apps); an
# admin page for it would only invite edits that are silently undone, and its
# name ("Strony") would be confused with the site's pages.
admin.site.unregister(Site)
admin.site.unregister(Redirect)
# Phone apps and recovery codes are each person's own (Weryfikacja dwuetapowa);
# the user list shows who has them and lets a superuser reset a lost phone.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(Redirect)
class RedirectAdmin(DjangoRedirectAdmin):
    """Django's redirects, with the one site already chosen (staff never need to
    pick the host name from a list)."""

    def get_changeform_initial_data(self, request):
        return {
            "site": Site.objects.get_current().pk,
            **super().get_changeform_initial_data(request),
        }


class CspNonceMediaMixin:
    """Give the change form's media (the rich-text editor's import map and module
    scripts) the request's CSP nonce, so the editor runs under the strict policy,
    and name the editor's menu buttons in Polish."""

    class Media:
        js = ["admin/js/editor-pl.js"]

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


DATE_FORMAT_HELP = "Wpisz datę w formacie dd.mm.rrrr, np. 05.12.2026."
TIME_FORMAT_HELP = "Wpisz godzinę w formacie gg:mm, np. 10:00."


def _specific_date_messages(field):
    """Django's "Wpisz poprawną datę." says nothing about the format expected."""
    if isinstance(field, forms.SplitDateTimeField):
        date_field, time_field = field.fields
        date_field.error_messages["invalid"] = DATE_FORMAT_HELP
        time_field.error_messages["invalid"] = TIME_FORMAT_HELP
        field.error_messages.update(
            invalid_date=DATE_FORMAT_HELP,
            invalid_time=TIME_FORMAT_HELP,
            incomplete="Podaj datę i godzinę.",
        )
    elif isinstance(field, forms.DateField):
        field.error_messages["invalid"] = DATE_FORMAT_HELP
    return field


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, labelled by the target's ``autocomplete_label``
    when its admin has one (articles show "(szkic)")."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result


class ContentAdmin(CspNonceMediaMixin, admin.ModelAdmin):
    """What every admin form of the site does for office staff: the editor under
    the CSP, date errors that show the format, and no silently lost files."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return _specific_date_messages(field) if field else field

    def changeform_view(self, request, *args, **kwargs):
        # The disk filled up between the form's check and the writing (another
        # upload at the same moment): the transaction wrote nothing and the
        # storage removed the partial file; say so instead of an error page.
        try:
            return super().changeform_view(request, *args, **kwargs)
        except OSError as error:
            if error.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            messages.error(request, f"{DISK_FULL} Nic nie zostało zapisane.")
            return HttpResponseRedirect(request.get_full_path())

    def change_form_warnings(self, obj):
        """What staff should know on opening ``obj``'s form; an app's admin adds
        its own. Here: attachments whose file went missing on the server."""
        return [
            f"Plik załącznika „{attachment.title}” zniknął z serwera: mieszkańcy "
            "widzą „plik niedostępny”. Wybierz plik ponownie w tym załączniku albo "
            "go usuń."
            for attachment in getattr(
                obj, "attachments", Attachment.objects.none()
            ).all()
            if not attachment.is_available
        ]

    def view_on_site(self, obj):
        # "Pokaż na stronie" on the host and port the panel is open on (Django's
        # default goes through the sites framework's domain, which may differ).
        return obj.get_absolute_url()

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        # Warnings on opening the form, from the object the view already has.
        if request.method == "GET" and obj is not None:
            for warning in self.change_form_warnings(obj):
                messages.warning(request, warning)
        # A browser never sends a chosen file again: after an error the person
        # must pick it anew, so say which files were not saved.
        if request.method == "POST" and request.FILES and context.get("errors"):
            names = ", ".join(
                upload.name for upload in request.FILES.values() if upload
            )
            messages.error(
                request,
                "Formularz ma błędy, więc wybrane pliki nie zostały zapisane: "
                f"{names}. Popraw błędy i wybierz te pliki ponownie.",
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class StaffUserAdmin(DjangoUserAdmin):
    """Staff accounts: a role is a group; being in one is what lets a person in
    (news.apps keeps ``is_staff`` in step), so there is no separate box to tick."""

    list_display = [
        "username",
        "full_name",
        "email",
        "roles",
        "two_factor",
        "is_active",
        "last_login",
    ]
    list_filter = ["groups", "is_active", "is_superuser"]
    actions = ["reset_two_factor"]
    readonly_fields = ["is_staff", "last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Dane osobowe", {"fields": ["first_name", "last_name", "email"]}),
        (
            "Rola i dostęp",
            {"fields": ["groups", "is_active", "is_staff", "is_superuser"]},
        ),
        ("Ważne daty", {"fields": ["last_login", "date_joined"]}),
    ]

    def get_queryset(self, request):
        has_app = Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
        return (
            super()
            .get_queryset(request)
            .prefetch_related("groups")
            .annotate(has_two_factor=has_app)
        )

    @admin.display(description="Weryfikacja dwuetapowa", boolean=True)
    def two_factor(self, obj):
        return obj.has_two_factor

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        description="Wyłącz weryfikację dwuetapową (np. po utracie telefonu)",
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        users = list(queryset)
        for user in users:
            remove_second_factor(user)
        self.message_user(
            request,
            f"Wyłączono weryfikację dwuetapową dla {len(users)} os. Przy "
            "następnym logowaniu osoby, których rola jej wymaga, połączą nowy "
            "telefon.",
            messages.SUCCESS,
        )

    @admin.display(description="Imię i nazwisko", ordering="last_name")
    def full_name(self, obj):
        return obj.get_full_name() or "—"

    @admin.display(description="Rola")
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.help_text = format_html(
                "Osoba w grupie może logować się do panelu; bez grupy traci "
                "dostęp.<ul>{}</ul>",
                format_html_join(
                    "", "<li><strong>{}</strong>: {}</li>", GROUP_DESCRIPTIONS.items()
                ),
            )
        return field


@admin.register(Group)
class RoleAdmin(DjangoGroupAdmin):
    list_display = ["name", "description"]

    @admin.display(description="Co może")
    def description(self, obj):
        return GROUP_DESCRIPTIONS.get(obj.name, "—")


class AttachmentInline(GenericTabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "language", "position"]


@admin.register(Office)
class OfficeAdmin(ContentAdmin):
    list_display = ["name", "short_name", "city", "phone", "email"]
    list_filter = []
    search_fields = ["name", "short_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "short_name"]}),
        ("Adres", {"fields": ["street_address", "postal_code", "city"]}),
        ("Kontakt", {"fields": ["phone", "email", "office_hours", "bip_url"]}),
        ("Ochrona danych osobowych", {"fields": ["dpo_name", "dpo_email"]}),
        ("Opis i logo", {"fields": ["description", "logo", "logo_alt"]}),
    ]

    def has_add_permission(self, request):
        # One record: the office. It is created by a migration.
        return super().has_add_permission(request) and not Office.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class NoticeStatusFilter(admin.SimpleListFilter):
    title = "wyświetlanie"
    parameter_name = "teraz"

    def lookups(self, request, model_admin):
        return [("tak", "wyświetlane teraz")]

    def queryset(self, request, queryset):
        if self.value() == "tak":
            return queryset.current()
        return queryset


@admin.register(Notice)
class NoticeAdmin(ContentAdmin):
    list_display = ["text", "level", "starts_at", "ends_at", "is_shown"]
    list_filter = [NoticeStatusFilter, "level"]
    search_fields = ["text"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        shown = Notice.objects.current().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(shown=Exists(shown))

    @admin.display(boolean=True, description="Wyświetlany teraz", ordering="shown")
    def is_shown(self, obj):
        return obj.shown
