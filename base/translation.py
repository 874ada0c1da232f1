"""Ukrainian and English columns of the site frame (django-modeltranslation).

An empty translation is stored as NULL: unique columns (slugs) allow any number
of untranslated rows, and a form saved unchanged stores what it read.
"""

from modeltranslation.translator import TranslationOptions, register

from base.models import Attachment, Notice, Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "short_name", "office_hours", "description", "logo_alt")
    empty_values = None


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = ("text", "link_text")
    empty_values = None


@register(Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title",)
    empty_values = None
