"""The panel's staff accounts: the user list and form the office uses (a
role is a group; a new person gets a one-time password) and the roles."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import one_time_passwords
from accounts.roles import GROUP_DESCRIPTIONS
from accounts.two_factor import remove_second_factor

# Phone apps and recovery codes are each person's own (Weryfikacja dwuetapowa);
# the user list shows who has them and lets a superuser reset a lost phone.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


#: The session's key for a new account's one-time password until it is shown.
ONE_TIME_PASSWORD_SHOWN = "one_time_password_shown"  # noqa: S105 (a key)


class StaffCreationForm(forms.ModelForm):
    """A new staff member as the office adds one: name, e-mail, login and role;
    the password is a one-time one, made here and shown once, which the person
    replaces with their own at the first sign-in (accounts.one_time_passwords)."""

    role = forms.ModelChoiceField(
        label=_("Rola"),
        queryset=Group.objects.filter(name__in=GROUP_DESCRIPTIONS).order_by("name"),
        empty_label=None,
    )

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email", "username"]
        help_texts = {
            "username": _(
                "Login do panelu, np. anna.kowalska: litery, cyfry i znaki . _ -"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["role"].help_text = format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li><strong>{}</strong>: {}</li>", GROUP_DESCRIPTIONS.items()
            ),
        )
        self.one_time_password = None

    def save(self, commit=True):
        user = super().save(commit=False)
        self.one_time_password = one_time_passwords.new_password()
        user.set_password(self.one_time_password)
        user.last_login = None
        if commit:
            user.save()
            self._save_m2m()
        return user

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.groups.add(self.cleaned_data["role"])


@admin.register(get_user_model())
class StaffUserAdmin(DjangoUserAdmin):
    """Staff accounts: a role is a group; being in one is what lets a person in
    (accounts.roles keeps ``is_staff`` in step), so there is no separate box to tick."""

    add_form = StaffCreationForm
    add_form_template = "admin/change_form.html"
    change_form_template = "admin/auth/user/staff_change_form.html"
    add_fieldsets = [
        (None, {"fields": ["first_name", "last_name", "email", "username", "role"]}),
    ]
    # Fits 1280 px: the e-mail is in each person's form.
    list_display = [
        "full_name",
        "username",
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
        (_("Dane osobowe"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Rola i dostęp"),
            {"fields": ["groups", "is_active", "is_staff", "is_superuser"]},
        ),
        (_("Ważne daty"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_queryset(self, request):
        has_app = Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
        return (
            super()
            .get_queryset(request)
            .prefetch_related("groups")
            .annotate(has_two_factor=has_app)
        )

    @admin.display(description=_("Weryfikacja dwuetapowa"), boolean=True)
    def two_factor(self, obj):
        return obj.has_two_factor

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        description=_("Wyłącz weryfikację dwuetapową (np. po utracie telefonu)"),
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        users = list(queryset)
        for user in users:
            remove_second_factor(user)
        self.message_user(
            request,
            _(
                "Wyłączono weryfikację dwuetapową dla %(count)d os. Przy następnym "
                "logowaniu osoby, których rola jej wymaga, połączą nowy telefon."
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )

    @admin.display(description=_("Imię i nazwisko"), ordering="last_name")
    def full_name(self, obj):
        return obj.get_full_name() or obj.get_username()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        password = getattr(form, "one_time_password", None)
        if not change and password:
            # Shown once on the person's form, kept meanwhile in the
            # server-side session (never in a cookie or a message).
            request.session[ONE_TIME_PASSWORD_SHOWN] = [obj.pk, password]

    def response_add(self, request, obj, post_url_continue=None):
        if request.session.get(ONE_TIME_PASSWORD_SHOWN):
            # "Zapisz i dodaj kolejny" too goes to the new person's form first:
            # the one-time password is shown there, once, or never.
            request.POST = request.POST.copy()
            request.POST.pop("_addanother", None)
        return super().response_add(request, obj, post_url_continue)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        shown = request.session.get(ONE_TIME_PASSWORD_SHOWN)
        if obj is not None and shown and shown[0] == obj.pk:
            del request.session[ONE_TIME_PASSWORD_SHOWN]
            context["one_time_password"] = shown[1]
        response = super().render_change_form(
            request, context, add, change, form_url, obj
        )
        if "one_time_password" in context:
            response["Cache-Control"] = "no-store"
        return response

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if (
            request.method == "POST"
            and response.status_code == 302
            and str(request.user.pk) != str(id)
        ):
            # A password set for someone else is one-time: they choose their own.
            get_user_model().objects.filter(pk=id).update(last_login=None)
        return response

    @admin.display(description=_("Rola"))
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.help_text = format_html(
                "{}<ul>{}</ul>",
                _("Osoba w grupie może logować się do panelu; bez grupy traci dostęp."),
                format_html_join(
                    "", "<li><strong>{}</strong>: {}</li>", GROUP_DESCRIPTIONS.items()
                ),
            )
        return field


@admin.register(Group)
class RoleAdmin(DjangoGroupAdmin):
    list_display = ["name", "description"]

    @admin.display(description=_("Co może"))
    def description(self, obj):
        return GROUP_DESCRIPTIONS.get(obj.name, "—")
