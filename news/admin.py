from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Exists, OuterRef

from news.models import Article, Category, Office


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "phone", "email"]
    list_filter = []
    search_fields = ["name", "short_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "short_name"]}),
        ("Adres", {"fields": ["street_address", "postal_code", "city"]}),
        ("Kontakt", {"fields": ["phone", "email", "office_hours", "bip_url"]}),
    ]

    def has_add_permission(self, request):
        # One record: the office. It is created by a migration.
        return super().has_add_permission(request) and not Office.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
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
            "slug",
        ]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3, "maxlength": 300})}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "status", "is_live", "published_at", "category", "author"]
    list_filter = ["status", "category", "is_featured", "published_at"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = [
        (None, {"fields": ["title", "lead", "body"]}),
        (
            "Publikacja",
            {"fields": ["status", "published_at", "category", "is_featured"]},
        ),
        ("Adres strony", {"classes": ["collapse"], "fields": ["slug"]}),
    ]
    publishing_fields = ["status", "published_at", "is_featured"]

    def get_queryset(self, request):
        live = Article.objects.published().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(live=Exists(live))

    @admin.display(boolean=True, description="Widoczny publicznie", ordering="live")
    def is_live(self, obj):
        return obj.live

    def get_readonly_fields(self, request, obj=None):
        # Editors ("Redaktorzy") prepare drafts; publishing needs news.publish_article.
        if request.user.has_perm("news.publish_article"):
            return []
        return self.publishing_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        old_slug = form.initial.get("slug")
        super().save_model(request, obj, form, change)
        was_public = change and form.initial.get("status") == Article.Status.PUBLISHED
        if was_public and old_slug and old_slug != obj.slug:
            old_url = Article(slug=old_slug).get_absolute_url()
            obj.redirect_old_url(old_url)
