"""Ukrainian and English columns of the pages app's content (django-modeltranslation).

An empty translation is stored as NULL: unique columns (slugs) allow any number
of untranslated rows, and a form saved unchanged stores what it read.
"""

from modeltranslation.translator import TranslationOptions, register

from pages.models import AccessibilityStatement, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "description", "body", "video_title")
    empty_values = None


@register(AccessibilityStatement)
class AccessibilityStatementTranslation(TranslationOptions):
    fields = (
        "entity_name",
        "inaccessible_content",
        "exemptions",
        "auditor",
        "contact_person",
        "procedure",
        "burden_assessment",
        "architecture",
        "communication",
        "mobile_apps",
    )
    empty_values = None
