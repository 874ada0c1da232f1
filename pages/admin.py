from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.admin import ContentAdmin
from pages.models import AccessibilityStatement, Page


@admin.register(Page)
class PageAdmin(ContentAdmin):
    presence_object = _("tę stronę")
    public_change_log = True

    def is_public(self, obj):
        return obj.is_public

    list_display = [
        "title",
        "slug",
        "kind",
        "is_public",
        "show_in_footer",
        "review_by",
        "position",
    ]
    list_editable = ["position"]
    list_filter = ["kind", "is_public", "show_in_footer"]
    restore_keeps = ["is_public"]  # restoring brings back content, not visibility
    search_fields = ["title", "description", "body"]
    prepopulated_fields = {"slug": ("title",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "description", "body", "kind"]}),
        (_("Film"), {"fields": ["video_url", "video_title"]}),
        (
            _("Publikacja"),
            {
                "fields": [
                    "is_public",
                    "show_in_footer",
                    "position",
                    "slug",
                    "review_by",
                ]
            },
        ),
    ]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(ContentAdmin):
    presence_object = _("deklarację dostępności")
    list_display = ["entity_name", "status", "last_reviewed_on", "review_deadline"]
    list_filter = ["status"]
    restore_keeps = ["is_published"]  # restoring brings back content, not visibility
    search_fields = ["entity_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["entity_name", "site_url", "published_on", "updated_on"]}),
        (
            _("Stan dostępności"),
            {"fields": ["status", "inaccessible_content", "exemptions"]},
        ),
        (
            _("Sporządzenie deklaracji"),
            {"fields": ["prepared_on", "last_reviewed_on", "assessment", "auditor"]},
        ),
        (
            _("Informacje zwrotne i kontakt"),
            {
                "fields": [
                    "contact_person",
                    "contact_email",
                    "contact_phone",
                    "procedure",
                ]
            },
        ),
        (
            _("Dostępność architektoniczna i komunikacyjna"),
            {
                "fields": [
                    "architecture",
                    "architecture_url",
                    "communication",
                    "mobile_apps",
                ]
            },
        ),
        (
            _("Nadmierne obciążenie"),
            {"classes": ["collapse"], "fields": ["burden_assessment"]},
        ),
        (_("Publikacja"), {"fields": ["is_published"]}),
    ]

    @admin.display(description=_("Termin przeglądu"))
    def review_deadline(self, obj):
        return obj.review_deadline(timezone.localdate())

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and not AccessibilityStatement.objects.exists()
        )

    def has_delete_permission(self, request, obj=None):
        return False
