from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """Content in Polish, Ukrainian and English: the abstract Translatable with
    its status, per-language slugs and Ukrainian transliteration. No tables of
    its own and nothing of the project below it."""

    name = "languages"
