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
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from js_asset import Media

from news.apps import GROUP_DESCRIPTIONS
from news.models import (
    AccessibilityStatement,
    Article,
    ArticleImage,
    Attachment,
    Category,
    Notice,
    Office,
    Page,
)

# The site's domain follows DJANGO_SITE_DOMAIN after every migrate (news.apps); an
# admin page for it would only invite edits that are silently undone, and its
# name ("Strony") would be confused with the site's pages.
admin.site.unregister(Site)
admin.site.unregister(Redirect)


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

    def view_on_site(self, obj):
        # "Pokaż na stronie" on the host and port the panel is open on (Django's
        # default goes through the sites framework's domain, which may differ).
        return obj.get_absolute_url()

    def render_change_form(self, request, context, *args, **kwargs):
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
        return super().render_change_form(request, context, *args, **kwargs)


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
        "is_active",
        "last_login",
    ]
    list_filter = ["groups", "is_active", "is_superuser"]
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
        return super().get_queryset(request).prefetch_related("groups")

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


class ArticleImageFormSet(forms.BaseInlineFormSet):
    """A published article's images all need a text alternative (or "decorative"),
    and only one of them can be the main image."""

    def clean(self):
        super().clean()
        kept = [
            (number, form)
            for number, form in enumerate(self.forms, start=1)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        mains = [f for _, f in kept if f.cleaned_data.get("placement") == "main"]
        if len(mains) > 1:
            raise ValidationError(
                "Tylko jedno zdjęcie może być zdjęciem głównym; pozostałe ustaw jako "
                "„galeria”."
            )
        if self.instance.status != Article.Status.PUBLISHED:
            return
        missing = []
        for number, form in kept:
            data = form.cleaned_data
            if data.get("is_decorative") or data.get("alt_text", "").strip():
                continue
            form.add_error(
                "alt_text",
                "Wpisz, co przedstawia zdjęcie, albo zaznacz „dekoracyjne”.",
            )
            image = data.get("image")
            name = image.name.rsplit("/", 1)[-1] if image else "bez pliku"
            missing.append(f"zdjęcie nr {number} ({name})")
        if missing:
            raise ValidationError(
                "Nie można opublikować artykułu: brak tekstu alternatywnego dla: "
                + ", ".join(missing)
                + ". Opisz zdjęcie albo zaznacz „dekoracyjne”, albo zapisz artykuł "
                "jako szkic."
            )


class ArticleImageInline(admin.StackedInline):
    model = ArticleImage
    formset = ArticleImageFormSet
    extra = 0
    fields = [
        "image",
        "preview",
        ("alt_text", "is_decorative"),
        ("caption", "credit"),
        ("placement", "position"),
    ]
    readonly_fields = ["preview"]

    @admin.display(description="Podgląd")
    def preview(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        smallest = obj.renditions["jpg"][0]
        return format_html(
            '<img src="{}" alt="{}" width="200" height="{}">',
            smallest.url,
            obj.alt,
            round(smallest.height * 200 / smallest.width),
        )


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
    ]

    def has_add_permission(self, request):
        # One record: the office. It is created by a migration.
        return super().has_add_permission(request) and not Office.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    list_filter = []
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ("name",)}


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "lead",
            "body",
            "status",
            "published_at",
            "category",
            "is_featured",
            "featured_until",
            "slug",
        ]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3, "maxlength": 300})}


class PublicationFilter(admin.SimpleListFilter):
    """The states of the status column, each through its QuerySet method."""

    title = "stan publikacji"
    parameter_name = "stan"
    STATES = {
        "szkic": ("szkice", "drafts"),
        "zaplanowany": ("zaplanowane", "scheduled"),
        "opublikowany": ("opublikowane", "published"),
    }

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _) in self.STATES.items()]

    def queryset(self, request, queryset):
        if self.value() in self.STATES:
            return getattr(queryset, self.STATES[self.value()][1])()
        return queryset


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    form = ArticleAdminForm
    list_display = ["title", "publication", "category", "author"]
    list_filter = [PublicationFilter, "category", "is_featured", "published_at"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ArticleImageInline, AttachmentInline]
    fieldsets = [
        (None, {"fields": ["title", "lead", "body"]}),
        (
            "Publikacja",
            {
                "fields": [
                    "status",
                    "published_at",
                    "category",
                    ("is_featured", "featured_until"),
                ]
            },
        ),
        ("Adres strony", {"classes": ["collapse"], "fields": ["slug"]}),
    ]
    publishing_fields = ["status", "published_at", "is_featured", "featured_until"]

    @admin.display(description="Stan", ordering="published_at")
    def publication(self, obj):
        return obj.publication_label

    def autocomplete_label(self, obj):
        # Pickers (e.g. an award's articles) mark what residents cannot see.
        return obj.label_with_state

    def get_readonly_fields(self, request, obj=None):
        # Editors ("Redaktorzy") prepare drafts; publishing needs news.publish_article.
        if request.user.has_perm("news.publish_article"):
            return []
        return self.publishing_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        # As stored before this save (an editor's form has no status field).
        before = (
            Article.objects.filter(pk=obj.pk).values("slug", "status").first()
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        was_published = before and before["status"] == Article.Status.PUBLISHED
        if was_published and before["slug"] != obj.slug:
            old_url = Article(slug=before["slug"]).get_absolute_url()
            obj.redirect_old_url(old_url)


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "slug", "kind", "is_public", "show_in_footer", "position"]
    list_editable = ["position"]
    list_filter = ["kind", "is_public", "show_in_footer"]
    search_fields = ["title", "description", "body"]
    prepopulated_fields = {"slug": ("title",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "description", "body", "kind"]}),
        ("Film", {"fields": ["video_url", "video_title"]}),
        ("Publikacja", {"fields": ["is_public", "show_in_footer", "position", "slug"]}),
    ]


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


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(ContentAdmin):
    list_display = ["entity_name", "status", "last_reviewed_on", "review_deadline"]
    list_filter = ["status"]
    search_fields = ["entity_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["entity_name", "site_url", "published_on", "updated_on"]}),
        (
            "Stan dostępności",
            {"fields": ["status", "inaccessible_content", "exemptions"]},
        ),
        (
            "Sporządzenie deklaracji",
            {"fields": ["prepared_on", "last_reviewed_on", "assessment", "auditor"]},
        ),
        (
            "Informacje zwrotne i kontakt",
            {
                "fields": [
                    "contact_person",
                    "contact_email",
                    "contact_phone",
                    "procedure",
                ]
            },
        ),
        ("Dostępność architektoniczna", {"fields": ["architecture", "mobile_apps"]}),
    ]

    @admin.display(description="Termin przeglądu")
    def review_deadline(self, obj):
        return obj.review_deadline(timezone.localdate())

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and not AccessibilityStatement.objects.exists()
        )

    def has_delete_permission(self, request, obj=None):
        return False
