"""Ukrainian and English columns of the awards app's content (django-modeltranslation).

An empty translation is stored as NULL: unique columns (slugs) allow any number
of untranslated rows, and a form saved unchanged stores what it read.
"""

from modeltranslation.translator import TranslationOptions, register

from awards.models import Award, Issuer


@register(Issuer)
class IssuerTranslation(TranslationOptions):
    fields = ("name", "short_name", "slug", "description")
    empty_values = None


@register(Award)
class AwardTranslation(TranslationOptions):
    fields = ("title", "slug", "description", "recipient", "occasion", "presenter_role")
    empty_values = None
