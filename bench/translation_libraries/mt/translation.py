from modeltranslation.translator import TranslationOptions, register

from mt.models import Item


@register(Item)
class ItemTranslation(TranslationOptions):
    fields = ("title", "lead")
