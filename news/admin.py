from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from base.admin import AttachmentInline, ContentAdmin
from news.models import Article, ArticleImage, Category


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
    public_change_log = True

    def is_public(self, obj):
        return obj.is_live

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
        # Only who: the rules (slug redirects, …) live on the model.
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
